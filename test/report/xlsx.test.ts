/**
 * The reviewer's spreadsheet, read back with exceljs as Excel would open it: Japanese sheet names and
 * headers, the checklist with 確認者・確認日・結果・証跡 and a 適合／不適合 drop-down, the exception list with
 * the refused one marked, the 費用試算 sheet only when the report has a cost section, English in the English
 * workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadEmbeddedConfig } from '../../lib/config/load';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { costReportSection } from '../../lib/cost/report-section';
import { writeReports } from '../../lib/report/write-reports';
import { brokenAppReport } from './support/broken-app-report';
import { exampleRecord } from './support/record-fixture';

jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  return (ws.getRow(n).values as unknown[]).slice(1);
}

describe('the reviewer\'s spreadsheet', () => {
  const input = { ...brokenAppReport(), record: exampleRecord() };
  let written: string[];
  beforeAll(() => {
    written = writeReports(input, { dir, langs: ['ja', 'en'], formats: ['xlsx'] });
  });

  it('is written for each language next to the other report files, and nothing else for this format', () => {
    expect(written.map((f) => path.basename(f)).sort()).toEqual(['tier-separation.en.xlsx', 'tier-separation.ja.xlsx']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('has Japanese sheet names and headers, the checklist with the columns a reviewer fills in and a 適合／不適合 drop-down', async () => {
    const wb = await open(path.join(dir, 'tier-separation.ja.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['作成の記録', '手作業の確認項目', '適用除外（例外措置）']);
    const ws = wb.getWorksheet('手作業の確認項目')!;
    expect(rowValues(ws, 1)).toEqual(['番号', '項目', '確認方法', '根拠', '確認者', '確認日', '結果', '証跡']);
    const items = input.manualControls.length;
    expect(rowValues(ws, 2)[0]).toBe(1);
    expect(String(rowValues(ws, 2)[1])).toContain('信頼済みデバイス証明書');
    expect(ws.getCell(items + 1, 2).value).toContain('インターネットを経由する通信の確認');
    const titles = Array.from({ length: items }, (_, i) => String(ws.getCell(i + 2, 2).value));
    for (const t of ['多要素認証', 'パスワードポリシーとアカウントロックアウト', 'ディレクトリ管理者パスワードの定期変更', 'クライアント証明書の発行と失効', 'テレワーク端末の状態確認']) {
      expect(titles.some((x) => x.includes(t))).toBe(true);
    }
    for (let r = 2; r <= items + 1; r++) {
      expect(ws.getCell(r, 7).dataValidation).toMatchObject({ type: 'list', formulae: ['"適合,不適合"'] });
      expect([ws.getCell(r, 5).value, ws.getCell(r, 6).value, ws.getCell(r, 7).value, ws.getCell(r, 8).value]).toEqual([null, null, null, null]);
    }
    expect(String(ws.getCell(items + 3, 1).value)).toMatch(/^※1 総務省「新型コロナウイルスへの対応等を踏まえた/);
  });

  it('lists every exception with its reason and marks the refused one; who/when/review-by are left to fill in', async () => {
    const wb = await open(path.join(dir, 'tier-separation.ja.xlsx'));
    const ws = wb.getWorksheet('適用除外（例外措置）')!;
    expect(rowValues(ws, 1).slice(5)).toEqual(['状態', '責任者', '記録日', '見直し期限']);
    expect(ws.rowCount).toBe(1 + input.acknowledgements.length);
    const refused = input.acknowledgements.findIndex((a) => a.refused);
    expect(ws.getCell(refused + 2, 6).value).toBe('拒否（系をまたぐ経路は適用除外にできない）');
    expect(ws.getCell(refused + 2, 3).value).toBe(input.acknowledgements[refused]!.reason);
  });

  it('records the header of record on its own sheet', async () => {
    const ws = (await open(path.join(dir, 'tier-separation.ja.xlsx'))).getWorksheet('作成の記録')!;
    const rows = new Map(Array.from({ length: ws.rowCount }, (_, i) => rowValues(ws, i + 1)).map(([k, v]) => [k, v]));
    expect(rows.get('団体名')).toBe('example-city');
    expect(rows.get('作成日時')).toBe('2026年12月6日 14時28分（日本時間）');
  });

  it('is in English in the English workbook', async () => {
    const wb = await open(path.join(dir, 'tier-separation.en.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Record', 'Manual checks', 'Exceptions']);
    expect(rowValues(wb.getWorksheet('Manual checks')!, 1)).toEqual(['No.', 'Item', 'How to check', 'Basis', 'Checked by', 'Date', 'Result', 'Evidence']);
    expect(wb.getWorksheet('Manual checks')!.getCell(2, 7).dataValidation).toMatchObject({ formulae: ['"conforms,does not conform"'] });
  });

  it('adds the 費用試算 sheet when the report has a cost section', async () => {
    const cost = costReportSection(estimateForConfig(loadEmbeddedConfig('example-city'), { today: '2026-12-06' }));
    const [file] = writeReports({ ...input, cost: [cost] }, { dir: path.join(dir, 'cost'), langs: ['ja'], formats: ['xlsx'] });
    const wb = await open(file!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['作成の記録', '手作業の確認項目', '適用除外（例外措置）', '費用試算']);
    expect(rowValues(wb.getWorksheet('費用試算')!, 1)).toEqual(cost.ja.totalsHeader);
  });

  it("puts every municipality's 費用試算 on the sheet, each under its name, with the comparison line (a prefecture's report)", async () => {
    const estimates = ['example-city', 'example-city'].map((n) => costReportSection(estimateForConfig(loadEmbeddedConfig(n), { today: '2026-12-06' })));
    estimates[1] = { ja: { ...estimates[1].ja, municipality: '例示第二市' }, en: { ...estimates[1].en, municipality: 'Second' } };
    const [file] = writeReports({ ...input, cost: estimates }, { dir: path.join(dir, 'cost-many'), langs: ['ja'], formats: ['xlsx'] });
    const ws = (await open(file!)).getWorksheet('費用試算')!;
    const firstColumn = ws.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(firstColumn).toEqual(expect.arrayContaining([estimates[0].ja.municipality, '例示第二市', `【例示第二市】`]));
    expect(firstColumn.filter((v) => v === '税込')).toHaveLength(2);
    expect(firstColumn.some((v) => v.startsWith('本試算 1席あたり月額（税込）'))).toBe(true);
  });
});
