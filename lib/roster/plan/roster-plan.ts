/**
 * The difference between a roster and the WorkSpaces that exist: what `plan` prints and `apply` does.
 * Pure: computed from the validated roster and what Describe returned, no API calls.
 */
import { TIER_TAG_KEY, Tier } from '../../tiers/tier';
import { GONE_STATES, ObservedWorkspace, uniqueById } from '../aws/observed-workspace';
import { RosterEntry, userKey } from '../roster-entry';
import { RUNNING_MODE_TAG_KEY } from '../running-mode-declaration';
import { duplicateAdvice } from './duplicate-advice';

export interface Change {
  field: 'runningMode' | 'tierTag' | 'modeTag' | 'bundle';
  from: string;
  to: string;
  /** False for changes `apply` does not make (a bundle change needs a migration or rebuild). */
  applied: boolean;
}

export type PlanAction =
  | { kind: 'create'; entry: RosterEntry }
  | { kind: 'keep'; entry: RosterEntry; workspace: ObservedWorkspace }
  | { kind: 'modify'; entry: RosterEntry; workspace: ObservedWorkspace; changes: Change[] }
  | { kind: 'terminate'; directoryId: string; tier?: Tier; workspace: ObservedWorkspace }
  | { kind: 'conflict'; entry: RosterEntry; workspaces: ObservedWorkspace[]; reason: string };

/** A directory given on the command line whose tier no roster line mentions: left alone, and said so. */
export interface UnmentionedDirectory {
  directoryId: string;
  tier: Tier;
  /** Live WorkSpaces in it: what an emptying plan would have terminated. */
  workspaces: number;
}

export interface RosterPlan {
  actions: PlanAction[];
  /** Directories the roster manages (terminations are considered only there). */
  directories: string[];
  /** Directories given with --directory that no roster line is in: never emptied without --empty-tier. */
  unmentioned: UnmentionedDirectory[];
  /** When the listing the plan was computed from began (ms since the epoch), if it came from the API. */
  observedAt?: number;
}

export interface PlanOptions {
  /**
   * Tiers the roster deliberately leaves empty (`--empty-tier`): their directories are managed even though
   * no roster line is in them, so every WorkSpace there is planned for termination.
   */
  emptyTiers?: ReadonlySet<Tier>;
}

export function countByKind(plan: RosterPlan): Record<PlanAction['kind'], number> {
  const counts = { create: 0, keep: 0, modify: 0, terminate: 0, conflict: 0 };
  for (const a of plan.actions) counts[a.kind]++;
  return counts;
}

/**
 * @param existing every WorkSpace of every managed directory, as listed; tags filled where read.
 * @param directoryTiers the tier of each managed directory (from the roster and the options).
 */
export function computePlan(entries: RosterEntry[], existing: ObservedWorkspace[], directoryTiers: Map<string, Tier>, options: PlanOptions = {}): RosterPlan {
  const live = uniqueById(existing.filter((w) => !GONE_STATES.has(w.state)), (w) => w.workspaceId);
  const byUser = new Map<string, ObservedWorkspace[]>();
  for (const w of live) {
    const k = userKey(w.directoryId, w.userName);
    byUser.set(k, [...(byUser.get(k) ?? []), w]);
  }
  const actions: PlanAction[] = [];
  const rostered = new Set<string>();
  for (const entry of entries) {
    const k = userKey(entry.directoryId, entry.userName);
    rostered.add(k);
    const mine = byUser.get(k) ?? [];
    if (mine.length === 0) {
      actions.push({ kind: 'create', entry });
      continue;
    }
    if (mine.length > 1) {
      actions.push({
        kind: 'conflict',
        entry,
        workspaces: mine,
        reason: duplicateAdvice(mine.map((w) => w.workspaceId)),
      });
      continue;
    }
    const ws = mine[0];
    if (ws.state === 'ERROR') {
      actions.push({ kind: 'conflict', entry, workspaces: mine, reason: `WorkSpace ${ws.workspaceId} is in ERROR (${ws.errorCode ?? 'no code'}); terminate it, then apply again` });
      continue;
    }
    const changes: Change[] = [];
    if (ws.runningMode !== undefined && ws.runningMode !== entry.runningMode) {
      changes.push({ field: 'runningMode', from: ws.runningMode, to: entry.runningMode, applied: true });
    }
    const tag = ws.tags?.[TIER_TAG_KEY];
    if (ws.tags !== undefined && tag !== entry.tier) {
      changes.push({ field: 'tierTag', from: tag ?? '(none)', to: entry.tier, applied: true });
    }
    // The roster's running mode, recorded on the desktop (running-mode-declaration.ts): what lets
    // `audit` accept a 常時稼働 desktop the roster asked for.
    const modeTag = ws.tags?.[RUNNING_MODE_TAG_KEY];
    if (ws.tags !== undefined && modeTag !== entry.runningMode) {
      changes.push({ field: 'modeTag', from: modeTag ?? '(none)', to: entry.runningMode, applied: true });
    }
    if (ws.bundleId !== entry.bundleId) {
      changes.push({ field: 'bundle', from: ws.bundleId, to: entry.bundleId, applied: false });
    }
    actions.push(changes.length ? { kind: 'modify', entry, workspace: ws, changes } : { kind: 'keep', entry, workspace: ws });
  }
  // A directory is managed for terminations only when the roster has someone in it, or when its tier is
  // deliberately declared empty. A roster for one tier run with both --directory options must never plan
  // to empty the other tier's directory.
  const withEntries = new Set(entries.map((e) => e.directoryId));
  const managed = new Set([...directoryTiers].filter(([id, tier]) => withEntries.has(id) || options.emptyTiers?.has(tier)).map(([id]) => id));
  const unmentioned: UnmentionedDirectory[] = [...directoryTiers]
    .filter(([id]) => !managed.has(id))
    .map(([directoryId, tier]) => ({ directoryId, tier, workspaces: live.filter((w) => w.directoryId === directoryId).length }));
  for (const w of live) {
    if (!managed.has(w.directoryId)) continue;
    if (!rostered.has(userKey(w.directoryId, w.userName))) {
      actions.push({ kind: 'terminate', directoryId: w.directoryId, tier: directoryTiers.get(w.directoryId), workspace: w });
    }
  }
  return { actions, directories: [...managed], unmentioned };
}
