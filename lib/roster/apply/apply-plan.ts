/**
 * `roster apply`: carries out a plan against the WorkSpaces API so that, whatever the API does
 * (throttling, 5xx, timeouts, partial FailedRequests, eventual consistency, a crash of this process),
 * no user ever ends up with a second WorkSpace and no rostered user's WorkSpace is terminated.
 *
 * The rules, in order of importance:
 *  1. Never send CreateWorkspaces for a user who may already have one. Before each batch the users in
 *     it are re-checked with Describe (someone may have created one since the plan); users the journal
 *     says were accepted are never sent again; after an ambiguous failure (5xx, timeout, lost
 *     connection) the users are UNCERTAIN and are re-sent only after Describe missed them
 *     `consistency.checks` times over at least `consistency.windowMs`.
 *  2. Batches of ≤ 25, paced below the API's rate; CreateWorkspaces is sent once per call (no SDK
 *     retries, see aws/workspaces-clients.ts); throttled batches are resent after a jittered backoff;
 *     retryable FailedRequests items are resent (they were definitively not created).
 *  3. Wait until each new WorkSpace is AVAILABLE or ERROR, or until the timeout.
 *  4. Terminate only when the caller passed `terminate` (the CLI confirmed the count), and never a
 *     WorkSpace of a rostered user.
 */
import type { WorkspaceRequest } from '@aws-sdk/client-workspaces';
import { TIER_TAG_KEY } from '../../tiers/tier';
import { GONE_STATES, ObservedWorkspace } from '../aws/observed-workspace';
import { WorkSpacesGateway } from '../aws/workspaces-gateway';
import { bundleChangeAdvice } from '../plan/bundle-change-advice';
import { duplicateAdvice } from '../plan/duplicate-advice';
import { RosterPlan } from '../plan/roster-plan';
import { RosterEntry, RunningMode, userKey } from '../roster-entry';
import { runningModeTag } from '../running-mode-declaration';
import { ApplyJournal, JournalRecord } from './apply-journal';
import { ApplyReport, UserOutcome, summarise } from './apply-report';
import { BackoffOptions, jitteredDelay, sleep, throwIfAborted } from './backoff';
import { classifyCallError, isRetryableItemError } from './failure-codes';

export interface ProgressEvent {
  done: number;
  total: number;
  /** One line for logs: what just happened. */
  message: string;
}

export interface ApplyOptions {
  gateway: WorkSpacesGateway;
  journal: ApplyJournal;
  /** Terminate WorkSpaces of users no longer on the roster (the CLI has confirmed the count). */
  terminate?: boolean;
  /** How long a WorkSpace may stay invisible to Describe after creation. Defaults: 5 checks over 120 s. */
  consistency?: { checks: number; windowMs: number };
  /** Sends of CreateWorkspaces per user (ambiguous failures and retryable FailedRequests). Default 5. */
  maxCreateAttempts?: number;
  /** Consecutive throttled sends of one batch before its users are reported failed. Default 30. */
  maxThrottles?: number;
  /** Backoff for throttled batches and retryable items. Default base 500 ms, cap 20 s. */
  backoff?: BackoffOptions;
  /** Give up waiting for AVAILABLE after this long (ms). Default 40 minutes (provisioning takes ~20). */
  waitTimeoutMs?: number;
  /** Interval between Describe polls while waiting (ms). Default 15 s. */
  pollIntervalMs?: number;
  /**
   * How old a listing of a directory may be and still serve as the re-check before a batch of users
   * never sent before (ms). Default 30 s. The plan's own listing counts. A fresher one buys nothing:
   * Describe may itself lag a new WorkSpace by minutes (the consistency window), and the listing after
   * the run reports any duplicate as a conflict. Users in doubt are always re-checked afresh.
   */
  recheckMaxAgeMs?: number;
  /** Properties every new desktop gets (the hardening baseline expects DCV, encryption, AutoStop 60). */
  desktop?: DesktopDefaults;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /**
   * The clock every age, window, backoff and deadline above is measured on (the plan's `observedAt` must come
   * from the same clock). Default `Date.now`; tests pass a clock of their own so that no outcome depends on how
   * fast a loaded machine runs them.
   */
  now?: () => number;
}

