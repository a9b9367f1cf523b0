/**
 * Numbers written the way every cost output writes them (en-US digits and separators).
 * Pure TypeScript.
 */

/**
 * `Intl.NumberFormat`s made once: `toLocaleString` with options builds a new formatter on every call, which
 * was most of the estimate's time (an estimate formats thousands of numbers, on every synth).
 */
const formatters = new Map<string, Intl.NumberFormat>();

/** `n.toLocaleString('en-US', options)`, with the formatter cached. */
export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', options);
    formatters.set(key, f);
  }
  return f.format(n);
}
