/** The estimate as plain text for a terminal or a printed attachment (予算要求資料), in Japanese or English. */
import type { CostEstimate } from '../estimate';
import { costDocument } from './cost-document';
import { textTable, yen, type Lang } from './format';

export function renderCostText(estimate: CostEstimate, lang: Lang): string {
  const d = costDocument(estimate, lang);
  const out: string[] = [d.title, d.subtitle, '', d.disclaimer, ''];
  if (d.warnings.length > 0) {
    out.push(d.headings.warnings);
    for (const w of d.warnings) out.push(`  ! ${w}`);
    out.push('');
  }
  out.push(d.headings.assumptions);
  for (const kv of d.assumptions) out.push(`  ${kv.key}: ${kv.value}`);
  out.push('', d.headings.breakdown);
  const money = (n: number | null): string => (n === null ? '—' : yen(n, lang));
  out.push(
    ...textTable(
      d.breakdownHeader,
      d.breakdown.map((r) => [r.scope, r.group, r.item, r.basis, r.unitPrice, money(r.monthlyJpy), money(r.yearlyJpy), r.flags]),
      [false, false, false, false, false, true, true, false],
    ).map((l) => `  ${l}`),
  );
  out.push('', d.headings.totals);
  out.push(...textTable(d.totalsHeader, d.totals.map((r) => [r.label, yen(r.monthlyJpy, lang), yen(r.yearlyJpy, lang)]), [false, true, true]).map((l) => `  ${l}`));
  out.push('', d.headings.perSeat);
  for (const kv of d.perSeat) out.push(`  ${kv.key}: ${kv.value}`);
  out.push('', d.headings.scale);
  out.push(...textTable(d.scaleHeader, d.scale.map((r) => [r.seats, yen(r.monthlyJpy, lang), yen(r.perSeatMonthlyJpy, lang)]), [true, true, true]).map((l) => `  ${l}`));
  out.push('', d.headings.breakEven);
  for (const b of d.breakEven) out.push(`  ${b}`);
  out.push('', d.headings.reference);
  for (const r of d.reference) out.push(`  ${r}`);
  out.push('', d.headings.notIncluded);
  for (const x of d.notIncluded) out.push(`  - ${x}`);
  out.push('', d.headings.notModelled);
  for (const x of d.notModelled) out.push(`  - ${x}`);
  out.push('', d.headings.prices);
  out.push(...textTable(d.priceHeader.slice(0, 6), d.prices.map((p) => [p.key, p.usd, p.unit, p.source, p.read, p.status]), [false, true]).map((l) => `  ${l}`));
  return `${out.join('\n')}\n`;
}
