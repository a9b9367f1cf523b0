/**
 * Puts a report together from one engine run plus what only the caller knows (acknowledgements, sources,
 * time). The numbered finding list is the engine's order; matrix cells point into it.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { Finding } from '../checks/finding';
import { MANUAL_CONTROLS } from './manual-controls';
import type { Acknowledgement, ReportInput } from './report-input';
import type { ReportRecord } from './record/record';

export interface AssembleInput {
  findings: Finding[];
  report: Pick<ReportInput, 'matrix' | 'coverage' | 'diagram'>;
  acknowledgements: Acknowledgement[];
  sources: string[];
  generatedAt: string;
  /** The header of record and the auditor's sections (lib/report/record/from-templates.ts buildRecord). */
  record?: ReportRecord;
}

export function assembleReportInput(input: AssembleInput): ReportInput {
  return {
    sources: input.sources,
    findings: input.findings,
    matrix: input.report.matrix,
    coverage: input.report.coverage,
    diagram: input.report.diagram,
    acknowledgements: input.acknowledgements,
    manualControls: [...MANUAL_CONTROLS],
    generatedAt: input.generatedAt,
    ...(input.record ? { record: input.record } : {}),
  };
}
