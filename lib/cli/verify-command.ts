/**
 * `closed-telework verify [--policy FILE] [--format text|json|sarif|junit] PATH...`
 * Exit 0: no finding; 1: findings; 2: unusable input (the message says what and where).
 * Output is written only after the whole analysis succeeded: nothing half-written.
 */
import type { Command } from 'commander';
import type { ExitCode } from './main';
import { InputError, verifyPaths } from '../checks';
import { renderJson } from '../report/json';
import { renderJunitFromVerify } from '../report/verify-junit';
import { renderSarif } from '../report/sarif';
import { renderText } from '../report/text';
import { loadPolicy } from '../policy/load';
import { verifySnapshot, verifySnapshotAgainst } from '../snapshot';

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

export function registerVerifyCommand(program: Command, exit: ExitCode): void {
  program
    .command('verify')
    .description('Prove from CloudFormation templates or a cloud assembly (cdk.out) that the internet, LGWAN and personal-number tiers cannot reach one another (三層分離の検証).')
    .argument('[path...]', 'template files (JSON/YAML) or cloud assembly directories')
    .option('--snapshot <dir>', 'verify the live account instead: a snapshot folder aws_configs/[<account>/]<region>/*.json (docs/post-deploy.md)')
    .option('--against <path...>', 'with --snapshot: also report drift between the account and these templates / cloud assemblies (cdk.out)')
    .option('--policy <file>', 'tier policy file (YAML/JSON); default: the packaged policies/tier-policy.yaml')
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'text')
    .option('--as-of <date>', 'judge sanctioned-channel expiry as of this date (YYYY-MM-DD); default: today')
    .addHelpText('after', '\nExit status: 0 no finding, 1 findings, 2 unusable input (file, template, snapshot or policy).\nRules, policy format and limits: docs/verify.md; the live account (--snapshot): docs/post-deploy.md')
    .action((paths: string[], opts: { policy?: string; format: string; asOf?: string; snapshot?: string; against?: string[] }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        process.stderr.write(`closed-telework verify: --format must be one of ${FORMATS.join(', ')} (got "${opts.format}")\n`);
        exit.code = 2;
        return;
      }
      if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
        process.stderr.write(`closed-telework verify: --as-of must be a date YYYY-MM-DD (got "${opts.asOf}")\n`);
        exit.code = 2;
        return;
      }
      try {
        const options = opts.asOf ? { asOf: opts.asOf } : {};
        if (opts.snapshot !== undefined && paths.length > 0) {
          throw new InputError('(command line)', 'give either template PATHs or --snapshot DIR, not both (to compare them, use --snapshot DIR --against PATH).');
        }
        if (opts.against !== undefined && opts.snapshot === undefined) {
          throw new InputError('(command line)', '--against compares a snapshot with templates: give --snapshot DIR too.');
        }
        const result =
          opts.snapshot === undefined ? verifyPaths(paths, opts.policy, options)
            : opts.against ? verifySnapshotAgainst(opts.snapshot, opts.against, loadPolicy(opts.policy), options)
              : verifySnapshot(opts.snapshot, loadPolicy(opts.policy), options);
        const format = opts.format as Format;
        const text = format === 'json' ? renderJson(result) : format === 'sarif' ? renderSarif(result) : format === 'junit' ? renderJunitFromVerify(result) : renderText(result);
        process.stdout.write(text);
        exit.code = result.findings.length > 0 ? 1 : 0;
      } catch (err) {
        if (err instanceof InputError) {
          process.stderr.write(`closed-telework verify: unusable input — ${err.message}\n`);
          exit.code = 2;
          return;
        }
        throw err;
      }
    });
}
