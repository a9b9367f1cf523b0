/**
 * The reviewer's report written on every synth, outside the cloud assembly (the CDK checks that plugins
 * do not modify cdk.out, and a report belongs with the change review, not the deployment artefact):
 * Markdown and HTML in Japanese and English, the SVG diagram, JUnit XML, and SARIF for code scanning.
 */
import type { CostSection } from '../report/cost-section';
import type { Acknowledgement } from '../report/report-input';
import { assembleReportInput } from '../report/assemble';
import { LANGS } from '../report/i18n';
import { REPORT_FORMATS, writeReports } from '../report/write-reports';
import type { EngineRun } from '../report/engine-run';
import type { ReportRecord } from '../report/record/record';

export interface SynthReportInput {
  dir: string;
  sources: string[];
  engine: EngineRun;
  acknowledgements: Acknowledgement[];
  generatedAt: string;
  record?: ReportRecord;
  /** The 費用試算 sections (one per municipality the app builds), when the app was built from configurations. */
  cost?: readonly CostSection[];
}

export function writeSynthReports(input: SynthReportInput): string[] {
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
  return writeReports(report, { dir: input.dir, langs: LANGS, formats: REPORT_FORMATS, junit: true, extra });
}
