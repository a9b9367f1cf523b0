/**
 * `closed-telework roster plan|apply ROSTER`: provision WorkSpaces from a municipal roster CSV.
 *
 * Exit codes (the table in docs/roster.md, tested row by row in test/roster/cli/exit-codes.test.ts):
 * 0 success; 1 a person must follow up (apply: failed, unconfirmed, conflicts, bundle changes); 2 invalid
 * input or unwritable output, or a failure before anything was applied; 3 total failure (apply: every
 * needed change failed); 130 interrupted (Ctrl-C; 143 for SIGTERM).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import type { Command } from 'commander';
import { createWorkSpacesClients, WorkSpacesClients } from '../roster/aws/workspaces-clients';
import { WorkSpacesGateway } from '../roster/aws/workspaces-gateway';
import { ApplyJournal, directoryOfKey } from '../roster/apply/apply-journal';
import { ApplyLock, ApplyLockHeldError } from '../roster/apply/apply-lock';
import { applyPlan } from '../roster/apply/apply-plan';
import { renderReport } from '../roster/apply/apply-report';
import { createProgressReporter } from '../roster/apply/progress-reporter';
import { defaultStateDir, journalPathFor } from '../roster/apply/journal-location';
import { checkWritable, collect, parseDirectoryOptions, parseSizeBundleOptions, positiveNumber } from '../roster/cli-options';
import { normaliseEncodingName } from '../roster/csv/decode-roster-bytes';
import { parseRoster } from '../roster/csv/parse-roster';
import { RosterValidationError } from '../roster/csv/roster-validation-error';
import { directoryTiers, planRoster } from '../roster/plan/plan-roster';
import { renderPlan, unmentionedDirectoryNotice } from '../roster/plan/render-plan';
import type { PlanOptions } from '../roster/plan/roster-plan';
import { parseTier } from '../roster/csv/roster-values';
import type { RosterEntry } from '../roster/roster-entry';
import type { Tier } from '../tiers/tier';
import { countByKind } from '../roster/plan/roster-plan';
import type { ExitCode } from './main';

interface CommonOptions {
  directory?: string[];
  emptyTier?: string[];
  sizeBundle?: string[];
  encoding?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  taggingEndpointUrl?: string;
  apiRate?: number;
  createRate?: number;
  describeRate?: number;
  maxAttempts?: number;
  requestTimeout?: number;
}

interface ApplyCliOptions extends CommonOptions {
  terminate?: boolean;
  yesTerminate?: string;
  reportJson?: string;
  stateDir?: string;
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
    .option('--tagging-endpoint-url <url>', 'Resource Groups Tagging API endpoint for bulk tag reads (default: --endpoint-url if given, else the Region\'s)')
    .option('--api-rate <n>', 'all WorkSpaces API calls together, per second (default 10)', positiveNumber('--api-rate'))
    .option('--create-rate <n>', 'cap on CreateWorkspaces calls per second, within --api-rate (default: none)', positiveNumber('--create-rate'))
    .option('--describe-rate <n>', 'cap on Describe calls per second, within --api-rate (default: none)', positiveNumber('--describe-rate'))
    .option('--max-attempts <n>', 'SDK attempts per read call (adaptive retry mode, default 8)', positiveNumber('--max-attempts'))
    .option('--request-timeout <seconds>', 'abandon an unanswered request after this long (default 30)', positiveNumber('--request-timeout'))
    .option('--empty-tier <tier>', 'the roster deliberately has nobody in this tier: plan terminating every WorkSpace of its --directory (repeatable)', collect, []);
}

interface Prepared {
  entries: ReturnType<typeof parseRoster>['entries'];
  directories: ReturnType<typeof parseDirectoryOptions>;
  planOptions: PlanOptions;
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
    throw new Error(`${file}: cannot read the roster (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}) / 名簿ファイルを読めません`, { cause: err });
  }
  const { entries } = parseRoster(bytes, file, { directories, sizeBundles, encoding });
  const emptyTiers = parseEmptyTierOptions(opts.emptyTier, entries, directories);
  const clients = createWorkSpacesClients({
    region: opts.region,
    profile: opts.profile,
    endpointUrl: opts.endpointUrl,
    taggingEndpointUrl: opts.taggingEndpointUrl,
    maxAttempts: opts.maxAttempts,
    requestTimeoutMs: opts.requestTimeout ? opts.requestTimeout * 1000 : undefined,
  });
  const gateway = new WorkSpacesGateway(
    clients,
    { apiPerSecond: opts.apiRate, createPerSecond: opts.createRate, describePerSecond: opts.describeRate, onWarning: (m) => process.stderr.write(`closed-telework roster: warning: ${m}\n`) },
    signal,
  );
  return { entries, directories, planOptions: { emptyTiers }, clients, gateway };
}

/**
 * `--empty-tier TIER`: the one way to plan terminating a whole directory. Refused when it contradicts the
 * roster (someone IS in that tier) or names a tier without a --directory (nothing to empty).
 */
