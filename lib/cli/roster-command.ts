/**
 * `closed-telework roster plan|apply ROSTER`: provision WorkSpaces from a municipal roster CSV.
 *
 * Exit codes (both sub-commands): 0 success; 1 partial (apply: some changes failed, are unconfirmed, or
 * need a person); 2 invalid input or a failure before anything was applied; 3 total failure (apply:
 * changes were needed and none succeeded). See docs/roster.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import type { Command } from 'commander';
import { createWorkSpacesClients, WorkSpacesClients } from '../roster/aws/workspaces-clients';
import { WorkSpacesGateway } from '../roster/aws/workspaces-gateway';
import { ApplyJournal } from '../roster/apply/apply-journal';
import { ApplyLock, ApplyLockHeldError } from '../roster/apply/apply-lock';
import { applyPlan } from '../roster/apply/apply-plan';
import { renderReport } from '../roster/apply/apply-report';
import { createProgressReporter } from '../roster/apply/progress-reporter';
import { collect, parseDirectoryOptions, parseSizeBundleOptions, positiveNumber } from '../roster/cli-options';
import { normaliseEncodingName } from '../roster/csv/decode-roster-bytes';
import { parseRoster } from '../roster/csv/parse-roster';
import { RosterValidationError } from '../roster/csv/roster-validation-error';
import { planRoster } from '../roster/plan/plan-roster';
import { renderPlan } from '../roster/plan/render-plan';
import { countByKind } from '../roster/plan/roster-plan';
import type { ExitCode } from './main';

interface CommonOptions {
  directory?: string[];
  sizeBundle?: string[];
  encoding?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  createRate?: number;
  describeRate?: number;
  maxAttempts?: number;
  requestTimeout?: number;
}

interface ApplyCliOptions extends CommonOptions {
  terminate?: boolean;
  yesTerminate?: string;
  reportJson?: string;
  journal?: string;
  waitTimeout?: number;
  pollInterval?: number;
  consistencyWindow?: number;
  progress?: boolean;
  volumeKey?: string;
  protocol?: string;
  autoStopMinutes?: number;
}

function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('--directory <tier=id>', 'WorkSpaces directory of a tier, e.g. lgwan=d-1234567890 (repeatable)', collect, [])
    .option('--size-bundle <size=bundle>', 'bundle for a size named in the roster, e.g. STANDARD=wsb-abc123456 (repeatable)', collect, [])
    .option('--encoding <name>', 'roster encoding: utf-8 or shift_jis (default: detected)')
    .option('--region <region>', 'AWS Region (default: the standard AWS chain)')
    .option('--profile <name>', 'AWS profile from the shared config files')
    .option('--endpoint-url <url>', 'send WorkSpaces API calls to this endpoint (as in the AWS CLI)')
    .option('--create-rate <n>', 'CreateWorkspaces calls per second (default 1)', positiveNumber('--create-rate'))
    .option('--describe-rate <n>', 'Describe calls per second (default 5)', positiveNumber('--describe-rate'))
    .option('--max-attempts <n>', 'SDK attempts per read call (adaptive retry mode, default 8)', positiveNumber('--max-attempts'))
    .option('--request-timeout <seconds>', 'abandon an unanswered request after this long (default 30)', positiveNumber('--request-timeout'));
}

interface Prepared {
  entries: ReturnType<typeof parseRoster>['entries'];
  directories: ReturnType<typeof parseDirectoryOptions>;
  clients: WorkSpacesClients;
  gateway: WorkSpacesGateway;
}

function prepare(file: string, opts: CommonOptions, signal?: AbortSignal): Prepared {
  const directories = parseDirectoryOptions(opts.directory);
  const sizeBundles = parseSizeBundleOptions(opts.sizeBundle);
  const encoding = opts.encoding ? normaliseEncodingName(opts.encoding) : undefined;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new Error(`${file}: cannot read the roster (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}) / 名簿ファイルを読めません`);
  }
  const { entries } = parseRoster(bytes, file, { directories, sizeBundles, encoding });
  const clients = createWorkSpacesClients({
    region: opts.region,
    profile: opts.profile,
    endpointUrl: opts.endpointUrl,
    maxAttempts: opts.maxAttempts,
    requestTimeoutMs: opts.requestTimeout ? opts.requestTimeout * 1000 : undefined,
  });
  const gateway = new WorkSpacesGateway(clients, { createPerSecond: opts.createRate, describePerSecond: opts.describeRate }, signal);
  return { entries, directories, clients, gateway };
}

function fail(exit: ExitCode, err: unknown, code: number): void {
  const message = err instanceof RosterValidationError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`closed-telework roster: ${message}\n`);
  exit.code = code;
}

async function confirmTerminations(count: number, opts: ApplyCliOptions): Promise<string | undefined> {
  if (count === 0) return undefined;
  if (opts.yesTerminate !== undefined) {
    if (Number(opts.yesTerminate) !== count) {
      return `--yes-terminate=${opts.yesTerminate} does not match the ${count} WorkSpace(s) the plan would terminate; review \`roster plan\` and pass --yes-terminate=${count} (削除対象数が一致しません)`;
    }
    return undefined;
  }
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    return `--terminate would terminate ${count} WorkSpace(s); confirm with --yes-terminate=${count} (non-interactive run) / 削除する台数を --yes-terminate=${count} で確認してください`;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) => rl.question(`Terminate ${count} WorkSpace(s)? Type ${count} to confirm (削除する台数を入力): `, resolve));
  rl.close();
  return answer.trim() === String(count) ? undefined : 'termination not confirmed; nothing was applied (確認されなかったため何も反映していません)';
}

export function registerRosterCommand(program: Command, exit: ExitCode): void {
  const roster = program.command('roster').description('provision WorkSpaces from a roster CSV (名簿から WorkSpaces を配備)');

  addCommonOptions(roster.command('plan').argument('<roster>', 'roster CSV (UTF-8 or Shift_JIS)').description('show what apply would create, keep, modify and terminate'))
    .option('--json', 'print the plan as JSON instead of a table')
    .action(async (file: string, opts: CommonOptions & { json?: boolean }) => {
      let prepared: Prepared;
      try {
        prepared = prepare(file, opts);
      } catch (err) {
        return fail(exit, err, 2);
      }
      try {
        const plan = await planRoster(prepared.gateway, prepared.entries, prepared.directories);
        process.stdout.write(opts.json ? JSON.stringify({ counts: countByKind(plan), actions: plan.actions }, null, 2) + '\n' : renderPlan(plan));
        exit.code = 0;
      } catch (err) {
        fail(exit, err, 2);
      } finally {
        prepared.clients.destroy();
      }
    });

  addCommonOptions(roster.command('apply').argument('<roster>', 'roster CSV (UTF-8 or Shift_JIS)').description('create, modify (and with --terminate, terminate) WorkSpaces to match the roster'))
    .option('--terminate', 'also terminate WorkSpaces of users no longer on the roster (asks for the count)')
    .option('--yes-terminate <count>', 'confirm the number of terminations without a prompt (CI)')
    .option('--report-json <file>', 'write the final report as JSON')
    .option('--journal <file>', 'apply journal (default: <roster>.apply-journal.jsonl)')
    .option('--wait-timeout <seconds>', 'give up waiting for AVAILABLE after this long (default 2400)', positiveNumber('--wait-timeout'))
    .option('--poll-interval <seconds>', 'Describe poll interval while waiting (default 15)', positiveNumber('--poll-interval'))
    .option('--consistency-window <seconds>', 'how long a new WorkSpace may stay invisible to Describe (default 120)', positiveNumber('--consistency-window'))
    .option('--no-progress', 'plain progress lines even on a terminal')
    .option('--volume-key <arn>', 'encrypt root and user volumes of new WorkSpaces with this KMS key (the baseline requires it)')
    .option('--protocol <name>', 'streaming protocol of new WorkSpaces: WSP (DCV, default) or PCOIP')
    .option('--auto-stop-minutes <n>', 'AutoStop timeout of new AUTO_STOP WorkSpaces (multiple of 60, default 60)', positiveNumber('--auto-stop-minutes'))
    .action(async (file: string, opts: ApplyCliOptions) => {
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      let prepared: Prepared;
      try {
        const protocol = (opts.protocol ?? 'WSP').toUpperCase();
        if (protocol !== 'WSP' && protocol !== 'PCOIP') throw new Error(`--protocol ${opts.protocol}: use WSP (DCV) or PCOIP`);
        if (opts.autoStopMinutes !== undefined && opts.autoStopMinutes % 60 !== 0) throw new Error(`--auto-stop-minutes ${opts.autoStopMinutes}: WorkSpaces AutoStop is set in 60-minute intervals`);
        if (opts.volumeKey !== undefined && !/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/.+$/.test(opts.volumeKey)) throw new Error(`--volume-key ${opts.volumeKey}: give a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)`);
        prepared = prepare(file, opts, abort.signal);
      } catch (err) {
        return fail(exit, err, 2);
      }
      const journalPath = opts.journal ?? `${file}.apply-journal.jsonl`;
      const cannotUseJournal = (err: unknown): Error =>
        new Error(`--journal ${journalPath}: cannot use the apply journal (${(err as Error).message}); pass --journal with a writable path (適用ジャーナルを書き込めません)`);
      let lock: ApplyLock;
      try {
        // Fail before any API call if the journal cannot be written: without it a crash could duplicate.
        fs.accessSync(path.dirname(path.resolve(journalPath)), fs.constants.W_OK);
        // Locked before the journal is read: a second run alive at once would read it before the first wrote.
        lock = ApplyLock.acquire(journalPath);
      } catch (err) {
        prepared.clients.destroy();
        return fail(exit, err instanceof ApplyLockHeldError ? err : cannotUseJournal(err), 2);
      }
      try {
        let journal: ApplyJournal;
        try {
          journal = ApplyJournal.open(journalPath);
        } catch (err) {
          prepared.clients.destroy();
          return fail(exit, cannotUseJournal(err), 2);
        }
        let plan;
        try {
          plan = await planRoster(prepared.gateway, prepared.entries, prepared.directories);
        } catch (err) {
          prepared.clients.destroy();
          return fail(exit, err, 2);
        }
        const terminations = countByKind(plan).terminate;
        if (opts.terminate) {
          const refusal = await confirmTerminations(terminations, opts);
          if (refusal) {
            prepared.clients.destroy();
            return fail(exit, new Error(refusal), 2);
          }
        } else if (opts.yesTerminate !== undefined) {
          prepared.clients.destroy();
          return fail(exit, new Error('--yes-terminate needs --terminate'), 2);
        }
        if (!opts.volumeKey) {
          process.stderr.write('closed-telework roster: warning: no --volume-key; new WorkSpaces will not be encrypted with a customer-managed key and `audit` will report them (暗号化キー未指定)\n');
        }
        const progress = createProgressReporter(process.stderr, opts.progress === false);
        process.once('SIGINT', onSigint);
        try {
          const report = await applyPlan(plan, {
            gateway: prepared.gateway,
            journal,
            terminate: opts.terminate === true,
            signal: abort.signal,
            onProgress: (e) => progress.onProgress(e),
            waitTimeoutMs: opts.waitTimeout ? opts.waitTimeout * 1000 : undefined,
            pollIntervalMs: opts.pollInterval ? opts.pollInterval * 1000 : undefined,
            consistency: opts.consistencyWindow ? { checks: 5, windowMs: opts.consistencyWindow * 1000 } : undefined,
            desktop: { volumeEncryptionKey: opts.volumeKey, protocol: (opts.protocol ?? 'WSP').toUpperCase() as 'WSP', autoStopMinutes: opts.autoStopMinutes },
          });
          progress.stop();
          process.stdout.write(renderReport(report));
          if (opts.reportJson) {
            const tmp = `${opts.reportJson}.tmp`;
            fs.writeFileSync(tmp, JSON.stringify(report, null, 2) + '\n');
            fs.renameSync(tmp, opts.reportJson);
          }
          exit.code = report.exitCode;
        } catch (err) {
          progress.stop();
          fail(exit, (err as Error).name === 'AbortError' ? new Error('interrupted; apply again to continue (the journal prevents duplicates) / 中断しました') : err, 3);
        } finally {
          process.removeListener('SIGINT', onSigint);
          journal.close();
          prepared.clients.destroy();
        }
      } finally {
        lock.release();
      }
    });
}
