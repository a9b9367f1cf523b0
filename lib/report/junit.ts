/**
 * JUnit XML for CI dashboards: one test case per matrix cell (so a green run shows every pair was
 * checked, not merely that nothing was found) and one failing test case per finding.
 * Unresolved cells fail: the proof fails closed.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { endLabel, endpointLabel, findingWords, hopLine } from './describe';
import { xmlEscape as esc } from './diagram-svg';
import { messagesFor, type Lang } from './i18n';
import type { ReportInput } from './report-input';

export function renderJunit(input: ReportInput, options: { lang: Lang; suiteName?: string }): string {
  const m = messagesFor(options.lang);
  const name = options.suiteName ?? 'closed-telework';
  const matrixCases: string[] = [];
  let matrixFailures = 0;
  for (const cell of input.matrix) {
    const caseName = `${endLabel(cell.from, m)} → ${endLabel(cell.to, m)}`;
    const ok = cell.verdict === 'isolated' || cell.verdict === 'permitted';
    if (ok) {
      matrixCases.push(`    <testcase classname="${esc(name)}.matrix" name="${esc(caseName)}"><system-out>${esc(m.cellVerdict[cell.verdict])}</system-out></testcase>`);
    } else {
      matrixFailures++;
      const body = [cell.reason ?? '', ...cell.witness.map((h, i) => hopLine(h, i, m))].filter((l) => l !== '').join('\n');
      matrixCases.push(`    <testcase classname="${esc(name)}.matrix" name="${esc(caseName)}"><failure type="${cell.verdict}" message="${esc(m.cellVerdict[cell.verdict])}">${esc(body)}</failure></testcase>`);
    }
  }
  const findingCases: string[] = [];
  let findingFailures = 0;
  input.findings.forEach((f, i) => {
    const words = findingWords(f, m);
    const caseName = `#${i + 1} ${f.rule}: ${words.title}`;
    const body = [
      `${endpointLabel(f.from, m)} → ${endpointLabel(f.to, m)}`,
      ...f.path.map((h, n) => hopLine(h, n, m)),
      words.message,
    ].join('\n');
    if (f.severity === 'error') {
      findingFailures++;
      findingCases.push(`    <testcase classname="${esc(name)}.${esc(f.rule)}" name="${esc(caseName)}"><failure type="${esc(f.rule)}" message="${esc(words.title)}">${esc(body)}</failure></testcase>`);
    } else {
      // Warnings are reported, not failed: JUnit has no warning state, so they go to system-out.
      findingCases.push(`    <testcase classname="${esc(name)}.${esc(f.rule)}" name="${esc(caseName)}"><system-out>${esc(body)}</system-out></testcase>`);
    }
  });
  const total = matrixCases.length + findingCases.length;
  const failures = matrixFailures + findingFailures;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${esc(name)}" tests="${total}" failures="${failures}" errors="0">`,
    `  <testsuite name="${esc(m.junitSuiteMatrix)}" tests="${matrixCases.length}" failures="${matrixFailures}" errors="0" skipped="0" timestamp="${esc(input.generatedAt)}">`,
    ...matrixCases,
    '  </testsuite>',
    `  <testsuite name="${esc(m.junitSuiteFindings)}" tests="${findingCases.length}" failures="${findingFailures}" errors="0" skipped="0" timestamp="${esc(input.generatedAt)}">`,
    ...findingCases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
