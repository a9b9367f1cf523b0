/**
 * The reviewer's report written on every synth, outside the cloud assembly (the CDK checks that plugins
 * do not modify cdk.out, and a report belongs with the change review, not the deployment artefact):
 * Markdown and HTML in Japanese and English, the SVG diagram, JUnit XML, and SARIF for code scanning.
 *
 * With a store (proof-reuse.ts), files rendered from byte-identical inputs are written again from the store
 * instead of being rendered again; they keep the time they were made (see proof-reuse.ts, "time of record").
 */
import type { CostSection } from '../report/cost-section';
import type { Acknowledgement } from '../report/report-input';
import { assembleReportInput } from '../report/assemble';
import { LANGS } from '../report/i18n';
import { REPORT_FORMATS, renderReportFiles, writeReportFiles } from '../report/write-reports';
import type { EngineRun } from '../report/engine-run';
import type { ReportRecord } from '../report/record/record';
import { proofReuseStats, reportFilesKey, type ProofReuse } from './proof-reuse';

export interface SynthReportInput {
  dir: string;
  sources: string[];
  engine: EngineRun;
  acknowledgements: Acknowledgement[];
  generatedAt: string;
  record?: ReportRecord;
  /** The 費用試算 sections (one per municipality the app builds), when the app was built from configurations. */
  cost?: readonly CostSection[];
  /** Where rendered reports are kept for byte-identical inputs; undefined renders every time. */
  reuse?: ProofReuse;
}

export interface SynthReportFiles {
  /** The files written, absolute paths. */
  written: string[];
  /** The time the files carry: this synth's, or, when reused, the time they were made. */
  generatedAt: string;
  /** True when the files were written from the store (their inputs byte-identical to that earlier synth's). */
  reused: boolean;
}

export function writeSynthReports(input: SynthReportInput): SynthReportFiles {
  const report = assembleReportInput({
    findings: input.engine.findings,
    report: input.engine.report,
    acknowledgements: input.acknowledgements,
    sources: input.sources,
    generatedAt: input.generatedAt,
    ...(input.record ? { record: input.record } : {}),
  });
  if (input.cost !== undefined && input.cost.length > 0) report.cost = input.cost;
  const extra: Record<string, string> = input.engine.sarif !== undefined ? { 'tier-separation.sarif': input.engine.sarif } : {};
  const options = { langs: LANGS, formats: REPORT_FORMATS, junit: true, extra };
  const key = input.reuse ? reportFilesKey({ input: report, ...options }) : undefined;
  const stored = key !== undefined ? input.reuse!.report(key) : undefined;
  if (stored) {
    proofReuseStats.reports.reused++;
    return { written: writeReportFiles(input.dir, stored.files), generatedAt: stored.generatedAt, reused: true };
  }
  const files = renderReportFiles(report, options);
  proofReuseStats.reports.rendered++;
  if (key !== undefined) input.reuse!.storeReport(key, input.generatedAt, files);
  return { written: writeReportFiles(input.dir, files), generatedAt: input.generatedAt, reused: false };
}
