/**
 * `closed-telework verify [--policy FILE] [--stack NAME=FILE]... [--parameters [STACK=]FILE]...
 *                         [--format text|json|sarif|junit] [--lang en|ja] [PATH... | --snapshot DIR]`
 * Exit 0: no finding; 1: findings; 2: unusable input (the message says what and where).
 * Output is written only after the whole analysis succeeded: nothing half-written. With --format json,
 * exit 2 still prints one JSON document (`{"error": {...}}`) so a CI parser never reads an empty stream.
 * Without --policy, the on-premises networks are derived from the templates and the output says so.
 */
import * as os from 'os';
import type { Command } from 'commander';
import type { ExitCode } from './main';
import { InputError, loadPolicy, verify, verifyModel, type TierPolicy, type VerifyResult } from '../checks';
import { buildModel } from '../model/facts';
import type { NetworkModel } from '../model/facts/types';
import { loadPaths, type NamedTemplateFile } from '../model/load';
import { applyParameterValues, readParameterValues } from '../model/load/parameter-values';
import { derivePolicy, type DerivedPolicyNote } from '../checks/derived-policy';
import { verifyTextWords } from '../report/i18n/verify-text';
import { loadSnapshot, verifySnapshotAgainst } from '../snapshot';
import { toJson } from '../report/json';
import { renderJunitFromVerify } from '../report/verify-junit';
import { renderSarif } from '../report/sarif';
import { nothingToVerifyText, renderText } from '../report/text';
import { isLang, LANGS, type Lang } from '../report/i18n';
import { today } from '../policy/load';
import { verifyInParts } from './verify-parts';
import { networkResourceCount } from './verify-parts/network-resources';

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

