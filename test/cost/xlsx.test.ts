/**
 * The spreadsheet, read back with exceljs: the sheets a finance section expects, numeric yen cells that
 * match the estimate, a before-tax total that is a SUM over the lines, and the price table with sources.
 */
import ExcelJS from 'exceljs';
import { loadEmbeddedConfig } from '../../lib/config/load';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { renderCostXlsx, XLSX_SHEET_NAMES } from '../../lib/cost/render/xlsx';

const estimate = estimateForConfig(loadEmbeddedConfig('example-city'), { today: '2026-12-06' });

async function readBack(lang: 'ja' | 'en'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderCostXlsx(estimate, lang)) as unknown as ArrayBuffer);
  return wb;
}

describe('cost spreadsheet', () => {
  it('has the summary, breakdown, assumptions, price and not-included sheets (Japanese names)', async () => {
    const wb = await readBack('ja');
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(XLSX_SHEET_NAMES.ja));
  });

  it('puts every line in the breakdown as numbers that match the estimate, and a SUM of them', async () => {
    const wb = await readBack('ja');
    const sheet = wb.getWorksheet(XLSX_SHEET_NAMES.ja.breakdown)!;
    expect(sheet.getRow(1).getCell(6).value).toBe('月額（円・税抜）');
    estimate.lines.forEach((line, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(3).value).toBe(line.label.ja);
      expect(row.getCell(6).value).toBe(line.counted ? line.monthlyJpy : null);
      expect(row.getCell(7).value).toBe(line.counted ? line.yearlyJpy : null);
    });
    const total = sheet.getRow(estimate.lines.length + 2).getCell(6).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe(`SUM(F2:F${estimate.lines.length + 1})`);
    expect(total.result).toBe(estimate.totals.monthlyJpyExTax);
  });

  it('shows before tax, consumption tax and with tax, monthly and yearly, on the summary', async () => {
    const wb = await readBack('ja');
    const sheet = wb.getWorksheet(XLSX_SHEET_NAMES.ja.summary)!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('税抜')).toEqual(['税抜', estimate.totals.monthlyJpyExTax, estimate.totals.yearlyJpyExTax]);
    expect(find('消費税（10%）')).toEqual(['消費税（10%）', estimate.totals.monthlyTaxJpy, estimate.totals.yearlyTaxJpy]);
    expect(find('税込')).toEqual(['税込', estimate.totals.monthlyJpyIncTax, estimate.totals.yearlyJpyIncTax]);
    expect(rows.some((r) => String(r[0]).includes('端末費用を含みません'))).toBe(true);
  });

  it('lists every used price with its source page and date read', async () => {
    const wb = await readBack('en');
    const sheet = wb.getWorksheet(XLSX_SHEET_NAMES.en.prices)!;
    const keys: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      keys.push(String(row.getCell(1).value));
      expect(String(row.getCell(4).value)).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(String(row.getCell(5).value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
    expect(keys.sort()).toEqual(Object.keys(estimate.prices).sort());
  });
});
