/**
 * The one error unusable cost inputs produce: every problem at once, each naming the field, what is wrong
 * and the fix in English and Japanese — the same shape as a configuration problem (lib/config), so an SE
 * reads both the same way. The command exits 2 and writes nothing.
 */
import type { ConfigProblem } from '../config/config-error';

export class CostInputError extends Error {
  readonly problems: readonly ConfigProblem[];
  readonly source: string;

  constructor(source: string, problems: readonly ConfigProblem[]) {
    super(formatCostProblems(source, problems));
    this.name = 'CostInputError';
    this.source = source;
    this.problems = problems;
  }
}

export function formatCostProblems(source: string, problems: readonly ConfigProblem[]): string {
  const lines = [
    `Cannot estimate the cost (${source}): ${problems.length} problem(s). Nothing was written.`,
    `費用を試算できません（${source}）。${problems.length} 件の問題があります。何も出力していません。`,
  ];
  problems.forEach((p, i) => {
    lines.push(`  ${i + 1}. ${p.path === '' ? '(document)' : p.path}: ${p.message}`);
    lines.push(`     fix: ${p.fix}`);
    lines.push(`     修正: ${p.ja}`);
  });
  return lines.join('\n');
}