function parseEmptyTierOptions(values: string[] = [], entries: RosterEntry[], directories: Partial<Record<Tier, string>>): Set<Tier> {
  const out = new Set<Tier>();
  for (const v of values) {
    const tier = parseTier(v);
    if (!tier || tier === 'personal-number') throw new Error(`--empty-tier ${v}: give internet or lgwan (系を internet か lgwan で指定してください)`);
    if (!directories[tier]) throw new Error(`--empty-tier ${v}: no --directory ${tier}=d-… was given, so there is no directory to empty (--directory ${tier}=… がありません)`);
    const inTier = entries.filter((e) => e.tier === tier);
    if (inTier.length > 0) {
      throw new Error(`--empty-tier ${v}: the roster has ${inTier.length} user(s) in the ${tier} tier (line ${inTier[0].line} first); remove the option or those lines (名簿にこの系の利用者がいるため --empty-tier と矛盾します)`);
    }
    out.add(tier);
  }
  return out;
}

function fail(exit: ExitCode, err: unknown, code: number): void {
  const message = err instanceof RosterValidationError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`closed-telework roster: ${message}\n`);
  exit.code = code;
}

/** `--yes-terminate` as typed: a plain decimal integer ("0x3", "3.0", "3e0", " 3" are refused). */
export function parseTerminationCount(value: string): number {
  if (!/^(0|[1-9][0-9]{0,8})$/.test(value)) {
    throw new Error(`--yes-terminate=${value}: give the number of WorkSpaces the plan terminates as a plain decimal integer, e.g. --yes-terminate=3 (削除台数は 10 進の整数で指定してください)`);
  }
  return Number(value);
}

async function confirmTerminations(count: number, opts: ApplyCliOptions, abort: AbortController): Promise<string | undefined> {
  if (opts.yesTerminate !== undefined) {
    // Checked even when the plan terminates none: a stale count in a CI line must not pass silently.
    if (parseTerminationCount(opts.yesTerminate) !== count) {
      return `--yes-terminate=${opts.yesTerminate} does not match the ${count} WorkSpace(s) the plan would terminate; nothing was applied. Review \`roster plan\` and pass --yes-terminate=${count} / 削除対象は ${count} 台で、--yes-terminate=${opts.yesTerminate} と一致しません。何も反映していません`;
    }
    return undefined;
  }
  if (count === 0) return undefined;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    return `--terminate would terminate ${count} WorkSpace(s); confirm with --yes-terminate=${count} (non-interactive run); nothing was applied / 削除する台数を --yes-terminate=${count} で確認してください。何も反映していません`;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) => {
    // Ctrl-C at the prompt: readline swallows it (the process never sees SIGINT), so abort here.
    rl.on('SIGINT', () => {
      abort.abort();
      resolve('');
    });
    rl.question(`Terminate ${count} WorkSpace(s)? Type ${count} to confirm (削除する台数を入力): `, resolve);
  });
  rl.close();
  if (abort.signal.aborted) return undefined;
  return answer.trim() === String(count) ? undefined : 'termination not confirmed; nothing was applied (確認されなかったため何も反映していません)';
}

/**
 * Ctrl-C (SIGINT) or SIGTERM: abort the run — the journal keeps what was in flight — and end with the
 * shell's own code for that signal, 128 + its number: 130 for Ctrl-C, 143 for SIGTERM (docs/roster.md).
 *
 * Why not a code of our own: run through `npx`, npm starts the tool under `sh -c`, and the terminal's
 * Ctrl-C reaches the whole process group. The shell (dash on Debian/Ubuntu) dies of the signal at once
 * whatever this process does, and npm then re-raises it on itself, so the caller always sees 130. The
 * only exit code that can be the same run directly and through npx is the signal's, so that is the
 * documented one, and this process exits with it too.
 *
 * Listening for the whole command, and after an interrupt until the process ends: npm forwards its own
 * copy of the signal, which may arrive after the clean-up; unhandled, it would kill Node mid-exit.
 */
interface Interrupt {
  abort: AbortController;
  /** 130 or 143 once interrupted. */
  exitCode?: number;
  stop(): void;
}

