/**
 * JUnit XML straight from a verify() result, for the `verify` command (`--format junit` is one line there):
 * one case per tier-matrix cell and per finding, the same renderer the synth and `report` use.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { VerifyResult } from '../checks';
import { assembleReportInput } from './assemble';
import { reportViewFromVerify } from './from-verify-result';
import type { Lang } from './i18n';
import { renderJunit } from './junit';

export function renderJunitFromVerify(result: VerifyResult, options: { lang?: Lang; generatedAt?: string } = {}): string {
  const input = assembleReportInput({
    findings: result.findings,
    report: reportViewFromVerify(result),
    acknowledgements: [],
    sources: result.sources.map((s) => s.file),
    generatedAt: options.generatedAt ?? new Date().toISOString(),
  });
  return renderJunit(input, { lang: options.lang ?? 'en' });
}
