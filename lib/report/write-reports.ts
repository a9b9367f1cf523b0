/**
 * The report orchestration: render every requested language and format in memory first, then write each
 * file through a temporary name and a rename, so a failure never leaves a half-written report that a
 * reviewer might sign.
 * Pure TypeScript (node:fs only): no aws-cdk-lib import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderDiagramSvg } from './diagram-svg';
import { renderHtml } from './html';
import type { Lang } from './i18n';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import type { ReportInput } from './report-input';
import { startWorkbooks } from './xlsx/render-workbook';
import { reportWorkbookSpec } from './xlsx/workbook-spec';

/** `xlsx`: the manual checklist, the exception list (and the 費用試算 when present) as a spreadsheet. */
export type ReportFormat = 'md' | 'html' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'xlsx'];

export function isReportFormat(value: unknown): value is ReportFormat {
  return value === 'md' || value === 'html' || value === 'xlsx';
}

export interface WriteReportsOptions {
  dir: string;
  langs: readonly Lang[];
  formats: readonly ReportFormat[];
  /** File name stem; files are `<stem>.<lang>.<md|html|svg|xlsx>` (svg: the diagram) and `<stem>.junit.xml`. */
  stem?: string;
  junit?: boolean;
  /** Extra files rendered by the caller (e.g. SARIF from lib/report/sarif.ts): name → content. */
  extra?: Record<string, string>;
}

/** Render and write; returns the absolute paths written, in a stable order. */
export function writeReports(input: ReportInput, options: WriteReportsOptions): string[] {
  return writeReportFiles(options.dir, renderReportFiles(input, options));
}

/** Every requested file rendered in memory (nothing written): file name → content, in a stable order. */
export function renderReportFiles(input: ReportInput, options: Omit<WriteReportsOptions, 'dir'>): Map<string, string | Buffer> {
  const stem = options.stem ?? 'tier-separation';
  const files = new Map<string, string | Buffer>();
  // The workbooks are written on a worker thread (exceljs writes only asynchronously; see render-workbook.ts),
  // started first so that it works while the other files are rendered here.
  const workbooks = options.formats.includes('xlsx') ? startWorkbooks(options.langs.map((lang) => reportWorkbookSpec(input, lang))) : undefined;
  try {
    renderText(input, options, stem, files);
  } catch (err) {
    workbooks?.cancel();
    throw err;
  }
  if (workbooks) {
    const books = workbooks.result();
    options.langs.forEach((lang, i) => files.set(`${stem}.${lang}.xlsx`, books[i]!));
  }
  if (options.junit) files.set(`${stem}.junit.xml`, renderJunit(input, { lang: 'en' }));
  for (const [name, content] of Object.entries(options.extra ?? {})) files.set(name, content);
  return files;
}

/** The Markdown, SVG and HTML of every language, in a stable order. */
function renderText(input: ReportInput, options: Omit<WriteReportsOptions, 'dir'>, stem: string, files: Map<string, string | Buffer>): void {
  for (const lang of options.langs) {
    if (options.formats.includes('md')) {
      // Markdown links the diagram (HTML inlines its own), so each language gets its own SVG: a reviewer
      // reading one language must not be handed a diagram labelled in the other.
      const diagramFile = `${stem}.${lang}.svg`;
      files.set(diagramFile, renderDiagramSvg(input, { lang }));
      files.set(`${stem}.${lang}.md`, renderMarkdown(input, { lang, diagramFile }));
    }
    if (options.formats.includes('html')) files.set(`${stem}.${lang}.html`, renderHtml(input, { lang }));
  }
}

/**
 * Writes rendered files into `dir`, each through a temporary name and a rename; returns the absolute paths.
 * `keepIdentical`: a file already there with exactly these bytes (a regular file, compared byte for byte) is
 * left as it is — the same content without a write (a repeated synth writes the same report again).
 */
export function writeReportFiles(dir: string, files: ReadonlyMap<string, string | Buffer>, options: { keepIdentical?: boolean } = {}): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    const target = path.join(dir, name);
    written.push(target);
    if (options.keepIdentical === true && holds(target, typeof content === 'string' ? Buffer.from(content) : content)) continue;
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, target);
  }
  return written;
}

/** True when `file` is a regular file holding exactly `bytes`. */
function holds(file: string, bytes: Buffer): boolean {
  try {
    const stat = fs.lstatSync(file);
    return stat.isFile() && stat.size === bytes.length && fs.readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}
