/**
 * The live-account reader: a snapshot folder (aws_configs/[<account>/]<region>/*.json, raw AWS CLI
 * outputs) → the same network model the template reader builds → the same engine (lib/checks).
 * Pure TypeScript: no aws-cdk-lib, no AWS SDK (the collector lives in lib/snapshot/collect).
 */
import { verify, verifyModel, type VerifyOptions, type VerifyResult } from '../checks';
import { loadPaths } from '../model/load';
import type { NetworkModel } from '../model/facts/types';
import type { TierPolicy } from '../policy/schema';
import { buildSnapshotModel } from './build-model';
import { LISTINGS } from './catalogue';
import { MissingSnapshotFilesError } from './errors';
import { readSnapshot, type RegionSnapshot } from './read-snapshot';
import { missingFiles } from './required-files';
import { compareDrift, type Drift } from './drift/compare-drift';
import { snapshotNamer, templateNamer } from './drift/drift-elements';
import type { OptionalListing } from '../model/coverage-note';

export { LISTINGS, PER_ID, commandLine } from './catalogue';
export { MissingSnapshotFilesError, type MissingFile } from './errors';
export type { RegionSnapshot, Snapshot } from './read-snapshot';

export interface LoadedSnapshot {
  model: NetworkModel;
  /** One source per account/Region folder, for reports and SARIF locations. */
  sources: Array<{ stack: string; file: string }>;
  regions: RegionSnapshot[];
  /** Model key → where the resource came from (CloudFormation tags, or the resource AWS created it with). */
  origins: Map<string, { stack: string; logicalId: string } | { ownedBy: string; what: string }>;
}

/** Reads and checks a snapshot folder; throws InputError (exit 2) for anything unusable or missing. */
export function loadSnapshot(dir: string): LoadedSnapshot {
  const snapshot = readSnapshot(dir);
  const missing = missingFiles(snapshot.root, snapshot.regions);
  if (missing.length > 0) throw new MissingSnapshotFilesError(snapshot.root, missing);
  const { model, origins } = buildSnapshotModel(snapshot.regions);
  for (const r of snapshot.regions) {
    for (const spec of LISTINGS) {
      if (spec.optional && !r.listings.has(spec.kind) && spec.kind !== 'SecurityGroupRules') model.coverage.push({ key: 'snapshot-output-missing', folder: r.folder, output: spec.kind as OptionalListing, command: spec.command });
    }
  }
  return { model, sources: snapshot.regions.map((r) => ({ stack: r.folder, file: r.dir })), regions: snapshot.regions, origins };
}

/** `verify --snapshot DIR`: the engine over the live account. */
export function verifySnapshot(dir: string, policy: TierPolicy, options: VerifyOptions = {}): VerifyResult {
  const started = performance.now();
  const { model, sources } = loadSnapshot(dir);
  return verifyModel(model, sources, policy, options, started);
}

/**
 * `verify --snapshot DIR --against PATH…`: the account's verdict, plus its drift from the templates (each
 * difference a finding, with its effect on tier separation). The templates are judged by the same engine.
 */
export function verifySnapshotAgainst(dir: string, templatePaths: readonly string[], policy: TierPolicy, options: VerifyOptions = {}): VerifyResult & { drift: Drift } {
  const started = performance.now();
  const snap = loadSnapshot(dir);
  const templates = verify(loadPaths(templatePaths), policy, options);
  const account = verifyModel(snap.model, snap.sources, policy, options);
  const drift = compareDrift({ templates, account, templateNames: templateNamer(), accountNames: snapshotNamer(snap.origins) });
  const findings = [...account.findings, ...drift.findings];
  findings.sort((a, b) => (a.severity === b.severity ? a.rule.localeCompare(b.rule) : a.severity === 'error' ? -1 : 1));
  const coverage = [
    ...account.coverage,
    `Drift compared against ${templates.sources.length} template(s): ${drift.added.length} element(s) only in the account, ${drift.missing.length} only in the templates. Network interfaces, WorkSpaces / Directory Service registrations and load balancers are not itemised (the verdict still judges them).`,
  ];
  return { ...account, findings, coverage, drift, stats: { ...account.stats, milliseconds: performance.now() - started } };
}
