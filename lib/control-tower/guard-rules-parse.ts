/**
 * That cfn-guard can parse every rule file it is given (node:child_process, node:fs).
 *
 * Why: cfn-guard 3.1 does not fail on a rule file it cannot parse. It writes "Parsing error handling rule
 * file = …" to stderr, leaves that file's rules out and exits as if they had passed; the validator drops
 * stderr on that exit code. A typo in a municipality's own rule file would silently switch its controls off.
 * So rule files other than the shipped ones (whose parsing is checked by test/control-tower/shipped-rules)
 * are parsed once, over an empty template, before the plugin is used; anything cfn-guard says on stderr,
 * or any unexpected exit, is an error (fail closed).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** cfn-guard's exit codes for a completed validation: 0 all pass, 5 and 19 some rule failed or skipped. */
const COMPLETED = new Set([0, 5, 19]);

export class GuardRuleParseError extends Error {}

/** Throws GuardRuleParseError naming the files and cfn-guard's words when it cannot parse them all. */
export function assertGuardRulesParse(binary: string, ruleFiles: readonly string[]): void {
  if (ruleFiles.length === 0) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-telework-guard-parse-'));
  try {
    const empty = path.join(dir, 'empty.template.json');
    fs.writeFileSync(empty, JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} }));
    const args = ['validate', ...ruleFiles.flatMap((file) => ['--rules', file]), '--data', empty, '--output-format', 'json', '--show-summary', 'none', '--structured'];
    const run = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const said = (run.stderr ?? '').trim();
    if (run.error === undefined && run.status !== null && COMPLETED.has(run.status) && said === '') return;
    const named = ruleFiles.filter((file) => said.includes(`rule file = ${path.basename(file)}`) || said.includes(file));
    const which = named.length > 0 ? named : ruleFiles;
    const why = run.error?.message ?? (said || `cfn-guard exited with ${run.status === null ? `signal ${run.signal}` : `status ${run.status}`}`);
    throw new GuardRuleParseError(
      [
        `ControlTowerGuardRules: cfn-guard cannot use ${which.length === 1 ? 'this rule file' : 'these rule files'}, so their rules would never run (cfn-guard skips them and reports success):`,
        ...which.map((file) => `  - ${file}`),
        `cfn-guard said: ${why}`,
        'Fix: correct the file (`cfn-guard parse-tree --rules FILE` shows where), or remove it from rulesDir.',
        `ControlTowerGuardRules: cfn-guard がルールファイルを解析できません。このままではそのルールは実行されず、合格として扱われます。上記のファイルを修正するか、rulesDir から外してください。`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
