/**
 * Writes a WorkbookSpec as an .xlsx with exceljs. exceljs only writes asynchronously, while the report is
 * written inside `cdk synth` by a validation plugin whose `validate()` is synchronous; `renderWorkbookSync`
 * therefore runs the same writer in a short-lived child node process and waits for it (the spreadsheet is
 * built in memory there and handed back on stdout; the parent writes the file atomically like every other
 * report file). Imports nothing local at run time, so the child loads only this file and exceljs.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { WorkbookSpec } from './workbook-spec';

export async function renderWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  // Loaded on use: exceljs is large and only the spreadsheet needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const wb: ExcelJS.Workbook = new Workbook();
  wb.creator = 'closed-telework';
  const created = new Date(spec.created);
  wb.created = Number.isNaN(created.getTime()) ? new Date(0) : created;
  wb.modified = wb.created;
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.columns.length > 0) {
      ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width }));
      const head = ws.getRow(1);
      head.font = { bold: true };
      head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    } else {
      ws.columns = [{ width: 32 }, { width: 110 }];
    }
    for (const row of s.rows) ws.addRow(row).alignment = { wrapText: true, vertical: 'top' };
    if (s.columns.length === 0) ws.getColumn(1).font = { bold: true };
    for (const choice of s.choices ?? []) {
      for (let r = 2; r <= s.rows.length + 1; r++) {
        ws.getCell(r, choice.column).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${choice.values.join(',')}"`],
          showErrorMessage: true,
        };
      }
    }
    if (s.notes && s.notes.length > 0) {
      ws.addRow([]);
      for (const n of s.notes) ws.addRow([n]);
    }
    ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The child's side: specs as JSON on stdin, the workbooks as a JSON array of base64 strings on stdout.
 * Called by name from `renderWorkbooksSync`'s child process (hence invisible to static analysis).
 * @public
 */
export async function workbookChildMain(): Promise<void> {
  const specs = JSON.parse(fs.readFileSync(0, 'utf8')) as WorkbookSpec[];
  const out: string[] = [];
  for (const spec of specs) out.push((await renderWorkbook(spec)).toString('base64'));
  process.stdout.write(JSON.stringify(out));
}

/**
 * `renderWorkbook` for several workbooks, synchronously: the same code in ONE child node process (started
 * once per report, not once per language). From the TypeScript sources the child loads them through
 * bin/register-ts.js, as the CDK app does; from the published dist/ it needs nothing. A failure in the child
 * throws here, before any report file is written.
 */
export function renderWorkbooksSync(specs: readonly WorkbookSpec[]): Buffer[] {
  if (specs.length === 0) return [];
  const register = path.resolve(__dirname, '../../../bin/register-ts.js');
  const preload = __filename.endsWith('.ts') ? ['-r', register] : [];
  const script = `require(${JSON.stringify(__filename)}).workbookChildMain().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); })`;
  const out = execFileSync(process.execPath, [...preload, '-e', script], {
    input: JSON.stringify(specs),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return (JSON.parse(out) as string[]).map((b) => Buffer.from(b, 'base64'));
}
