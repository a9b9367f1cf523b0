/**
 * The reviewer's report written on every synth, outside the cloud assembly (the CDK checks that plugins
 * do not modify cdk.out, and a report belongs with the change review, not the deployment artefact):
 * Markdown and HTML in Japanese and English, the SVG diagram, JUnit XML, and SARIF for code scanning.
 *
 * With a store and the key of the report's inputs (proof-reuse.ts reportInputsKey), files rendered from the
 * same inputs are written again from the store instead of being rendered again; they keep the time they were
 * made (see proof-reuse.ts, "time of record"). Files already there with the same bytes are left as they are,
 * and when every file of that report is untouched since a synth wrote it (report-files-on-disk.ts), neither
 * the store nor the files are read or written. The header of record and the 費用試算 are made only when the
 * report is rendered.
 */
import type { CostSection } from '../report/cost-section';
import type { Acknowledgement } from '../report/report-input';
import { assembleReportInput } from '../report/assemble';
import { LANGS } from '../report/i18n';
import { REPORT_FORMATS, renderReportFiles, writeReportFiles } from '../report/write-reports';
import type { EngineRun } from '../report/engine-run';
import type { ReportRecord } from '../report/record/record';
import { proofReuseStats, type ProofReuse } from './proof-reuse';
import { reportFilesOnDiskStats } from './report-files-on-disk';

/** The languages and formats the synth writes (part of the report's key). */
export const SYNTH_REPORT_OPTIONS = { langs: LANGS, formats: REPORT_FORMATS, junit: true } as const;

export interface SynthReportInput {
  dir: string;
  sources: string[];
  engine: EngineRun;
  acknowledgements: Acknowledgement[];
  generatedAt: string;
  /** The header of record and its sections, made when the report is rendered (given the time it carries). */
  record?: (generatedAt: string) => ReportRecord;
  /** The 費用試算 sections (one per municipality the app builds), made when the report is rendered. */
  cost?: () => readonly CostSection[];
  /** Where rendered reports are kept, and this report's key there (reportInputsKey); undefined renders every time. */
  reuse?: { store: ProofReuse; key: string };
}

export interface SynthReportFiles {
  /** The files written, absolute paths. */
  written: string[];
  /** The time the files carry: this synth's, or, when reused, the time they were made. */
  generatedAt: string;
  /** True when the files were written from the store (their inputs identical to that earlier synth's). */
  reused: boolean;
}

export function writeSynthReports(input: SynthReportInput): SynthReportFiles {
  if (input.reuse) {
    // The files of this very report still there, untouched since a synth wrote them: nothing to read or write.
    const untouched = input.reuse.store.onDisk.untouched(input.reuse.key, input.dir);
    if (untouched) {
      proofReuseStats.reports.reused++;
      reportFilesOnDiskStats.untouched++;
      return { written: untouched.written, generatedAt: untouched.generatedAt, reused: true };
    }
  }
  const stored = input.reuse?.store.report(input.reuse.key);
  if (stored) {
    proofReuseStats.reports.reused++;
    const written = writeReportFiles(input.dir, stored.files, { keepIdentical: true });
    input.reuse!.store.onDisk.noteWritten(input.reuse!.key, input.dir, stored.generatedAt, written);
    return { written, generatedAt: stored.generatedAt, reused: true };
  }
  const report = assembleReportInput({
    findings: input.engine.findings,
    report: input.engine.report,
    acknowledgements: input.acknowledgements,
    sources: input.sources,
    generatedAt: input.generatedAt,
    ...(input.record ? { record: input.record(input.generatedAt) } : {}),
  });
  const cost = input.cost?.();
  if (cost !== undefined && cost.length > 0) report.cost = cost;
  const extra: Record<string, string> = input.engine.sarif !== undefined ? { 'tier-separation.sarif': input.engine.sarif } : {};
  const files = renderReportFiles(report, { ...SYNTH_REPORT_OPTIONS, extra });
  proofReuseStats.reports.rendered++;
  if (input.reuse) input.reuse.store.storeReport(input.reuse.key, input.generatedAt, files);
  const written = writeReportFiles(input.dir, files);
  if (input.reuse) input.reuse.store.onDisk.noteWritten(input.reuse.key, input.dir, input.generatedAt, written);
  return { written, generatedAt: input.generatedAt, reused: false };
}
