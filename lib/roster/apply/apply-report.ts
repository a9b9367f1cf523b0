/**
 * What `roster apply` did, per user, as a table and as JSON, and the exit code it implies:
 *   0  everything in the roster is in place (or nothing needed doing)
 *   1  partial: some changes succeeded, others failed, are unconfirmed, or need a person (conflicts)
 *   2  invalid input, or a failure before anything was applied (set by the command, not here)
 *   3  total failure: changes were needed and none succeeded
 */
import { Tier } from '../../tiers/tier';
import { renderTable } from '../text-table';

export type Outcome = 'created' | 'kept' | 'modified' | 'terminated' | 'failed' | 'unconfirmed' | 'conflict' | 'not-terminated';

export interface UserOutcome {
  userName: string;
  directoryId: string;
  tier?: Tier;
  action: 'create' | 'keep' | 'modify' | 'terminate' | 'conflict';
  outcome: Outcome;
  workspaceId?: string;
  state?: string;
  attempts: number;
  detail?: string;
}

export interface ApplyReport {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  outcomes: UserOutcome[];
  counts: Record<Outcome, number>;
  calls: { create: number };
  exitCode: 0 | 1 | 3;
}

const FAILURES: Outcome[] = ['failed', 'unconfirmed', 'conflict'];

export function summarise(outcomes: UserOutcome[], startedAt: number, calls: { create: number }): ApplyReport {
  const counts = { created: 0, kept: 0, modified: 0, terminated: 0, failed: 0, unconfirmed: 0, conflict: 0, 'not-terminated': 0 } as Record<Outcome, number>;
  for (const o of outcomes) counts[o.outcome]++;
  const failures = FAILURES.reduce((n, k) => n + counts[k], 0);
  const changed = counts.created + counts.modified + counts.terminated;
  const attempted = outcomes.filter((o) => o.action !== 'keep' && o.action !== 'conflict' && o.outcome !== 'not-terminated').length;
  let exitCode: 0 | 1 | 3 = 0;
  if (failures > 0) exitCode = changed === 0 && attempted > 0 && counts.conflict === 0 ? 3 : 1;
  const finished = Date.now();
  return {
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs: finished - startedAt,
    outcomes,
    counts,
    calls,
    exitCode,
  };
}

export function renderReport(report: ApplyReport): string {
  const rows = report.outcomes.map((o) => [o.outcome, o.action, o.userName, o.tier ?? '', o.directoryId, o.workspaceId ?? '', o.state ?? '', String(o.attempts), o.detail ?? '']);
  const c = report.counts;
  const verdict = report.exitCode === 0 ? 'complete (完了)' : report.exitCode === 1 ? 'PARTIAL (一部失敗)' : 'FAILED (失敗)';
  return (
    renderTable(['outcome', 'action', 'user', 'tier', 'directory', 'workspace', 'state', 'tries', 'detail'], rows) +
    `\n${verdict}: ${c.created} created, ${c.kept} kept, ${c.modified} modified, ${c.terminated} terminated, ` +
    `${c.failed} failed, ${c.unconfirmed} unconfirmed, ${c.conflict} conflict(s), ${c['not-terminated']} not terminated (no --terminate) ` +
    `in ${(report.durationMs / 1000).toFixed(1)} s\n`
  );
}
