/**
 * The reviewer's report's 費用試算 (cost estimate) section. The report renders both languages from one input,
 * so the section arrives prepared in both (lib/cost/report-section.ts builds it from the same estimate
 * `closed-telework cost` prints); this file only lays it out as Markdown or HTML. It carries the totals
 * (before tax / tax / with tax), the per-seat figure, the small-start scale, the AutoStop↔AlwaysOn
 * break-even, the comparison with the service-type reference (devices excluded on our side, stated), what is
 * not included, and the warnings (unconfirmed, not-counted or stale prices).
 * Pure TypeScript: no aws-cdk-lib import, no lib/cost import (the prove side takes the section as data).
 */
import type { Lang } from './i18n';

export interface CostSectionText {
  heading: string;
  subtitle: string;
  disclaimer: string;
  warnings: string[];
  totalsHeader: string[];
  totals: Array<{ label: string; monthly: string; yearly: string }>;
  perSeatHeading: string;
  perSeat: Array<{ key: string; value: string }>;
  scaleHeading: string;
  scaleHeader: string[];
  scale: string[][];
  breakEvenHeading: string;
  breakEven: string[];
  referenceHeading: string;
  reference: string[];
  notIncludedHeading: string;
  notIncluded: string[];
  /** Where the full breakdown and the price table are (the cost command's own outputs). */
  moreDetail: string;
}

export type CostSection = Record<Lang, CostSectionText>;

function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}

export function costSectionMarkdown(section: CostSection, lang: Lang): string[] {
  const s = section[lang];
  const out: string[] = [`## ${s.heading}`, '', s.subtitle, '', `> ${md(s.disclaimer)}`, ''];
  for (const w of s.warnings) out.push(`- **⚠** ${md(w)}`);
  if (s.warnings.length > 0) out.push('');
  out.push(`| ${s.totalsHeader.map(md).join(' | ')} |`, `|---|${s.totalsHeader.slice(1).map(() => '---:').join('|')}|`);
  for (const r of s.totals) out.push(`| ${md(r.label)} | ${md(r.monthly)} | ${md(r.yearly)} |`);
  out.push('', `### ${s.perSeatHeading}`, '');
  for (const kv of s.perSeat) out.push(`- ${md(kv.key)}: ${md(kv.value)}`);
  out.push('', `### ${s.scaleHeading}`, '', `| ${s.scaleHeader.map(md).join(' | ')} |`, `|${s.scaleHeader.map(() => '---:').join('|')}|`);
  for (const r of s.scale) out.push(`| ${r.map(md).join(' | ')} |`);
  out.push('', `### ${s.breakEvenHeading}`, '');
  for (const b of s.breakEven) out.push(`- ${md(b)}`);
  out.push('', `### ${s.referenceHeading}`, '');
  for (const r of s.reference) out.push(`- ${md(r)}`);
  out.push('', `### ${s.notIncludedHeading}`, '');
  for (const x of s.notIncluded) out.push(`- ${md(x)}`);
  out.push('', s.moreDetail, '');
  return out;
}

export function costSectionHtml(section: CostSection, lang: Lang, esc: (text: string) => string): string {
  const s = section[lang];
  const o: string[] = [`<section id="cost-estimate"><h2>${esc(s.heading)}</h2><p>${esc(s.subtitle)}</p><p><em>${esc(s.disclaimer)}</em></p>`];
  if (s.warnings.length > 0) o.push(`<ul class="cost-warnings">${s.warnings.map((w) => `<li class="fail">${esc(w)}</li>`).join('')}</ul>`);
  o.push(`<table id="cost-totals"><tr>${s.totalsHeader.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`);
  for (const r of s.totals) o.push(`<tr><th>${esc(r.label)}</th><td style="text-align:right">${esc(r.monthly)}</td><td style="text-align:right">${esc(r.yearly)}</td></tr>`);
  o.push('</table>', `<h3>${esc(s.perSeatHeading)}</h3><ul>${s.perSeat.map((kv) => `<li>${esc(kv.key)}: ${esc(kv.value)}</li>`).join('')}</ul>`);
  o.push(`<h3>${esc(s.scaleHeading)}</h3><table id="cost-scale"><tr>${s.scaleHeader.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`);
  for (const r of s.scale) o.push(`<tr>${r.map((c) => `<td style="text-align:right">${esc(c)}</td>`).join('')}</tr>`);
  o.push('</table>', `<h3>${esc(s.breakEvenHeading)}</h3><ul>${s.breakEven.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`);
  o.push(`<h3>${esc(s.referenceHeading)}</h3><ul id="cost-reference">${s.reference.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`);
  o.push(`<h3>${esc(s.notIncludedHeading)}</h3><ul>${s.notIncluded.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`);
  o.push(`<p>${esc(s.moreDetail)}</p></section>`);
  return o.join('\n');
}
