/**
 * The estimate as an Excel workbook (exceljs): a summary sheet a finance section can attach to the budget
 * request, the breakdown with numeric cells (so the sheet adds up in Excel), the assumptions, the price table
 * with sources and dates, and what is not included. Built in memory; the caller writes the file atomically.
 */
import type ExcelJS from 'exceljs';
import type { CostEstimate } from '../estimate';
import { costDocument } from './cost-document';
import type { Lang } from './format';

const YEN_FORMAT = '#,##0';

export const XLSX_SHEET_NAMES: Record<Lang, { summary: string; breakdown: string; assumptions: string; prices: string; notIncluded: string }> = {
  ja: { summary: '概算', breakdown: '内訳', assumptions: '前提', prices: '単価表', notIncluded: '含まれない費用' },
  en: { summary: 'Summary', breakdown: 'Breakdown', assumptions: 'Assumptions', prices: 'Prices', notIncluded: 'Not included' },
};

export async function renderCostXlsx(estimate: CostEstimate, lang: Lang): Promise<Buffer> {
  const d = costDocument(estimate, lang);
  const names = XLSX_SHEET_NAMES[lang];
  // Loaded on use: exceljs is large, and only the spreadsheet needs it (not the text, CSV or JSON, nor the CDK app).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const wb: ExcelJS.Workbook = new Workbook();
  wb.creator = 'closed-telework';
  // Fixed timestamps: the same estimate gives the same workbook.
  wb.created = new Date(`${estimate.today}T00:00:00Z`);
  wb.modified = wb.created;

  const summary = wb.addWorksheet(names.summary);
  summary.columns = [{ width: 44 }, { width: 20 }, { width: 20 }];
  summary.addRow([d.title]).font = { bold: true, size: 14 };
  summary.addRow([d.subtitle]);
  summary.addRow([d.disclaimer]);
  for (const w of d.warnings) summary.addRow([`! ${w}`]).font = { color: { argb: 'FFC00000' } };
  summary.addRow([]);
  summary.addRow([d.headings.totals]).font = { bold: true };
  summary.addRow(d.totalsHeader).font = { bold: true };
  for (const r of d.totals) {
    const row = summary.addRow([r.label, r.monthlyJpy, r.yearlyJpy]);
    row.getCell(2).numFmt = YEN_FORMAT;
    row.getCell(3).numFmt = YEN_FORMAT;
  }
  summary.addRow([]);
  summary.addRow([d.headings.perSeat]).font = { bold: true };
  for (const kv of d.perSeat) summary.addRow([kv.key, kv.value]);
  summary.addRow([]);
  summary.addRow([d.headings.scale]).font = { bold: true };
  summary.addRow(d.scaleHeader).font = { bold: true };
  for (const s of d.scale) {
    const row = summary.addRow([s.seats, s.monthlyJpy, s.perSeatMonthlyJpy]);
    row.getCell(2).numFmt = YEN_FORMAT;
    row.getCell(3).numFmt = YEN_FORMAT;
  }
  summary.addRow([]);
  summary.addRow([d.headings.breakEven]).font = { bold: true };
  for (const b of d.breakEven) summary.addRow([b]);
  summary.addRow([]);
  summary.addRow([d.headings.reference]).font = { bold: true };
  for (const r of d.reference) summary.addRow([r]);

  const breakdown = wb.addWorksheet(names.breakdown);
  breakdown.columns = [{ width: 18 }, { width: 16 }, { width: 44 }, { width: 60 }, { width: 30 }, { width: 18 }, { width: 18 }, { width: 24 }];
  breakdown.addRow(d.breakdownHeader).font = { bold: true };
  const first = 2;
  for (const r of d.breakdown) {
    const row = breakdown.addRow([r.scope, r.group, r.item, r.basis, r.unitPrice, r.monthlyJpy, r.yearlyJpy, r.flags]);
    row.getCell(6).numFmt = YEN_FORMAT;
    row.getCell(7).numFmt = YEN_FORMAT;
  }
  const last = first + d.breakdown.length - 1;
  // The before-tax total as a formula over the lines (with its computed value cached), so an edited line re-adds.
  const total = breakdown.addRow(['', '', d.totals[0].label, '', '', { formula: `SUM(F${first}:F${last})`, result: d.totals[0].monthlyJpy }, { formula: `SUM(G${first}:G${last})`, result: d.totals[0].yearlyJpy }, '']);
  total.font = { bold: true };
  total.getCell(6).numFmt = YEN_FORMAT;
  total.getCell(7).numFmt = YEN_FORMAT;

  const assumptions = wb.addWorksheet(names.assumptions);
  assumptions.columns = [{ width: 30 }, { width: 100 }];
  for (const kv of d.assumptions) assumptions.addRow([kv.key, kv.value]);

  const prices = wb.addWorksheet(names.prices);
  prices.columns = [{ width: 40 }, { width: 12 }, { width: 40 }, { width: 50 }, { width: 12 }, { width: 16 }, { width: 100 }];
  prices.addRow(d.priceHeader).font = { bold: true };
  for (const p of d.prices) prices.addRow([p.key, p.usd, p.unit, p.source, p.read, p.status, p.note]);

  const notIncluded = wb.addWorksheet(names.notIncluded);
  notIncluded.columns = [{ width: 120 }];
  notIncluded.addRow([d.headings.notIncluded]).font = { bold: true };
  for (const x of d.notIncluded) notIncluded.addRow([x]);
  notIncluded.addRow([]);
  notIncluded.addRow([d.headings.notModelled]).font = { bold: true };
  for (const x of d.notModelled) notIncluded.addRow([x]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
