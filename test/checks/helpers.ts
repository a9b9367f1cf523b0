/** Test helpers: verify a city (optionally mutated) and list the rule ids found. */
import { verify, type VerifyResult } from '../../lib/checks';
import type { CfnTemplate, LoadedTemplate } from '../../lib/model/load/template';
import { parsePolicy } from '../../lib/policy/load';
import type { TierPolicy } from '../../lib/policy/schema';
import { asLoaded, buildCity, clone, type CityOptions } from '../fixtures/city';
import * as fs from 'fs';
import * as path from 'path';

export const AS_OF = '2026-11-21';
export const DEFAULT_POLICY: TierPolicy = parsePolicy(fs.readFileSync(path.join(__dirname, '../../policies/tier-policy.yaml'), 'utf8'), 'tier-policy.yaml');

export function policyWith(patch: Partial<TierPolicy>): TierPolicy {
  return { ...clone(DEFAULT_POLICY), ...patch };
}

export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; Condition?: string; Metadata?: Record<string, unknown> }>;

/** A good city, mutated by `mutate`, verified. */
export function run(mutate?: (r: Resources, t: CfnTemplate) => void, opts: { city?: CityOptions; policy?: TierPolicy } = {}): VerifyResult {
  const t = buildCity(opts.city);
  mutate?.(t.Resources as Resources, t);
  return verify([asLoaded('City', t)], opts.policy ?? DEFAULT_POLICY, { asOf: AS_OF });
}

export function runTemplates(ts: LoadedTemplate[], policy: TierPolicy = DEFAULT_POLICY): VerifyResult {
  return verify(ts, policy, { asOf: AS_OF });
}

/** The distinct rule ids of a result, sorted. */
export function rules(r: VerifyResult): string[] {
  return [...new Set(r.findings.map((f) => f.rule))].sort();
}

export const ref = (id: string): { Ref: string } => ({ Ref: id });
