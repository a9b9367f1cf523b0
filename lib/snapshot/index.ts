/**
 * The live-account reader: a snapshot folder (aws_configs/[<account>/]<region>/*.json, raw AWS CLI
 * outputs) → the same network model the template reader builds → the same engine (lib/checks).
 * Pure TypeScript: no aws-cdk-lib, no AWS SDK (the collector lives in lib/snapshot/collect).
 */
import { verifyModel, type VerifyOptions, type VerifyResult } from '../checks';
import type { NetworkModel } from '../model/facts/types';
import type { TierPolicy } from '../policy/schema';
import { buildSnapshotModel } from './build-model';
import { LISTINGS } from './catalogue';
import { MissingSnapshotFilesError } from './errors';
import { readSnapshot, type RegionSnapshot } from './read-snapshot';
import { missingFiles } from './required-files';

export { LISTINGS, PER_ID, commandLine } from './catalogue';
export { MissingSnapshotFilesError, type MissingFile } from './errors';
export type { RegionSnapshot, Snapshot } from './read-snapshot';

export interface LoadedSnapshot {
  model: NetworkModel;
  /** One source per account/Region folder, for reports and SARIF locations. */
  sources: Array<{ stack: string; file: string }>;
  regions: RegionSnapshot[];
}

/** Reads and checks a snapshot folder; throws InputError (exit 2) for anything unusable or missing. */
export function loadSnapshot(dir: string): LoadedSnapshot {
  const snapshot = readSnapshot(dir);
  const missing = missingFiles(snapshot.root, snapshot.regions);
  if (missing.length > 0) throw new MissingSnapshotFilesError(snapshot.root, missing);
  const model = buildSnapshotModel(snapshot.regions);
  for (const r of snapshot.regions) {
    for (const spec of LISTINGS) {
      if (spec.optional && !r.listings.has(spec.kind) && spec.kind !== 'SecurityGroupRules') model.coverage.push(`${r.folder}: no ${spec.key} output (${spec.command}): ${spec.optional}.`);
    }
  }
  return { model, sources: snapshot.regions.map((r) => ({ stack: r.folder, file: r.dir })), regions: snapshot.regions };
}

/** `verify --snapshot DIR`: the engine over the live account. */
export function verifySnapshot(dir: string, policy: TierPolicy, options: VerifyOptions = {}): VerifyResult {
  const started = performance.now();
  const { model, sources } = loadSnapshot(dir);
  return verifyModel(model, sources, policy, options, started);
}
