/**
 * Writes a WorkbookSpec as an .xlsx with exceljs. exceljs only writes asynchronously, while the report is
 * written inside `cdk synth` by a validation plugin whose `validate()` is synchronous. So the workbooks are
 * rendered on a worker thread, by this same file: the caller starts it (`startWorkbooks`) before it renders
 * the other report files, and collects the bytes (`result()`), blocked on a shared flag until the worker has
 * posted them. No second node process is started — that cost about half a second of every synth (a node
 * start, the TypeScript hook, all of exceljs) — and loading exceljs overlaps the Markdown and HTML rendering
 * on another core. The parent writes the files atomically like every other report file.
 * Imports nothing local at run time, so the worker loads only this file and exceljs's Workbook.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'worker_threads';
import type ExcelJS from 'exceljs';
import type { WorkbookSpec } from './workbook-spec';

/**
 * exceljs's Workbook class alone. The package's entry also loads its streaming reader and writer, which a
 * workbook written in memory never uses: ~100 ms of CPU less per synth. The same class (test/report/xlsx.test.ts
 * checks it is the one exceljs exports, so an upgrade that moves it fails a test).
 */
function workbookClass(): typeof ExcelJS.Workbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
}

export async function renderWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  // Loaded on use: exceljs is large and only the spreadsheet needs it.
  const Workbook = workbookClass();
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

/** How long a synth waits for the workbooks before it fails (a worker that died never answers). */
const WORKER_TIMEOUT_MS = 5 * 60_000;

/** The worker's side, as source (a worker given a file would need the TypeScript hook to start). */
const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const { file, register, specs, port, flag } = workerData;
(async () => {
  try {
    if (register) require(register);
    const { renderWorkbook } = require(file);
    const books = [];
    for (const spec of specs) books.push(await renderWorkbook(spec));
    port.postMessage({ books });
  } catch (e) {
    port.postMessage({ error: String((e && e.stack) || e) });
  } finally {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
})();
`;

/** Workbooks being rendered on a worker thread. */
export interface PendingWorkbooks {
  /** Waits (blocking) for the workbooks, in the order of the specs; throws what the worker could not do. */
  result(): Buffer[];
  /** Stops the worker when the caller no longer needs the workbooks (e.g. another renderer failed). */
  cancel(): void;
}

/**
 * Starts rendering `specs` on a worker thread. From the TypeScript sources the worker loads them through
 * bin/register-ts.js, as the CDK app does; from the published dist/ it needs nothing.
 */
export function startWorkbooks(specs: readonly WorkbookSpec[]): PendingWorkbooks {
  if (specs.length === 0) return { result: () => [], cancel: () => undefined };
  const register = __filename.endsWith('.ts') ? path.resolve(__dirname, '../../../bin/register-ts.js') : undefined;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: __filename, register, specs, port: port2, flag }, transferList: [port2] });
  worker.unref();
  const stop = (): void => {
    port1.close();
    void worker.terminate();
  };
  return {
    result(): Buffer[] {
      try {
        if (Atomics.wait(flag, 0, 0, WORKER_TIMEOUT_MS) === 'timed-out') throw new Error(`the .xlsx workbooks were not written within ${WORKER_TIMEOUT_MS / 1000} s`);
        const answer = receiveMessageOnPort(port1)?.message as { books?: Uint8Array[]; error?: string } | undefined;
        if (!answer?.books) throw new Error(`the .xlsx workbooks could not be written: ${answer?.error ?? 'the worker gave no answer'}`);
        return answer.books.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      } finally {
        stop();
      }
    },
    cancel: stop,
  };
}
