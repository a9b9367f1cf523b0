/**
 * The tier-separation engine's public API: `verify(templates, policy)`.
 * Builds the network model once, computes reachability once, runs every rule over them.
 * Used by the `verify` command, the cdk-nag pack, the reviewer's report and `expectTierSeparation`.
 */
import type { CoverageItem } from '../model/coverage-note';
import { buildModel } from '../model/facts';
import type { NetworkModel } from '../model/facts/types';
import { loadPaths, type LoadResult, type LoadedTemplate } from '../model/load';
import { analyseReachability, type Flow, type ClassReach } from '../model/reachability';
import { loadPolicy, today } from '../policy/load';
import type { TierPolicy } from '../policy/schema';
import type { Finding } from './finding';
import { RULES } from './rules';
import { listOpeningRoutes } from './opening-routes';

export type { Finding, Hop, Endpoint, Layer, ResourceRef, Severity } from './finding';
export type { ClassReach, Flow, EndpointClass } from '../model/reachability';
export { ENDPOINT_CLASSES } from '../model/reachability';
export { RULES } from './rules';
export { CITATIONS, GUIDELINE_EDITION, citationText, isCitationKey, type Citation, type CitationKey } from './citations';
export type { TierPolicy } from '../policy/schema';
export { loadPolicy, parsePolicy, DEFAULT_POLICY_FILE } from '../policy/load';
export { loadPaths, InputError, type LoadedTemplate, type LoadResult } from '../model/load';

export interface VerifyOptions {
  /** The date expiry is judged against (YYYY-MM-DD); today (UTC) by default. */
  asOf?: string;
}

export interface VerifyResult {
  /** Every finding, errors first, then by rule id. */
  findings: Finding[];
  /** The network model (facts) the findings were computed from. */
  model: NetworkModel;
  /** For every ordered pair of endpoint classes: reachable?, a witness path, and the layers that block. */
  matrix: ClassReach[];
  /** Cross-class flows (one witness per source network → destination network). */
  flows: Flow[];
  /** Paths that exist only for an active sanctioned channel of the policy (reported, not findings). */
  sanctionedFlows: Flow[];
  /** What the model does not cover, in plain words. */
  coverage: CoverageItem[];
  /** The templates read: stack name → file (for SARIF locations and reports). */
  sources: Array<{ stack: string; file: string }>;
  /** Timing and size, for reports and benchmarks. */
  stats: { templates: number; resources: number; milliseconds: number };
}

/** Runs the engine over templates already loaded (or a LoadResult, which also reports missing nested stacks). */
export function verify(input: readonly LoadedTemplate[] | LoadResult, policy: TierPolicy, options: VerifyOptions = {}): VerifyResult {
  const started = performance.now();
  const load: LoadResult = Array.isArray(input) ? { templates: [...input], missingNested: [] } : (input as LoadResult);
  const { model } = buildModel(load.templates, load.missingNested);
  return verifyModel(model, load.templates.map((t) => ({ stack: t.stack, file: t.file })), policy, options, started);
}

/**
 * Runs reachability and every rule over a model built by any reader: the template loader above, or the
 * live-account snapshot reader (lib/snapshot), so both give the same findings, matrix and reports.
 * `trace` records the order flows were found in (only `verify`'s side-by-side parts, lib/cli/verify-parts).
 */
export function verifyModel(model: NetworkModel, sources: VerifyResult['sources'], policy: TierPolicy, options: VerifyOptions = {}, started = performance.now(), trace?: Parameters<typeof analyseReachability>[3]): VerifyResult {
  const asOf = options.asOf ?? today();
  const reachability = analyseReachability(model, policy, asOf, trace);
  const ctx = { model, reachability, policy, asOf };
  const findings = RULES.flatMap((r) => r.check(ctx));
  listOpeningRoutes(findings, model);
  findings.sort((a, b) => (a.severity === b.severity ? a.rule.localeCompare(b.rule) : a.severity === 'error' ? -1 : 1));
  return {
    findings,
    model,
    matrix: reachability.matrix,
    flows: reachability.flows,
    sanctionedFlows: reachability.sanctioned,
    coverage: model.coverage,
    sources,
    stats: { templates: sources.length, resources: model.resourceCount, milliseconds: performance.now() - started },
  };
}

/** Convenience: load paths (templates or cloud assemblies) and a policy file (default policy if omitted), then verify. */
export function verifyPaths(paths: readonly string[], policyFile?: string, options: VerifyOptions = {}): VerifyResult {
  const policy = loadPolicy(policyFile);
  return verify(loadPaths(paths), policy, options);
}
