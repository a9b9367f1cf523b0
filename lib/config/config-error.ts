/**
 * The one error a bad municipality configuration produces. It carries EVERY problem found (not just the
 * first), so an SE fixes the file in one round instead of one error per synth.
 */

export interface ConfigProblem {
  /** Dotted path of the field, e.g. `tiers.lgwan.vpcCidr`. Empty string for the document itself. */
  path: string;
  /** What is wrong, in English. */
  message: string;
  /** How to fix it, in English. */
  fix: string;
  /** What is wrong and how to fix it, in Japanese (a municipal SE reads this). */
  ja: string;
}

export class ConfigError extends Error {
  public readonly problems: readonly ConfigProblem[];
  /** Where the configuration came from (a file path or `municipality=NAME`). */
  public readonly source: string;

  constructor(source: string, problems: readonly ConfigProblem[]) {
    super(formatProblems(source, problems));
    this.name = 'ConfigError';
    this.source = source;
    this.problems = problems;
  }
}

export function formatProblems(source: string, problems: readonly ConfigProblem[]): string {
  const lines = [
    `Invalid municipality configuration (${source}): ${problems.length} problem(s). No template was written.`,
    `自治体設定 (${source}) に ${problems.length} 件の問題があります。テンプレートは出力していません。`,
  ];
  problems.forEach((p, i) => {
    const where = p.path === '' ? '(document)' : p.path;
    lines.push(`  ${i + 1}. ${where}: ${p.message}`);
    lines.push(`     fix: ${p.fix}`);
    lines.push(`     修正: ${p.ja}`);
  });
  return lines.join('\n');
}
