/**
 * Reads the account and computes the plan for a validated roster: the one entry point `plan` and
 * `apply` share, so what `apply` does is exactly what `plan` showed for the same state.
 */
import type { Tier } from '../../tiers/tier';
import { WorkSpacesGateway } from '../aws/workspaces-gateway';
import { RosterEntry } from '../roster-entry';
import { observeWorkspaces } from './observe-workspaces';
import { PlanOptions, RosterPlan, computePlan } from './roster-plan';

export function directoryTiers(entries: RosterEntry[], directories: Partial<Record<Tier, string>> = {}): Map<string, Tier> {
  const map = new Map<string, Tier>();
  for (const [tier, id] of Object.entries(directories) as Array<[Tier, string | undefined]>) if (id) map.set(id, tier);
  for (const e of entries) map.set(e.directoryId, e.tier);
  return map;
}

/** `now`: the clock that dates the plan's listing (`observedAt`); tests pass the same clock to applyPlan. */
export async function planRoster(gateway: WorkSpacesGateway, entries: RosterEntry[], directories: Partial<Record<Tier, string>> = {}, options: PlanOptions = {}, now: () => number = Date.now): Promise<RosterPlan> {
  const tiers = directoryTiers(entries, directories);
  const observedAt = now();
  const existing = await observeWorkspaces(gateway, entries, [...tiers.keys()]);
  return { ...computePlan(entries, existing, tiers, options), observedAt };
}
