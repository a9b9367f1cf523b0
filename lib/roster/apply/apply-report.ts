/**
 * What `roster apply` did, per user, as a table and as JSON, and the exit code it implies (the table in
 * docs/roster.md):
 *   0  everything on the roster is in place, and a listing after the run found no duplicate
 *   1  partial or needs a person: some changes failed, desktops were accepted but are not AVAILABLE yet
 *      (unconfirmed), conflicts (two WorkSpaces, ERROR), a bundle change, a notice (e.g. the listing
 *      after the run could not be made)
 *   2  invalid input, or a failure before anything was applied (set by the command, not here)
 *   3  total failure: changes were needed, every one failed and nothing is in flight
 *  130  interrupted (set by the command)
 */
import { Tier } from '../../tiers/tier';
import { renderTable } from '../text-table';

export type Outcome = 'created' | 'kept' | 'modified' | 'terminated' | 'failed' | 'unconfirmed' | 'conflict' | 'needs-person' | 'not-terminated';

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
  /** Things a person must know that belong to no single user. */
  notices: string[];
  exitCode: 0 | 1 | 3;
}

/** Outcomes a person has to follow up: any of them makes the run at least partial. */
const NEEDS_FOLLOW_UP: Outcome[] = ['failed', 'unconfirmed', 'conflict', 'needs-person'];

export function exitCodeFor(counts: Record<Outcome, number>, notices: string[]): 0 | 1 | 3 {
  const followUps = NEEDS_FOLLOW_UP.reduce((n, k) => n + counts[k], 0) + notices.length;
  if (followUps === 0) return 0;
  const succeeded = counts.created + counts.modified + counts.terminated;
  // Total failure only when every change failed outright: an unconfirmed desktop exists, a conflict or a
  // bundle change is a person's decision — none of those is "nothing happened".
  const onlyFailures = counts.failed > 0 && succeeded === 0 && counts.unconfirmed === 0 && counts.conflict === 0 && counts['needs-person'] === 0;
  return onlyFailures ? 3 : 1;
}

export function summarise(outcomes: UserOutcome[], startedAt: number, calls: { create: number }, notices: string[] = []): ApplyReport {
  const counts = { created: 0, kept: 0, modified: 0, terminated: 0, failed: 0, unconfirmed: 0, conflict: 0, 'needs-person': 0, 'not-terminated': 0 } as Record<Outcome, number>;
  for (const o of outcomes) counts[o.outcome]++;
  const finished = Date.now();
  return {
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs: finished - startedAt,
    outcomes,
    counts,
    calls,
    notices,
    exitCode: exitCodeFor(counts, notices),
  };
}

export function renderReport(report: ApplyReport): string {
  const rows = report.outcomes.map((o) => [o.outcome, o.action, o.userName, o.tier ?? '', o.directoryId, o.workspaceId ?? '', o.state ?? '', String(o.attempts), o.detail ?? '']);
  const c = report.counts;
  const verdict = report.exitCode === 0 ? 'complete (完了)' : report.exitCode === 1 ? 'PARTIAL — a person must follow up (一部失敗・要対応)' : 'FAILED (失敗)';
  const notices = report.notices.map((n) => `notice (注意): ${n}\n`).join('');
  return (
    renderTable(['outcome', 'action', 'user', 'tier', 'directory', 'workspace', 'state', 'tries', 'detail'], rows) +
    notices +
    `\n${verdict}: ${c.created} created, ${c.kept} kept, ${c.modified} modified, ${c.terminated} terminated, ` +
    `${c.failed} failed, ${c.unconfirmed} unconfirmed (accepted, not yet AVAILABLE), ${c.conflict} conflict(s), ${c['needs-person']} need a person, ${c['not-terminated']} not terminated (no --terminate) ` +
    `in ${(report.durationMs / 1000).toFixed(1)} s\n`
  );
}
