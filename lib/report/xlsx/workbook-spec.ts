/**
 * What the reviewer's spreadsheet holds, as plain data: the header of record, the manual checklist with the
 * columns a reviewer fills in (確認者・確認日・結果・証跡; 結果 restricted to 適合／不適合), the exception list
 * (適用除外（例外措置）) with who/when/review-by columns to fill in, and the 費用試算 when the report has one.
 * Built from the same record document the HTML and Markdown print, so the three cannot disagree.
 * Pure TypeScript: no aws-cdk-lib import, no exceljs (render-workbook.ts writes it).
 */
import { reasonIn } from '../../bilingual/reason';
import type { Lang } from '../i18n';
import { messagesFor } from '../i18n';
import { recordMessagesFor } from '../i18n/record';
import { checklistSection, provenanceSection } from '../record/record-document';
import type { ReportInput } from '../report-input';

export interface SheetSpec {
  name: string;
  /** Header row (bold, frozen, filtered); empty for a key/value sheet. */
  columns: { header: string; width: number }[];
  /** A null cell is left empty (a blank for the reviewer to fill in), not an empty string. */
  rows: (string | number | null)[][];
  /** 1-based column numbers whose cells may only take one of these values (a drop-down in Excel). */
  choices?: { column: number; values: string[] }[];
  /** Lines written under the table (e.g. the bases of the checklist, by mark). */
  notes?: string[];
}

export interface WorkbookSpec {
  /** ISO time of the report: the workbook's created/modified stamp, so the same report gives the same file. */
  created: string;
  sheets: SheetSpec[];
}

export const SHEET_NAMES: Record<Lang, { record: string; checklist: string; exceptions: string; cost: string }> = {
  ja: { record: '作成の記録', checklist: '手作業の確認項目', exceptions: '適用除外（例外措置）', cost: '費用試算' },
  en: { record: 'Record', checklist: 'Manual checks', exceptions: 'Exceptions', cost: 'Cost estimate' },
};

const EXCEPTION_STATE: Record<Lang, { state: string; accepted: string; refused: string }> = {
  ja: { state: '状態', accepted: '適用除外', refused: '拒否（系をまたぐ経路は適用除外にできない）' },
  en: { state: 'State', accepted: 'accepted', refused: 'refused (a tier crossing cannot be an exception)' },
};

export function reportWorkbookSpec(input: ReportInput, lang: Lang): WorkbookSpec {
  const m = messagesFor(lang);
  const r = recordMessagesFor(lang);
  const names = SHEET_NAMES[lang];
  const sheets: SheetSpec[] = [];
  if (input.record) {
    const p = provenanceSection(input.record, lang);
    sheets.push({ name: names.record, columns: [], rows: p.tables[0]!.rows.map(([k, v]) => [k!, v!]) });
  }
  const checklist = checklistSection(input, lang);
  const [no, item, how, basis, by, date, result, evidence] = r.checklistColumns;
  sheets.push({
    name: names.checklist,
    columns: [
      { header: no, width: 6 },
      { header: item, width: 36 },
      { header: how, width: 70 },
      { header: basis, width: 8 },
      { header: by, width: 14 },
      { header: date, width: 14 },
      { header: result, width: 12 },
      { header: evidence, width: 30 },
    ],
    // The result column starts empty: the reviewer chooses 適合 or 不適合 from the drop-down.
    rows: checklist.tables[0]!.rows.map((row) => [Number(row[0]), row[1]!.replace('\n', ' — '), row[2]!, row[3]!, null, null, null, null]),
    choices: [{ column: 7, values: r.resultChoices.split(/\s*[／/]\s*/) }],
    notes: checklist.footnotes,
  });
  const x = EXCEPTION_STATE[lang];
  const [owner, recorded, reviewBy] = r.exceptionColumns;
  sheets.push({
    name: names.exceptions,
    columns: [
      { header: m.ackPack, width: 22 },
      { header: m.ackRule, width: 30 },
      { header: m.ackReason, width: 60 },
      { header: m.ackAt, width: 40 },
      { header: m.ackSuppressed, width: 40 },
      { header: x.state, width: 16 },
      { header: owner, width: 14 },
      { header: recorded, width: 14 },
      { header: reviewBy, width: 14 },
    ],
    rows: input.acknowledgements.map((a) => [a.pack, a.ruleId, reasonIn(a.reason, lang), a.acknowledgedAt, a.suppressed.join('\n'), a.refused ? x.refused : x.accepted, null, null, null]),
    ...(input.acknowledgements.length === 0 ? { notes: [m.noAcks] } : {}),
  });
  // One 費用試算 per municipality the report covers (a prefecture's has several; each then starts with its name).
  const costs = (input.cost ?? []).map((section) => section[lang]);
  const header = costs.find((c) => c.totalsHeader.length > 0)?.totalsHeader;
  if (costs.length > 0 && header) {
    const many = costs.length > 1;
    sheets.push({
      name: names.cost,
      columns: header.map((h, i) => ({ header: h, width: i === 0 ? 36 : 20 })),
      rows: costs.flatMap((c) => [...(many ? [[c.municipality, null, null]] : []), ...c.totals.map((t) => [t.label, t.monthly, t.yearly])]),
      notes: costs.flatMap((c) => [
        ...(many ? [`【${c.municipality}】`] : []),
        c.subtitle, c.disclaimer, ...c.warnings, ...c.perSeat.map((kv) => `${kv.key}: ${kv.value}`), ...c.breakEven, ...c.reference, ...c.notIncluded.map((n) => `- ${n}`), c.moreDetail,
      ]),
    });
  }
  return { created: input.generatedAt, sheets };
}
