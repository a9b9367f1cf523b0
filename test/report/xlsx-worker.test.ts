/**
 * How the .xlsx is written inside a synchronous `cdk synth` (lib/report/xlsx/render-workbook.ts): on a worker
 * thread that loads exceljs's Workbook alone. The worker writes the same workbook as exceljs does in process,
 * its failure fails the report before any file is written, and the class it loads is the one exceljs exports
 * (pinned, so an exceljs upgrade that moves it fails here rather than in a user's synth).
 */
import ExcelJS from 'exceljs';
import { renderWorkbook, startWorkbooks } from '../../lib/report/xlsx/render-workbook';
import type { WorkbookSpec } from '../../lib/report/xlsx/workbook-spec';

jest.setTimeout(120_000);


const spec = (name: string): WorkbookSpec => ({
  created: '2026-04-01T00:00:00.000Z',
  sheets: [
    { name, columns: [{ header: '項目', width: 20 }, { header: '結果', width: 10 }], rows: [['閉域接続', '適合'], ['画面転送のみ', '不適合']], choices: [{ column: 2, values: ['適合', '不適合'] }], notes: ['注記'] },
    { name: '記録', columns: [], rows: [['作成日時', '2026-04-01']] },
  ],
});

async function cells(buffer: Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return { creator: wb.creator, created: wb.created, sheets: wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues(), validation: ws.getCell(2, 2).dataValidation })) };
}

describe('the .xlsx worker', () => {
  it('loads the very Workbook class exceljs exports', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('exceljs/lib/doc/workbook')).toBe(ExcelJS.Workbook);
  });

  it('writes, for each spec in order, the workbook exceljs writes in process', async () => {
    const books = startWorkbooks([spec('チェックリスト'), spec('例外')]).result();
    expect(books).toHaveLength(2);
    expect(await cells(books[0]!)).toEqual(await cells(await renderWorkbook(spec('チェックリスト'))));
    expect(await cells(books[1]!)).toEqual(await cells(await renderWorkbook(spec('例外'))));
    expect(startWorkbooks([]).result()).toEqual([]);
  });

  it('a workbook exceljs refuses fails with exceljs\'s reason (renderReportFiles throws before writeReportFiles writes anything)', () => {
    // exceljs refuses a sheet name with a character Excel forbids.
    expect(() => startWorkbooks([spec('ok'), spec('bad*name')]).result()).toThrow(/the \.xlsx workbooks could not be written: .*bad\*name/s);
  });
});