export interface DesktopDefaults {
  /** KMS key ARN: when set, root and user volumes are encrypted with it. */
  volumeEncryptionKey?: string;
  /** Streaming protocol; default WSP (DCV), the only one that streams through the private endpoint. */
  protocol?: 'WSP' | 'PCOIP';
  /** AutoStop timeout in minutes (multiples of 60); default 60. */
  autoStopMinutes?: number;
}

interface UserRun {
  entry: RosterEntry;
  key: string;
  attempts: number;
  throttles: number;
  outcome?: UserOutcome;
  workspaceId?: string;
}

interface Uncertain {
  run: UserRun;
  since: number;
  misses: number;
  nextCheckAt: number;
}

export async function applyPlan(plan: RosterPlan, options: ApplyOptions): Promise<ApplyReport> {
  const started = Date.now();
  const { gateway, journal, signal } = options;
  const consistency = options.consistency ?? { checks: 5, windowMs: 120_000 };
  const maxAttempts = options.maxCreateAttempts ?? 5;
  const maxThrottles = options.maxThrottles ?? 30;
  const backoff = options.backoff ?? { baseMs: 500, capMs: 20_000 };
  const waitTimeoutMs = options.waitTimeoutMs ?? 40 * 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 15_000;
  const checkSpacing = Math.max(1, consistency.windowMs / Math.max(1, consistency.checks));
  const outcomes: UserOutcome[] = [];
  /** Things a person must know that belong to no single user (they make the exit code at least 1). */
  const notices: string[] = [];
  const calls = { create: 0 };
  const total = plan.actions.filter((a) => a.kind !== 'keep').length;
  let done = 0;
  const progress = (message: string) => {
    done++;
    options.onProgress?.({ done, total, message });
  };
  const finish = (run: UserRun, o: Omit<UserOutcome, 'userName' | 'directoryId' | 'tier' | 'attempts'>) => {
    run.outcome = { userName: run.entry.userName, directoryId: run.entry.directoryId, tier: run.entry.tier, attempts: run.attempts, ...o };
    outcomes.push(run.outcome);
    progress(`${o.outcome} ${run.entry.userName} (${run.entry.directoryId})${o.detail ? `: ${o.detail}` : ''}`);
  };
  const rosterKeys = new Set(plan.actions.flatMap((a) => (a.kind === 'terminate' ? [] : [userKey(a.entry.directoryId, a.entry.userName)])));

  // Keeps and conflicts: reported, nothing sent.
  for (const a of plan.actions) {
    if (a.kind === 'keep') {
      outcomes.push({ userName: a.entry.userName, directoryId: a.entry.directoryId, tier: a.entry.tier, action: 'keep', outcome: 'kept', workspaceId: a.workspace.workspaceId, state: a.workspace.state, attempts: 0 });
    } else if (a.kind === 'conflict') {
      outcomes.push({ userName: a.entry.userName, directoryId: a.entry.directoryId, tier: a.entry.tier, action: 'conflict', outcome: 'conflict', workspaceId: a.workspaces.map((w) => w.workspaceId).join(','), attempts: 0, detail: a.reason });
      progress(`conflict ${a.entry.userName}: ${a.reason}`);
    }
  }

  // Declared here so the error path below can report what was still in flight.
  const runs = new Map<string, UserRun>();
  const awaiting = new Map<string, UserRun>();
  try {
    // 1. Modifications of existing WorkSpaces (idempotent calls: SDK retries are safe).
    for (const a of plan.actions) {
      if (a.kind !== 'modify') continue;
      const run: UserRun = { entry: a.entry, key: userKey(a.entry.directoryId, a.entry.userName), attempts: 1, throttles: 0 };
      const notApplied = a.changes.filter((c) => !c.applied).map((c) => bundleChangeAdvice(c.from, c.to));
      try {
        const tags: Record<string, string> = {};
        for (const c of a.changes) {
          if (!c.applied) continue;
          if (c.field === 'runningMode') await gateway.setRunningMode(a.workspace.workspaceId, c.to);
          if (c.field === 'tierTag') tags[TIER_TAG_KEY] = c.to;
          if (c.field === 'modeTag') Object.assign(tags, runningModeTag(c.to as RunningMode));
        }
        // After the mode itself: the declaration tag never claims a mode the desktop does not have yet.
        if (Object.keys(tags).length > 0) await gateway.tag(a.workspace.workspaceId, tags);
        finish(run, {
          action: 'modify',
          // A bundle change is never made here: it needs a person (migrate or rebuild), not a retry.
          outcome: notApplied.length ? 'needs-person' : 'modified',
          workspaceId: a.workspace.workspaceId,
          state: a.workspace.state,
          detail: [...a.changes.filter((c) => c.applied).map((c) => `${c.field} ${c.from} → ${c.to}`), ...notApplied].join('; '),
        });
      } catch (err) {
        if (classifyCallError(err) === 'aborted') throw err;
        finish(run, { action: 'modify', outcome: 'failed', workspaceId: a.workspace.workspaceId, detail: (err as Error).message });
      }
    }

    // 2. Creations.
    const creates = plan.actions.flatMap((a) => (a.kind === 'create' ? [a.entry] : []));
    for (const entry of creates) runs.set(userKey(entry.directoryId, entry.userName), { entry, key: userKey(entry.directoryId, entry.userName), attempts: 0, throttles: 0 });
    const prior = journal.state();
    const queue: UserRun[] = [];
    const delayed: Array<{ run: UserRun; readyAt: number }> = [];
    const uncertain = new Map<string, Uncertain>();
    const now = options.now ?? Date.now;

    for (const run of runs.values()) {
      const createdId = prior.createdIds.get(run.key);
      const attemptAt = prior.uncertainSince.get(run.key);
      if (createdId) {
        // Accepted by an earlier run but not visible in the listing yet: wait for it, never re-create.
        run.workspaceId = createdId;
        awaiting.set(createdId, run);
      } else if (attemptAt !== undefined) {
        uncertain.set(run.key, { run, since: attemptAt, misses: 0, nextCheckAt: now() });
      } else {
        queue.push(run);
      }
    }

    const accept = (run: UserRun, ws: { workspaceId: string; state: string }, records: JournalRecord[]) => {
      run.workspaceId = ws.workspaceId;
      knownInDirectory.set(run.entry.directoryId, (knownInDirectory.get(run.entry.directoryId) ?? 0) + 1);
      records.push({ t: 'created', key: run.key, at: now(), workspaceId: ws.workspaceId });
      awaiting.set(ws.workspaceId, run);
    };

    /** A user found to have WorkSpace(s) although we did not see ours accepted. */
    const adopt = async (run: UserRun, found: ObservedWorkspace[]) => {
      if (found.length > 1) {
        journal.record([{ t: 'created', key: run.key, at: now(), workspaceId: found[0].workspaceId }]);
        finish(run, { action: 'create', outcome: 'conflict', workspaceId: found.map((w) => w.workspaceId).join(','), detail: duplicateAdvice(found.map((w) => w.workspaceId)) });
        return;
      }
      const records: JournalRecord[] = [];
      accept(run, found[0], records);
      journal.record(records);
      try {
        await gateway.tag(found[0].workspaceId, { [TIER_TAG_KEY]: run.entry.tier, ...runningModeTag(run.entry.runningMode) });
      } catch (err) {
        if (classifyCallError(err) === 'aborted') throw err;
        // The tag is re-checked by the next plan (modify tierTag); the WorkSpace itself is fine.
      }
    };

    const liveOf = (list: ObservedWorkspace[]) => list.filter((w) => !GONE_STATES.has(w.state));

    // Listings of directories that may serve as the re-check of never-sent users; the plan's counts
    // (none of the users it plans to create had a WorkSpace then).
    const recheckMaxAgeMs = options.recheckMaxAgeMs ?? 30_000;
    const listings = new Map<string, { at: number; live: ObservedWorkspace[] }>();
    if (plan.observedAt !== undefined) for (const d of plan.directories) listings.set(d, { at: plan.observedAt, live: [] });

    // WorkSpaces known to exist per directory: what a full listing of it would cost (25 per page).
    const knownInDirectory = new Map<string, number>();
    for (const a of plan.actions) {
      const ws = a.kind === 'keep' || a.kind === 'modify' || a.kind === 'terminate' ? [a.workspace] : a.kind === 'conflict' ? a.workspaces : [];
      for (const w of ws) knownInDirectory.set(w.directoryId, (knownInDirectory.get(w.directoryId) ?? 0) + 1);
    }

    /**
     * Re-checks, with Describe, whether the users of a batch have a WorkSpace now. Per directory it takes
     * the cheaper of one call per user (DirectoryId + UserName) and one listing of the whole directory
     * (one call per 25 WorkSpaces): early in a big run the directory is small and a listing is cheaper.
     */
    const recheck = (batch: UserRun[], mayUseRecentListing = false): Promise<Map<string, ObservedWorkspace[]>> => {
      const byDirectory = new Map<string, UserRun[]>();
      for (const r of batch) byDirectory.set(r.entry.directoryId, [...(byDirectory.get(r.entry.directoryId) ?? []), r]);
      const p = Promise.all(
        [...byDirectory].map(async ([directoryId, runsInDir]) => {
          const recent = listings.get(directoryId);
          if (mayUseRecentListing && recent && now() - recent.at < recheckMaxAgeMs) {
            return runsInDir.map((r) => [r.key, recent.live.filter((w) => userKey(w.directoryId, w.userName) === r.key)] as const);
          }
          const listingPages = Math.floor((knownInDirectory.get(directoryId) ?? 0) / 25) + 1;
          if (listingPages < runsInDir.length) {
            const at = now();
            const all = liveOf(await gateway.listDirectory(directoryId));
            listings.set(directoryId, { at, live: all });
            return runsInDir.map((r) => [r.key, all.filter((w) => userKey(w.directoryId, w.userName) === r.key)] as const);
          }
          return Promise.all(runsInDir.map(async (r) => [r.key, liveOf(await gateway.listUser(directoryId, r.entry.userName))] as const));
        }),
      ).then((groups) => new Map(groups.flat()));
      p.catch(() => undefined); // handled where awaited; avoid an unhandled rejection if we abort first
      return p;
    };

    const markUncertain = (batch: UserRun[]) => {
      for (const run of batch) uncertain.set(run.key, { run, since: now(), misses: 0, nextCheckAt: now() + checkSpacing });
    };

    const requeueOrFail = (run: UserRun, code: string | undefined, message: string | undefined) => {
      if (isRetryableItemError(code) && run.attempts < maxAttempts) {
        delayed.push({ run, readyAt: now() + jitteredDelay(run.attempts, backoff) });
      } else {
        finish(run, { action: 'create', outcome: 'failed', detail: `${code ?? 'error'}: ${message ?? ''}${run.attempts >= maxAttempts ? ` (after ${run.attempts} attempts)` : ''}` });
      }
    };

    const resolveUncertain = async () => {
      const due = [...uncertain.values()].filter((u) => u.nextCheckAt <= now());
      if (due.length === 0) return;
      const found = await recheck(due.map((u) => u.run));
      for (const u of due) {
        const live = found.get(u.run.key) ?? [];
        if (live.length > 0) {
          uncertain.delete(u.run.key);
          await adopt(u.run, live);
          continue;
        }
        u.misses++;
        if (u.misses >= consistency.checks && now() - u.since >= consistency.windowMs) {
          uncertain.delete(u.run.key);
          journal.record([{ t: 'not-created', key: u.run.key, at: now(), code: 'NotFoundAfterConsistencyWindow' }]);
          if (u.run.attempts < maxAttempts) queue.push(u.run);
          else finish(u.run, { action: 'create', outcome: 'failed', detail: `not created after ${u.run.attempts} ambiguous attempts` });
        } else {
          u.nextCheckAt = now() + checkSpacing;
        }
      }
    };

    const sendBatch = async (batch: UserRun[], found: Map<string, ObservedWorkspace[]>, startNext: () => void) => {
      const toSend: UserRun[] = [];
      for (const run of batch) {
        const live = found.get(run.key) ?? [];
        if (live.length > 0) await adopt(run, live);
        else toSend.push(run);
      }
      if (toSend.length === 0) {
        startNext();
        return;
      }
      journal.record(toSend.map((r) => ({ t: 'attempt', key: r.key, at: now() })));
      const desktop = options.desktop ?? {};
      const requests: WorkspaceRequest[] = toSend.map((r) => ({
        DirectoryId: r.entry.directoryId,
        UserName: r.entry.userName,
        BundleId: r.entry.bundleId,
        WorkspaceProperties: {
          RunningMode: r.entry.runningMode,
          ...(r.entry.runningMode === 'AUTO_STOP' ? { RunningModeAutoStopTimeoutInMinutes: desktop.autoStopMinutes ?? 60 } : {}),
          Protocols: [desktop.protocol ?? 'WSP'],
        },
        ...(desktop.volumeEncryptionKey
          ? { VolumeEncryptionKey: desktop.volumeEncryptionKey, RootVolumeEncryptionEnabled: true, UserVolumeEncryptionEnabled: true }
          : {}),
        Tags: Object.entries({ [TIER_TAG_KEY]: r.entry.tier, ...runningModeTag(r.entry.runningMode) }).map(([Key, Value]) => ({ Key, Value })),
      }));
      const call = gateway.create(requests);
      call.catch(() => undefined);
      startNext(); // re-check the next batch while this call is paced and in flight
      let result: Awaited<typeof call>;
      calls.create++;
      try {
        result = await call;
      } catch (err) {
        const kind = classifyCallError(err);
        if (kind === 'aborted') throw err;
        const e = err as Error;
        if (kind === 'throttled') {
          journal.record(toSend.map((r) => ({ t: 'not-created', key: r.key, at: now(), code: e.name })));
          // Throttled: nothing was created. Back off with jitter, starting from one send slot: the
          // pacer keeps us near the limit, so a throttle usually means clock jitter, not overload.
          const slot = 1000 / gateway.createPerSecond;
          const wait = Math.max(slot, jitteredDelay(Math.min(...toSend.map((r) => r.throttles)), { ...backoff, baseMs: Math.max(slot, backoff.baseMs / 4) }));
          gateway.penaliseCreate(wait);
          for (const run of toSend) {
            run.throttles++;
            if (run.throttles > maxThrottles) finish(run, { action: 'create', outcome: 'failed', detail: `throttled ${run.throttles} times in a row` });
            else delayed.push({ run, readyAt: now() + wait });
          }
        } else if (kind === 'ambiguous') {
          for (const run of toSend) run.attempts++;
          markUncertain(toSend);
        } else {
          journal.record(toSend.map((r) => ({ t: 'not-created', key: r.key, at: now(), code: e.name })));
          for (const run of toSend) {
            run.attempts++;
            finish(run, { action: 'create', outcome: 'failed', detail: `${e.name}: ${e.message}` });
          }
        }
        return;
      }
      const records: JournalRecord[] = [];
      const byKey = new Map(toSend.map((r) => [r.key, r]));
      for (const run of toSend) {
        run.attempts++;
        run.throttles = 0;
      }
      for (const ws of result.pending) {
        const run = byKey.get(userKey(ws.DirectoryId ?? '', ws.UserName ?? ''));
        if (!run || !ws.WorkspaceId) continue;
        byKey.delete(run.key);
        accept(run, { workspaceId: ws.WorkspaceId, state: ws.State ?? 'PENDING' }, records);
      }
      const failedItems: Array<{ run: UserRun; code?: string; message?: string }> = [];
      for (const f of result.failed) {
        const req = f.WorkspaceRequest;
        const run = byKey.get(userKey(req?.DirectoryId ?? '', req?.UserName ?? ''));
        if (!run) continue;
        byKey.delete(run.key);
        records.push({ t: 'not-created', key: run.key, at: now(), code: f.ErrorCode });
        failedItems.push({ run, code: f.ErrorCode, message: f.ErrorMessage });
      }
      journal.record(records);
      for (const f of failedItems) requeueOrFail(f.run, f.code, f.message);
      // Neither pending nor failed: the answer does not say what happened to them — treat as ambiguous.
      markUncertain([...byKey.values()]);
    };

    // Batches whose re-check is already running: up to PREFETCH ahead of the one being sent, so the
    // Describe calls overlap the CreateWorkspaces pacing instead of adding to it.
    const PREFETCH = 4;
    const prepared: Array<{ batch: UserRun[]; found: Promise<Map<string, ObservedWorkspace[]>> }> = [];
    const prepare = () => {
      while (prepared.length < PREFETCH && queue.length > 0) {
        const batch = queue.splice(0, 25);
        // Users never sent before may be checked against a recent listing; anyone sent before, afresh.
        prepared.push({ batch, found: recheck(batch, batch.every((r) => r.attempts === 0 && r.throttles === 0)) });
      }
    };

    while (queue.length || delayed.length || uncertain.size || prepared.length) {
      throwIfAborted(signal);
      for (let i = delayed.length - 1; i >= 0; i--) {
        if (delayed[i].readyAt <= now()) queue.push(...delayed.splice(i, 1).map((d) => d.run));
      }
      await resolveUncertain();
      prepare();
      const next = prepared.shift();
      if (next) {
        await sendBatch(next.batch, await next.found, prepare);
        continue;
      }
      let wakeAt = Infinity; // a loop, not Math.min(...): a six-figure roster would overflow the stack
      for (const d of delayed) wakeAt = Math.min(wakeAt, d.readyAt);
      for (const u of uncertain.values()) wakeAt = Math.min(wakeAt, u.nextCheckAt);
      // Nothing left to wait for (resolveUncertain may just have settled the last user): re-check the loop.
      if (!Number.isFinite(wakeAt)) continue;
      await sleep(Math.max(1, wakeAt - now()), signal);
    }

    // 3. Wait for AVAILABLE (or ERROR) — by id, 25 per call.
    const deadline = now() + waitTimeoutMs;
    while (awaiting.size > 0) {
      throwIfAborted(signal);
      const ids = [...awaiting.keys()];
      for (let i = 0; i < ids.length; i += 25) {
        const seen = await gateway.byIds(ids.slice(i, i + 25));
        for (const ws of seen) {
          const run = awaiting.get(ws.workspaceId);
          if (!run) continue;
          if (ws.state === 'AVAILABLE' || ws.state === 'STOPPED') {
            awaiting.delete(ws.workspaceId);
            finish(run, { action: 'create', outcome: 'created', workspaceId: ws.workspaceId, state: ws.state });
          } else if (ws.state === 'ERROR' || GONE_STATES.has(ws.state)) {
            awaiting.delete(ws.workspaceId);
            finish(run, { action: 'create', outcome: 'failed', workspaceId: ws.workspaceId, state: ws.state, detail: `${ws.errorCode ?? ws.state}: ${ws.errorMessage ?? 'provisioning failed'}; terminate it and apply again` });
          }
        }
      }
      if (awaiting.size === 0) break;
      if (now() >= deadline) {
        for (const [id, run] of awaiting) {
          finish(run, {
            action: 'create',
            outcome: 'unconfirmed',
            workspaceId: id,
            detail:
              `accepted by AWS but not AVAILABLE after ${Math.round(waitTimeoutMs / 1000)} s (provisioning can take 20 minutes or more); it exists and will not be re-created — run \`roster apply\` again later to confirm` +
              ` / 作成は受け付けられましたが ${Math.round(waitTimeoutMs / 1000)} 秒以内に利用可能になりませんでした（作成中）。再作成はしません。しばらくしてから roster apply を再実行して確認してください`,
          });
        }
        break;
      }
      await sleep(Math.min(pollIntervalMs, Math.max(1, deadline - now())), signal);
    }

    // 3b. Re-list every directory the roster manages: a duplicate, however it arose (another operator,
    // a run on another machine, a journal that was lost), ends as a conflict — never as "complete".
    // A listing counts only once it shows every WorkSpace this run knows exists (eventual consistency:
    // one that lags may also hide a duplicate); it is repeated over the consistency window until it does.
    try {
      const rosteredDirectories = [...new Set(plan.actions.flatMap((a) => (a.kind === 'terminate' ? [] : [a.entry.directoryId])))];
      const known = new Set(outcomes.filter((o) => o.action !== 'terminate' && o.outcome !== 'failed').flatMap((o) => (o.workspaceId ?? '').split(',').filter(Boolean)));
      const liveByUser = new Map<string, ObservedWorkspace[]>();
      for (let listing = 1; ; listing++) {
        liveByUser.clear();
        const seen = new Set<string>();
        for (const d of rosteredDirectories) {
          for (const w of liveOf(await gateway.listDirectory(d))) {
            seen.add(w.workspaceId);
            const k = userKey(w.directoryId, w.userName);
            liveByUser.set(k, [...(liveByUser.get(k) ?? []), w]);
          }
        }
        const lagging = [...known].filter((id) => !seen.has(id));
        if (lagging.length === 0) break;
        if (listing >= Math.max(1, consistency.checks)) {
          notices.push(
            `the listing after the run still does not show ${lagging.length} WorkSpace(s) this run knows exist (${lagging.slice(0, 5).join(', ')}${lagging.length > 5 ? ', …' : ''}), so it cannot confirm that nobody has two; run \`roster plan\` in a few minutes to check` +
              ` / 実行後の一覧にまだ表示されない WorkSpace があり、二重作成がないことを確認できませんでした。数分後に roster plan で確認してください`,
          );
          break;
        }
        await sleep(checkSpacing, signal);
      }
      for (const o of outcomes) {
        if (o.action === 'terminate') continue;
        const mine = liveByUser.get(userKey(o.directoryId, o.userName)) ?? [];
        if (mine.length > 1 && o.outcome !== 'conflict') {
          const ids = mine.map((w) => w.workspaceId);
          options.onProgress?.({ done, total, message: `conflict ${o.userName}: found ${ids.length} WorkSpaces after the run` });
          Object.assign(o, { outcome: 'conflict', workspaceId: ids.join(','), detail: `${duplicateAdvice(ids)} (found when the directory was listed again after the run)` });
        }
      }
    } catch (err) {
      if (classifyCallError(err) === 'aborted') throw err;
      notices.push(
        `could not list the directories again after the run to confirm no user has two WorkSpaces (${(err as Error).name}: ${(err as Error).message}); run \`roster plan\` to check` +
          ` / 実行後の再確認（利用者ごとに WorkSpace が 1 台であること）ができませんでした。roster plan で確認してください`,
      );
    }

    // 4. Terminations (only when confirmed), never of a rostered user.
    const leavers = plan.actions.flatMap((a) => (a.kind === 'terminate' ? [a] : []));
    for (const a of leavers) {
      if (rosterKeys.has(userKey(a.workspace.directoryId, a.workspace.userName))) {
        throw new Error(`internal error: refusing to terminate ${a.workspace.workspaceId} of rostered user ${a.workspace.userName}`);
      }
    }
    for (let i = 0; i < leavers.length; i += 25) {
      const chunk = leavers.slice(i, i + 25);
      const report = (a: (typeof chunk)[number], outcome: UserOutcome['outcome'], detail?: string) => {
        outcomes.push({ userName: a.workspace.userName, directoryId: a.directoryId, tier: a.tier, action: 'terminate', outcome, workspaceId: a.workspace.workspaceId, state: a.workspace.state, attempts: outcome === 'not-terminated' ? 0 : 1, detail });
        progress(`${outcome} ${a.workspace.userName} ${a.workspace.workspaceId}`);
      };
      if (!options.terminate) {
        for (const a of chunk) report(a, 'not-terminated', 'not on the roster; pass --terminate to remove');
        continue;
      }
      try {
        const failed = new Map((await gateway.terminate(chunk.map((a) => a.workspace.workspaceId))).map((f) => [f.workspaceId, f]));
        for (const a of chunk) {
          const f = failed.get(a.workspace.workspaceId);
          report(a, f ? 'failed' : 'terminated', f ? `${f.code}: ${f.message}` : undefined);
        }
      } catch (err) {
        if (classifyCallError(err) === 'aborted') throw err;
        for (const a of chunk) report(a, 'failed', (err as Error).message);
      }
    }
  } catch (err) {
    if (classifyCallError(err) === 'aborted') throw err;
    // The API kept failing after the SDK's retries (or something unexpected broke): stop, and report
    // every user not yet settled. Accepted-but-unconfirmed and in-doubt users stay in the journal.
    const reason = `run stopped: ${(err as Error).name}: ${(err as Error).message}; apply again (the journal prevents duplicates)`;
    for (const run of runs.values()) {
      if (run.outcome) continue;
      const inFlight = run.workspaceId !== undefined || journal.state().uncertainSince.has(run.key);
      finish(run, { action: 'create', outcome: inFlight ? 'unconfirmed' : 'failed', workspaceId: run.workspaceId, detail: reason });
    }
    const reported = new Set(outcomes.map((o) => `${o.action}/${o.workspaceId ?? ''}/${userKey(o.directoryId, o.userName)}`));
    for (const a of plan.actions) {
      if (a.kind === 'modify' && !reported.has(`modify/${a.workspace.workspaceId}/${userKey(a.entry.directoryId, a.entry.userName)}`)) {
        outcomes.push({ userName: a.entry.userName, directoryId: a.entry.directoryId, tier: a.entry.tier, action: 'modify', outcome: 'failed', workspaceId: a.workspace.workspaceId, attempts: 0, detail: reason });
      }
    }
  }

  const inDoubt = new Set<string>([...outcomes.filter((o) => o.outcome === 'unconfirmed').map((o) => userKey(o.directoryId, o.userName))]);
  journal.compact(inDoubt);
  return summarise(outcomes, started, calls, notices);
}
