/**
 * Which Network Access Analyzer scopes the environment deploys — pure data (no aws-cdk-lib), so the plan is
 * testable and docs can list it. One scope per ORDERED pair of tiers (reachability is directional: SGs and
 * NACLs may admit A→B but not B→A), and one per closed tier towards internet gateways.
 *
 * A scope with findings after deployment means a path exists that the design says cannot: the post-deploy
 * check (docs/telework.md) fails on any finding.
 */
import { CLOSED_TIERS, TIERS, type Tier } from '../tiers/tier';

export type ScopeTarget =
  | { kind: 'tier'; tier: Tier }
  | { kind: 'internet-gateway' };

export interface AccessScopeSpec {
  /** Stable name, used in the construct id and the `mic:scope` tag the post-deploy check selects on. */
  name: string;
  from: Tier;
  to: ScopeTarget;
  description: string;
}

export function accessScopePlan(tiers: readonly Tier[] = TIERS): AccessScopeSpec[] {
  const scopes: AccessScopeSpec[] = [];
  for (const from of tiers) {
    for (const to of tiers) {
      if (from === to) continue;
      scopes.push({
        name: `${from}-to-${to}`,
        from,
        to: { kind: 'tier', tier: to },
        description: `Any path from the ${from} tier to the ${to} tier (its VPC, on-prem segments or telework clients) is a three-tier separation breach`,
      });
    }
  }
  for (const from of tiers.filter((t) => CLOSED_TIERS.includes(t))) {
    scopes.push({
      name: `${from}-to-internet-gateway`,
      from,
      to: { kind: 'internet-gateway' },
      description: `Any path from the closed ${from} tier to an internet gateway breaks its isolation from the internet`,
    });
  }
  return scopes;
}
