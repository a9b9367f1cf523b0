/**
 * Number and table formatting shared by the cost renderers: yen with thousands separators, USD prices with
 * their significant digits, and plain-text tables that line up in a terminal even with Japanese text
 * (full-width characters count as two columns).
 */
import { formatNumber } from '../number-format';

export type Lang = 'ja' | 'en';

export function yen(n: number, lang: Lang): string {
  const s = formatNumber(Math.round(n));
  return lang === 'ja' ? `${s}円` : `¥${s}`;
}

export function usd(n: number): string {
  return `$${formatNumber(n, { minimumFractionDigits: 0, maximumFractionDigits: 4 })}`;
}

export function num(n: number, digits = 2): string {
  return formatNumber(n, { maximumFractionDigits: digits });
}

export function percent(share: number): string {
  return `${num(share * 100, 1)}%`;
}

/** Display width: East Asian wide / full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** A plain-text table; `numeric[i]` right-aligns column i. */
export function textTable(header: string[], rows: string[][], numeric: boolean[] = []): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c ?? '', widths[i], numeric[i] === true)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
