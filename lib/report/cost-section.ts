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
  /** The municipality the estimate is for (its display name): the heading names it when a report carries several. */
  municipality: string;
  subtitle: string;
  disclaimer: string;
  warnings: string[];
  totalsHeader: string[];
  /** `monthly` / `yearly` formatted for reading; `monthlyJpy` / `yearlyJpy` the same amounts as numbers (for a spreadsheet). */
  totals: Array<{ label: string; monthly: string; yearly: string; monthlyJpy: number; yearlyJpy: number }>;
  perSeatHeading: string;
  perSeat: Array<{ key: string; value: string }>;
  scaleHeading: string;
  scaleHeader: string[];
  scale: string[][];
  /** The scale rows as numbers: seats, monthly with tax, per seat per month with tax (yen). */
  scaleJpy: Array<[number, number, number]>;
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

/** The section's heading: the municipality is named when the report carries more than one estimate (a prefecture). */
function headingOf(s: CostSectionText, many: boolean, lang: Lang): string {
  if (!many) return s.heading;
  return lang === 'ja' ? `${s.heading}（${s.municipality}）` : `${s.heading}: ${s.municipality}`;
}

function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}

/** One 費用試算 section per municipality estimated (one for a city's app, one each for a prefecture's). */
export function costSectionMarkdown(sections: readonly CostSection[], lang: Lang): string[] {
  return sections.flatMap((section) => oneSectionMarkdown(section[lang], sections.length > 1, lang));
}

function oneSectionMarkdown(s: CostSectionText, many: boolean, lang: Lang): string[] {
  const out: string[] = [`## ${headingOf(s, many, lang)}`, '', s.subtitle, '', `> ${md(s.disclaimer)}`, ''];
  for (const w of s.warnings) out.push(`- **⚠** ${md(w)}`);
  if (s.warnings.length > 0) out.push('');
  // No estimate could be made (the warnings say why): no empty tables.
  if (s.totals.length === 0) return [...out, s.moreDetail, ''];
  out.push(`| ${s.totalsHeader.map(md).join(' | ')} |`, `|---|${s.totalsHeader.slice(1).map(() => '---:').join('|')}|`);
  for (const r of s.totals) out.push(`| ${md(r.label)} | ${md(r.monthly)} | ${md(r.yearly)} |`);
  out.push('', `### ${s.perSeatHeading}`, '');
  for (const kv of s.perSeat) out.push(`- ${md(kv.key)}${lang === 'ja' ? '：' : ': '}${md(kv.value)}`);
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

export function costSectionHtml(sections: readonly CostSection[], lang: Lang, esc: (text: string) => string): string {
  return sections.map((section, i) => oneSectionHtml(section[lang], sections.length > 1 ? i + 1 : 0, lang, esc)).join('\n');
}

/** `n` > 0: the n-th of several sections (ids stay unique in the document). */
function oneSectionHtml(s: CostSectionText, n: number, lang: Lang, esc: (text: string) => string): string {
  const id = (name: string): string => (n > 0 ? `${name}-${n}` : name);
  const o: string[] = [`<section id="${id('cost-estimate')}" class="cost-estimate"><h2>${esc(headingOf(s, n > 0, lang))}</h2><p>${esc(s.subtitle)}</p><p><em>${esc(s.disclaimer)}</em></p>`];
  if (s.warnings.length > 0) o.push(`<ul class="cost-warnings">${s.warnings.map((w) => `<li class="fail">${esc(w)}</li>`).join('')}</ul>`);
  if (s.totals.length === 0) return [...o, `<p>${esc(s.moreDetail)}</p></section>`].join('\n');
  o.push(`<table id="${id('cost-totals')}"><tr>${s.totalsHeader.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`);
  for (const r of s.totals) o.push(`<tr><th>${esc(r.label)}</th><td style="text-align:right">${esc(r.monthly)}</td><td style="text-align:right">${esc(r.yearly)}</td></tr>`);
  o.push('</table>', `<h3>${esc(s.perSeatHeading)}</h3><ul>${s.perSeat.map((kv) => `<li>${esc(kv.key)}${lang === 'ja' ? '：' : ': '}${esc(kv.value)}</li>`).join('')}</ul>`);
  o.push(`<h3>${esc(s.scaleHeading)}</h3><table id="${id('cost-scale')}"><tr>${s.scaleHeader.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`);
  for (const r of s.scale) o.push(`<tr>${r.map((c) => `<td style="text-align:right">${esc(c)}</td>`).join('')}</tr>`);
  o.push('</table>', `<h3>${esc(s.breakEvenHeading)}</h3><ul>${s.breakEven.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`);
  o.push(`<h3>${esc(s.referenceHeading)}</h3><ul id="${id('cost-reference')}">${s.reference.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`);
  o.push(`<h3>${esc(s.notIncludedHeading)}</h3><ul>${s.notIncluded.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`);
  o.push(`<p>${esc(s.moreDetail)}</p></section>`);
  return o.join('\n');
}

/** A cell of the 費用試算 sheet: text, an amount in yen (a number, so a spreadsheet can add it up), or empty. */
export type CostSheetCell = string | number | null;

export interface CostSheet {
  /** The worksheet's name (≤ 31 characters, none of Excel's forbidden characters). */
  name: string;
  /** Rows top to bottom; amounts in yen are numbers (format them as `#,##0`), everything else is text. */
  rows: CostSheetCell[][];
  /** Column widths in characters, for a readable sheet. */
  widths: number[];
}

/**
 * The 費用試算 sections as one worksheet's rows, for the report's spreadsheet: the same figures as the
 * Markdown and HTML sections (totals and the scale as numbers), every estimate one after another.
 * Pure data: the workbook writer adds the rows to a sheet (no spreadsheet library here).
 */
export function costSectionSheet(sections: readonly CostSection[], lang: Lang): CostSheet {
  const rows: CostSheetCell[][] = [];
  const many = sections.length > 1;
  sections.forEach((section, i) => {
    const s = section[lang];
    if (i > 0) rows.push([]);
    rows.push([headingOf(s, many, lang)], [s.subtitle], [s.disclaimer]);
    for (const w of s.warnings) rows.push([`⚠ ${w}`]);
    if (s.totals.length > 0) {
      rows.push([], s.totalsHeader.map((h) => h), ...s.totals.map((r) => [r.label, r.monthlyJpy, r.yearlyJpy]));
      rows.push([], [s.perSeatHeading], ...s.perSeat.map((kv) => [kv.key, kv.value]));
      rows.push([], [s.scaleHeading], [...s.scaleHeader], ...s.scaleJpy.map((r) => [...r]));
      rows.push([], [s.breakEvenHeading], ...s.breakEven.map((b) => [b]));
      rows.push([], [s.referenceHeading], ...s.reference.map((r) => [r]));
      rows.push([], [s.notIncludedHeading], ...s.notIncluded.map((x) => [x]));
    }
    rows.push([], [s.moreDetail]);
  });
  return { name: lang === 'ja' ? '費用試算' : 'Cost estimate', rows, widths: [48, 22, 26] };
}
