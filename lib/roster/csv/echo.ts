/**
 * How a roster value is echoed in a message: at most 40 characters, then "…(N characters)". A roster
 * with a 10 MB cell (a pasted document, a binary file saved as .csv) must give a readable error, not a
 * 10 MB one — and a value too long to show is still located by its line and column.
 */
export const ECHO_LIMIT = 40;

export function shown(value: string, limit = ECHO_LIMIT): string {
  if (value.length <= limit) return value;
  let total = 0;
  let head = '';
  for (const ch of value) {
    if (total < limit) head += ch;
    total++;
  }
  return total <= limit ? value : `${head}…(${total} characters / ${total} 文字)`;
}