function onInterrupt(): Interrupt {
  const abort = new AbortController();
  const state: Interrupt = { abort, stop: () => undefined };
  const handler = (signal: NodeJS.Signals) => {
    if (!abort.signal.aborted) process.stderr.write('\nclosed-telework roster: interrupted; finishing the journal and stopping (中断しています)\n');
    state.exitCode ??= 128 + (os.constants.signals[signal] ?? 2);
    abort.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  state.stop = () => {
    // Signal listeners do not keep Node alive, so keeping them after an interrupt costs nothing.
    if (abort.signal.aborted) return;
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
  return state;
}

const INTERRUPTED = 'interrupted; nothing further was sent. Run apply again to continue (the journal prevents duplicates) / 中断しました。再度 apply を実行すると続きから処理します（ジャーナルにより二重作成は起きません）';

function isAbort(err: unknown): boolean {
  return (err as Error)?.name === 'AbortError';
}

export function registerRosterCommand(program: Command, exit: ExitCode): void {
  const roster = program.command('roster').description('provision WorkSpaces from a roster CSV (名簿から WorkSpaces を配備)');

  addCommonOptions(roster.command('plan').argument('<roster>', 'roster CSV (UTF-8 or Shift_JIS)').description('show what apply would create, keep, modify and terminate'))
    .option('--json', 'print the plan as JSON instead of a table')
    .action(async (file: string, opts: CommonOptions & { json?: boolean }) => {
      const interrupt = onInterrupt();
      const abort = interrupt.abort;
      let prepared: Prepared | undefined;
      try {
        try {
          prepared = prepare(file, opts, abort.signal);
        } catch (err) {
          return fail(exit, err, 2);
        }
        const plan = await planRoster(prepared.gateway, prepared.entries, prepared.directories, prepared.planOptions);
        process.stdout.write(opts.json ? JSON.stringify({ counts: countByKind(plan), actions: plan.actions, unmentionedDirectories: plan.unmentioned }, null, 2) + '\n' : renderPlan(plan));
        exit.code = 0;
      } catch (err) {
        if (isAbort(err) || abort.signal.aborted) fail(exit, new Error('interrupted / 中断しました'), interrupt.exitCode ?? 130);
        else fail(exit, err, 2);
      } finally {
        prepared?.clients.destroy();
        interrupt.stop();
      }
    });

  addCommonOptions(roster.command('apply').argument('<roster>', 'roster CSV (UTF-8 or Shift_JIS)').description('create, modify (and with --terminate, terminate) WorkSpaces to match the roster'))
    .option('--terminate', 'also terminate WorkSpaces of users no longer on the roster (asks for the count)')
    .option('--yes-terminate <count>', 'confirm the number of terminations without a prompt (CI); must equal the plan\'s count, 0 included')
    .option('--report-json <file>', 'write the final report as JSON (checked writable before any API call)')
    .option('--state-dir <dir>', 'where the apply journals and locks are kept, one per Region and WorkSpaces directory (default: $CLOSED_TELEWORK_STATE_DIR or ~/.local/state/closed-telework)')
    .option('--wait-timeout <seconds>', 'give up waiting for AVAILABLE after this long (default 2400)', positiveNumber('--wait-timeout'))
    .option('--poll-interval <seconds>', 'Describe poll interval while waiting (default 15)', positiveNumber('--poll-interval'))
    .option('--consistency-window <seconds>', 'how long a new WorkSpace may stay invisible to Describe (default 120)', positiveNumber('--consistency-window'))
    .option('--no-progress', 'plain progress lines even on a terminal')
    .option('--volume-key <arn>', 'encrypt root and user volumes of new WorkSpaces with this KMS key (the baseline requires it)')
    .option('--protocol <name>', 'streaming protocol of new WorkSpaces: WSP (DCV, default) or PCOIP')
    .option('--auto-stop-minutes <n>', 'AutoStop timeout of new AUTO_STOP WorkSpaces (multiple of 60, default 60)', positiveNumber('--auto-stop-minutes'))
    .action(async (file: string, opts: ApplyCliOptions) => {
      const interrupt = onInterrupt();
      const abort = interrupt.abort;
      let prepared: Prepared | undefined;
      let locks: ApplyLock[] = [];
      let journal: ApplyJournal | undefined;
      try {
        // Everything that can be refused is refused here, before any API call.
        try {
          const protocol = (opts.protocol ?? 'WSP').toUpperCase();
          if (protocol !== 'WSP' && protocol !== 'PCOIP') throw new Error(`--protocol ${opts.protocol}: use WSP (DCV) or PCOIP`);
          if (opts.autoStopMinutes !== undefined && opts.autoStopMinutes % 60 !== 0) throw new Error(`--auto-stop-minutes ${opts.autoStopMinutes}: WorkSpaces AutoStop is set in 60-minute intervals`);
          if (opts.volumeKey !== undefined && !/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/.+$/.test(opts.volumeKey)) throw new Error(`--volume-key ${opts.volumeKey}: give a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)`);
          if (opts.yesTerminate !== undefined) {
            if (!opts.terminate) throw new Error('--yes-terminate needs --terminate (削除には --terminate が必要です)');
            parseTerminationCount(opts.yesTerminate);
          }
          if (opts.reportJson) checkWritable('--report-json', opts.reportJson);
          prepared = prepare(file, opts, abort.signal);
        } catch (err) {
          return fail(exit, err, 2);
        }
        const stateDir = path.resolve(opts.stateDir ?? defaultStateDir());
        let region: string;
        try {
          region = await prepared.clients.reads.config.region();
        } catch (err) {
          return fail(exit, new Error(`no AWS Region: pass --region or set AWS_REGION (${(err as Error).message}) / リージョンが指定されていません`), 2);
        }
        const managed = [...directoryTiers(prepared.entries, prepared.directories).keys()];
        const journalPaths = new Map(managed.map((d) => [d, journalPathFor(stateDir, region, d)] as const));
        const cannotUseJournal = (err: unknown): Error =>
          new Error(`--state-dir ${stateDir}: cannot use the apply journal (${(err as Error).message}); pass --state-dir with a writable folder; nothing was applied (適用ジャーナルを書き込めません。何も反映していません)`);
        try {
          // Fail before any API call if a journal cannot be written: without it a crash could duplicate.
          for (const p of journalPaths.values()) {
            fs.mkdirSync(path.dirname(p), { recursive: true });
            fs.accessSync(path.dirname(p), fs.constants.W_OK);
          }
          // Locked before the journals are read: a second run alive at once would read them before the first wrote.
          locks = ApplyLock.acquireAll([...journalPaths.values()]);
          journal = ApplyJournal.openPerDirectory(journalPaths);
          const legacy = `${file}.apply-journal.jsonl`;
          if (fs.existsSync(legacy)) {
            const { moved, kept } = journal.importLegacy(legacy, (key) => journalPaths.has(directoryOfKey(key)));
            process.stderr.write(`closed-telework roster: took over ${moved} record(s) of the old journal ${legacy}${kept ? `; ${kept} record(s) for directories this roster does not manage stay there` : ' and removed it'} (旧ジャーナルを引き継ぎました)\n`);
          }
        } catch (err) {
          return fail(exit, err instanceof ApplyLockHeldError ? err : cannotUseJournal(err), 2);
        }
        let plan;
        try {
          plan = await planRoster(prepared.gateway, prepared.entries, prepared.directories, prepared.planOptions);
          for (const u of plan.unmentioned) process.stderr.write(`closed-telework roster: notice: ${unmentionedDirectoryNotice(u)}\n`);
        } catch (err) {
          return fail(exit, isAbort(err) ? new Error(INTERRUPTED) : err, isAbort(err) ? (interrupt.exitCode ?? 130) : 2);
        }
        const terminations = countByKind(plan).terminate;
        if (opts.terminate) {
          let refusal: string | undefined;
          try {
            refusal = await confirmTerminations(terminations, opts, abort);
          } catch (err) {
            return fail(exit, err, 2);
          }
          if (abort.signal.aborted) return fail(exit, new Error(INTERRUPTED), interrupt.exitCode ?? 130);
          if (refusal) return fail(exit, new Error(refusal), 2);
        }
        if (!opts.volumeKey) {
          process.stderr.write('closed-telework roster: warning: no --volume-key; new WorkSpaces will not be encrypted with a customer-managed key and `audit` will report them (暗号化キー未指定)\n');
        }
        const progress = createProgressReporter(process.stderr, opts.progress === false);
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
          exit.code = report.exitCode;
          if (opts.reportJson) {
            try {
              const tmp = `${opts.reportJson}.tmp`;
              fs.writeFileSync(tmp, JSON.stringify({ ...report, unmentionedDirectories: plan.unmentioned }, null, 2) + '\n');
              fs.renameSync(tmp, opts.reportJson);
            } catch (err) {
              // Checked writable at the start; if it still fails, the changes stand: say so, never "total failure".
              process.stderr.write(`closed-telework roster: the changes above were applied, but --report-json ${opts.reportJson} could not be written (${(err as Error).message}) / 変更は反映済みですが、レポートを書き込めませんでした\n`);
              if (exit.code === 0) exit.code = 1;
            }
          }
        } catch (err) {
          progress.stop();
          // Interrupted: the signal's code. Anything else unexpected after changes may have begun: 3.
          fail(exit, isAbort(err) ? new Error(INTERRUPTED) : err, isAbort(err) ? (interrupt.exitCode ?? 130) : 3);
        }
      } finally {
        journal?.close();
        prepared?.clients.destroy();
        for (const l of locks) l.release();
        interrupt.stop();
      }
    });
}
