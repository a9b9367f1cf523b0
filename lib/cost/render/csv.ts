/**
 * The estimate as CSV: the breakdown lines, then the totals and per-seat rows, one table a finance section
 * can paste into its own sheet. UTF-8 with a byte-order mark, because Excel in Japan opens a BOM-less UTF-8
 * file as Shift_JIS and garbles the Japanese.
 */
import type { CostEstimate } from '../estimate';
import { costDocument } from './cost-document';
import type { Lang } from './format';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCostCsv(estimate: CostEstimate, lang: Lang): string {
  const d = costDocument(estimate, lang);
  const rows: Array<Array<string | number | null>> = [d.breakdownHeader];
  for (const r of d.breakdown) rows.push([r.scope, r.group, r.item, r.basis, r.unitPrice, r.monthlyJpy, r.yearlyJpy, r.flags]);
  for (const r of d.totals) rows.push(['', '', r.label, '', '', r.monthlyJpy, r.yearlyJpy, '']);
  if (estimate.perSeat) {
    const label = lang === 'ja' ? '1席あたり（税込）' : 'Per seat (with tax)';
    rows.push(['', '', label, `${estimate.perSeat.seats}`, '', estimate.perSeat.monthlyJpyIncTax, estimate.perSeat.yearlyJpyIncTax, '']);
  }
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