interface VerifyOptions {
  policy?: string;
  format: string;
  lang: string;
  asOf?: string;
  stack: string[];
  parameters: string[];
  snapshot?: string;
  against?: string[];
  jobs: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** `NAME=FILE` (or `FILE` where the name is optional). */
function splitAssignment(raw: string, option: string, nameRequired: boolean): { name?: string; file: string } {
  const eq = raw.indexOf('=');
  if (eq < 0) {
    if (nameRequired) throw new InputError('(command line)', `${option} ${raw}: expected NAME=FILE, e.g. ${option} vpc=vpc-2azs.yaml (the stack name the template is deployed as).`);
    return { file: raw };
  }
  if (eq === 0 || eq === raw.length - 1) throw new InputError('(command line)', `${option} ${raw}: expected NAME=FILE with both parts.`);
  return { name: raw.slice(0, eq), file: raw.slice(eq + 1) };
}

const NOTHING_TO_VERIFY =
  'NOTHING TO VERIFY: the templates hold no VPC, on-premises link, transit gateway or Client VPN endpoint, so there is no network whose separation could be confirmed. Check that PATH names the network stacks. / 検証対象のネットワーク（VPC・オンプレミス接続・Transit Gateway・Client VPN）がテンプレートにありません。三層分離を確認したことにはなりません。';

/**
 * Workers for `--jobs auto`: one per core from four cores on (at most four), else one model. Measured on a
 * 2-core machine (docs/performance.md, "verify side by side"): the engine is bound by memory traffic, so two
 * parts on two cores each run ~1.35× slower than alone and one model already uses the second core for
 * garbage collection — side by side gave the same wall time (±0.2 s) for ~40 % more CPU, and under load
 * (a process gets its share, not a core per thread) it was slower. `--jobs 2` still splits there.
 */
export function autoJobs(cores: number): number {
  return cores >= 4 ? Math.min(cores, 4) : 1;
}

/** `networkResources`: whether the templates hold anything a separation proof is about (network-resources.ts). */
function render(format: Format, lang: Lang, result: VerifyResult, derivedNotes: DerivedPolicyNote[], networkResources: number): string {
  const empty = networkResources === 0;
  // JSON keeps the English (machine readers); the text output speaks --lang.
  const policyNotes = derivedNotes.map((n) => verifyTextWords(format === 'json' ? 'en' : lang).policyNote(n));
  if (format === 'json') {
    const doc = toJson(result) as Record<string, unknown>;
    doc.policy = { source: policyNotes.length ? 'derived-from-templates' : 'file', notes: policyNotes };
    doc.networkResources = networkResources;
    if (empty) doc.note = NOTHING_TO_VERIFY;
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  if (format === 'sarif') return renderSarif(result);
  if (format === 'junit') return renderJunitFromVerify(result);
  let text = renderText(result, lang);
  if (empty && result.findings.length === 0) text = `${nothingToVerifyText(lang)}\n${text.slice(text.indexOf('\n') + 1)}`;
  return policyNotes.length ? `${policyNotes.join('\n')}\n\n${text}` : text;
}

export function registerVerifyCommand(program: Command, exit: ExitCode): void {
  program
    .command('verify')
    .description('Prove from CloudFormation templates or a cloud assembly (cdk.out) that the internet, LGWAN and personal-number tiers cannot reach one another (三層分離の検証).')
    .argument('[path...]', 'template files (JSON/YAML) or cloud assembly directories')
    .option('--snapshot <dir>', 'verify the live account instead: a snapshot folder aws_configs/[<account>/]<region>/*.json (docs/post-deploy.md)')
    .option('--against <path...>', 'with --snapshot: also report drift between the account and these templates / cloud assemblies (cdk.out)')
    .option('--policy <file>', 'tier policy file (YAML/JSON) declaring each tier\'s on-premises networks; without it they are derived from the templates\' static routes to tagged links, and the output says so')
    .option('--stack <name=file>', 'a plain template and the stack name it is deployed as (resolves ${AWS::StackName}, so exports and Fn::ImportValue match); repeatable', collect, [])
    .option('--parameters <[stack=]file>', 'parameter values for a deployment, as aws cloudformation create-stack / deploy read them (JSON or YAML); without stack=, for every top-level template that declares them; repeatable', collect, [])
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'text')
    .option('--lang <lang>', `language of the text output: ${LANGS.join(' | ')} (json, sarif and junit are English: machine readers and CI annotations)`, 'en')
    .option('--as-of <date>', 'judge sanctioned-channel expiry as of this date (YYYY-MM-DD); default: today')
    .option('--jobs <n>', 'worker threads for a large input of template files whose independent parts (separate accounts: no export, SSM parameter, nested stack or stack name in common) can be judged side by side, with exactly the output of one model; auto: one per core from 4 cores on (at most 4), for 8 MB of templates or more; 1: always one model', 'auto')
    .addHelpText('after', '\nExit status: 0 no finding, 1 findings, 2 unusable input (file, template, parameters, snapshot or policy).\nRules, policy format and limits: docs/verify.md; the live account (--snapshot): docs/post-deploy.md')
    .action(async (paths: string[], opts: VerifyOptions) => {
      const json = opts.format === 'json';
      const fail = (message: string, where?: string, what?: string): void => {
        process.stderr.write(`closed-telework verify: ${message}\n`);
        if (json) process.stdout.write(`${JSON.stringify({ formatVersion: 1, error: { where: where ?? '(command line)', what: what ?? message }, exitCode: 2 }, null, 2)}\n`);
        exit.code = 2;
      };
      if (!(FORMATS as readonly string[]).includes(opts.format)) return fail(`--format must be one of ${FORMATS.join(', ')} (got "${opts.format}")`);
      if (!isLang(opts.lang)) return fail(`--lang must be one of ${LANGS.join(', ')} (got "${opts.lang}")`);
      if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) return fail(`--as-of must be a date YYYY-MM-DD (got "${opts.asOf}")`);
      if (opts.jobs !== 'auto' && !/^[1-9]\d{0,2}$/.test(opts.jobs)) return fail(`--jobs must be auto or a number of workers from 1 (got "${opts.jobs}")`);
      try {
        const options = opts.asOf ? { asOf: opts.asOf } : {};
        if (opts.snapshot !== undefined && (paths.length > 0 || opts.stack.length > 0 || opts.parameters.length > 0)) {
          throw new InputError('(command line)', 'give either template PATHs (with --stack / --parameters) or --snapshot DIR, not both (to compare them, use --snapshot DIR --against PATH).');
        }
        let policy: TierPolicy;
        let policyNotes: DerivedPolicyNote[] = [];
        // No policy file: judge only against what the templates (or the account) declare, and say so —
        // never against the example city's ranges.
        const choosePolicy = (model: () => NetworkModel): void => {
          if (opts.policy !== undefined) policy = loadPolicy(opts.policy);
          else {
            const derived = derivePolicy(model());
            policy = derived.policy;
            policyNotes = derived.notes;
          }
        };
        if (opts.against !== undefined && opts.snapshot === undefined) {
          throw new InputError('(command line)', '--against compares a snapshot with templates: give --snapshot DIR too.');
        }
        let result: VerifyResult | undefined;
        let networkResources: number | undefined;
        const format = opts.format as Format;
        if (opts.snapshot !== undefined) {
          const snap = loadSnapshot(opts.snapshot);
          choosePolicy(() => snap.model);
          result = opts.against ? verifySnapshotAgainst(opts.snapshot, opts.against, policy!, options) : verifyModel(snap.model, snap.sources, policy!, options);
        } else {
          // Side by side (lib/cli/verify-parts): plain template files, a policy file, the formats built from the
          // findings, matrix and coverage (JUnit draws the model: one model). Anything else, or any doubt: one model.
          const jobs = opts.jobs === 'auto' ? autoJobs(os.availableParallelism?.() ?? os.cpus().length) : Number(opts.jobs);
          if (jobs >= 2 && opts.policy !== undefined && opts.stack.length === 0 && opts.parameters.length === 0 && format !== 'junit') {
            let filePolicy: TierPolicy | undefined;
            try {
              filePolicy = loadPolicy(opts.policy);
            } catch {
              // The one-model run below reports it, after any template error, as it always has.
            }
            if (filePolicy) {
              const parts = await verifyInParts(paths, filePolicy, opts.asOf ?? today(), jobs, opts.jobs !== 'auto');
              if (process.env.CLOSED_TELEWORK_VERIFY_PARTS_TRACE === '1') process.stderr.write(`closed-telework verify: ${parts.note}\n`);
              if (parts.result) {
                result = parts.result;
                networkResources = parts.networkResources;
              }
            }
          }
        }
        if (result === undefined && opts.snapshot === undefined) {
          const named: NamedTemplateFile[] = opts.stack.map((s) => {
            const { name, file } = splitAssignment(s, '--stack', true);
            return { name: name!, file };
          });
          const load = loadPaths(paths, named);
          for (const p of opts.parameters) {
            const { name, file } = splitAssignment(p, '--parameters', false);
            applyParameterValues(load.templates, readParameterValues(file), file, name);
          }
          choosePolicy(() => buildModel(load.templates, load.missingNested).model);
          result = verify(load, policy!, options);
        }
        const text = render(format, opts.lang, result!, policyNotes, networkResources ?? networkResourceCount(result!.model));
        if (policyNotes.length && (format === 'sarif' || format === 'junit')) process.stderr.write(`${policyNotes.map((n) => verifyTextWords(opts.lang as Lang).policyNote(n)).join('\n')}\n`);
        process.stdout.write(text);
        exit.code = result!.findings.length > 0 ? 1 : 0;
      } catch (err) {
        if (err instanceof InputError) return fail(`unusable input — ${err.message}`, err.where, err.what);
        throw err;
      }
    });
}
