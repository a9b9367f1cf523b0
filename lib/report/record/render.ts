/**
 * The record sections in HTML (inside the one self-contained report) and in Markdown. Both print the same
 * document (record-document.ts), so the two formats cannot say different things.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { messagesFor, type Lang } from '../i18n';
import { recordMessagesFor } from '../i18n/record';
import type { ReportInput } from '../report-input';
import { provenanceSection, recordBodySections, signatureSection, type RecordSection } from './record-document';

export function recordSectionHtml(s: RecordSection, lang: Lang, esc: (text: string) => string): string {
  const r = recordMessagesFor(lang);
  const cell = (text: string) => esc(text).replace(/\n/g, '<br>');
  const o: string[] = [`<section class="record" id="record-${s.id}"><h2>${esc(s.heading)}</h2>`];
  if (s.intro) o.push(`<p>${esc(s.intro)}</p>`);
  for (const c of s.cautions) o.push(`<div class="caution"><strong>${esc(r.caution)}</strong> ${esc(c)}</div>`);
  for (const n of s.notes) o.push(`<p class="note">${esc(n)}</p>`);
  if (s.empty && s.tables.every((t) => t.rows.length === 0) && s.paths.length === 0) o.push(`<p>${esc(s.empty)}</p>`);
  for (const t of s.tables) {
    if (t.rows.length === 0) continue;
    o.push(`<table class="record-table" id="${esc(t.id)}-table">`);
    if (t.columns.length > 0) o.push(`<tr>${t.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`);
    for (const row of t.rows) {
      o.push(`<tr>${row.map((v, i) => (t.columns.length === 0 && i === 0 ? `<th>${cell(v)}</th>` : `<td>${cell(v)}</td>`)).join('')}</tr>`);
    }
    o.push('</table>');
  }
  for (const f of s.footnotes) o.push(`<p class="footnote">${esc(f)}</p>`);
  for (const p of s.paths) {
    o.push(`<h3>${esc(p.title)}</h3><ol class="telework-path">${p.steps.map((step) => `<li>${esc(step)}</li>`).join('')}</ol>`);
    o.push(`<table class="record-table telework-verdict"><tr><th>${esc(r.verdict)}</th><td>${esc(p.verdict)}</td></tr><tr><th>${esc(r.signIn)}</th><td>${esc(p.signIn)}</td></tr></table>`);
  }
  o.push('</section>');
  return o.join('\n');
}

function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, '<br>');
}

export function recordSectionMarkdown(s: RecordSection, lang: Lang): string[] {
  const r = recordMessagesFor(lang);
  const o: string[] = [`## ${s.heading}`, ''];
  if (s.intro) o.push(s.intro, '');
  for (const c of s.cautions) o.push(`> **${r.caution}** ${c}`, '');
  for (const n of s.notes) o.push(n, '');
  if (s.empty && s.tables.every((t) => t.rows.length === 0) && s.paths.length === 0) o.push(s.empty, '');
  for (const t of s.tables) {
    if (t.rows.length === 0) continue;
    const columns = t.columns.length > 0 ? t.columns : ['', ''];
    o.push(`| ${columns.map(md).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
    for (const row of t.rows) o.push(`| ${row.map((v, i) => (t.columns.length === 0 && i === 0 ? `**${md(v)}**` : md(v))).join(' | ')} |`);
    o.push('');
  }
  for (const f of s.footnotes) o.push(f, '');
  for (const p of s.paths) {
    const colon = messagesFor(lang).punct.colon;
    o.push(`### ${p.title}`, '', ...p.steps.map((step, i) => `${i + 1}. ${step}`), '', `- **${r.verdict}**${colon}${p.verdict}`, `- **${r.signIn}**${colon}${p.signIn}`, '');
  }
  return o;
}

/** The header of record (when the input has one) and the signature block, for the top of a report. */
export function recordHeaderSections(input: ReportInput, lang: Lang): RecordSection[] {
  if (!input.record) return [signatureSection(lang)];
  const provenance = provenanceSection(input.record, lang);
  // The cautions further down are counted here, so the officer who reads only the first page knows of them.
  const withCautions = recordBodySections(input, lang).filter((s) => s.cautions.length > 0);
  const count = withCautions.reduce((n, s) => n + s.cautions.length, 0);
  if (count > 0) provenance.cautions.push(recordMessagesFor(lang).cautionsSummary(count, withCautions.map((s) => s.heading)));
  return [provenance, signatureSection(lang)];
}

export function recordHeaderMarkdown(input: ReportInput, lang: Lang): string[] {
  return recordHeaderSections(input, lang).flatMap((s) => recordSectionMarkdown(s, lang));
}

/** Logging, egress, links, the telework path, automated controls and the checklist, for after the findings. */
export function recordBodyMarkdown(input: ReportInput, lang: Lang): string[] {
  return recordBodySections(input, lang).flatMap((s) => recordSectionMarkdown(s, lang));
}
