/**
 * Shared set-up for apply tests: a local WorkSpaces server, the roster tool's real SDK clients pointed at
 * it with millisecond delays, and the invariants every run must keep.
 */
import * as path from 'path';
import { createWorkSpacesClients } from '../../../lib/roster/aws/workspaces-clients';
import { WorkSpacesGateway } from '../../../lib/roster/aws/workspaces-gateway';
import { ApplyJournal } from '../../../lib/roster/apply/apply-journal';
import { ApplyOptions, applyPlan } from '../../../lib/roster/apply/apply-plan';
import { ApplyReport } from '../../../lib/roster/apply/apply-report';
import { planRoster } from '../../../lib/roster/plan/plan-roster';
import { RosterEntry, userKey } from '../../../lib/roster/roster-entry';
import { FastRetryStrategy, RunningServer } from '../../support/workspaces-api';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('roster-harness-');

export const LGWAN_DIR = 'd-1111111111';
export const INTERNET_DIR = 'd-2222222222';
export const BUNDLE = 'wsb-stand0001';

export function entry(userName: string, tier: 'lgwan' | 'internet' = 'lgwan', line = 2): RosterEntry {
  return { line, userName, tier, directoryId: tier === 'lgwan' ? LGWAN_DIR : INTERNET_DIR, bundleId: BUNDLE, runningMode: 'AUTO_STOP' };
}

export function tempJournal(): string {
  return path.join(tmp.dir('roster-journal-'), 'apply.journal.jsonl');
}

export interface RunResult {
  report?: ApplyReport;
  error?: Error;
}

/** One `roster apply` as a separate process would do it: fresh clients, journal re-opened from disk. */
export async function runApply(api: RunningServer, entries: RosterEntry[], journalPath: string, extra: Partial<ApplyOptions> & { signal?: AbortSignal } = {}): Promise<RunResult> {
  const clients = createWorkSpacesClients({
    endpointUrl: api.endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    retryStrategy: new FastRetryStrategy(8, 1),
    requestTimeoutMs: 300,
  });
  const gateway = new WorkSpacesGateway(clients, { apiPerSecond: 20000, createPerSecond: 2000 }, extra.signal);
  const journal = ApplyJournal.open(journalPath);
  try {
    const plan = await planRoster(gateway, entries, { lgwan: LGWAN_DIR, internet: INTERNET_DIR }, {}, extra.now);
    const report = await applyPlan(plan, {
      gateway,
      journal,
      consistency: { checks: 5, windowMs: 10 },
      backoff: { baseMs: 1, capMs: 8 },
      waitTimeoutMs: 5000,
      pollIntervalMs: 3,
      ...extra,
    });
    return { report };
  } catch (error) {
    return { error: error as Error };
  } finally {
    journal.close();
    clients.destroy();
  }
}

/**
 * A clock for runs whose outcome depends on how old a reading is: it moves one millisecond each time it is
 * read, never with the wall clock, so a loaded machine cannot make a listing older than the run made it.
 */
export function steppingClock(start = 1_700_000_000_000): () => number {
  let t = start;
  return () => t++;
}

/** The invariants: exactly one live WorkSpace per roster user, no duplicates anywhere, no rostered user's WorkSpace terminated. */
export function invariantViolations(api: RunningServer, entries: RosterEntry[], requireComplete: boolean): string[] {
  const problems: string[] = [];
  const byUser = api.state.liveByUser();
  for (const [key, list] of byUser) if (list.length > 1) problems.push(`duplicate: ${key} has ${list.length}`);
  const rostered = new Set(entries.map((e) => userKey(e.directoryId, e.userName)));
  for (const ws of api.state.workspaces) {
    if (ws.terminatedAt !== undefined && rostered.has(userKey(ws.DirectoryId, ws.UserName))) {
      problems.push(`terminated rostered user's WorkSpace ${ws.WorkspaceId} (${ws.UserName})`);
    }
  }
  if (requireComplete) {
    for (const e of entries) {
      const n = byUser.get(userKey(e.directoryId, e.userName))?.length ?? 0;
      if (n !== 1) problems.push(`${e.userName} has ${n} WorkSpaces`);
    }
  }
  return problems;
}
