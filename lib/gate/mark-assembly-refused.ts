/**
 * A refused synth still leaves its cloud assembly on disk (the templates are what a developer inspects),
 * and the CDK CLI can deploy from a directory without running the app (`cdk deploy --app cdk.out …`),
 * which would skip the gate. So the gate marks every stack of a refused assembly with an error annotation
 * (`aws:cdk:error` metadata, part of the cloud-assembly schema): the CLI refuses to synth, diff or deploy any
 * stack that carries one, whichever stack is selected. A fresh synth rewrites the manifests from scratch.
 *
 * Pure TypeScript (node:fs only): no aws-cdk-lib import.
 */
import * as fs from 'fs';
import * as path from 'path';

export const REFUSED_MARK =
  'REFUSED by the closed-telework synth gate: this cloud assembly failed the policy packs and must not be deployed ' +
  '(see validation-report.json and reports/synth-verdict.md). / 合成ゲートで中止（不適合）となったアセンブリです。デプロイできません。';

interface ManifestArtifact {
  type: string;
  displayName?: string;
  properties?: { directoryName?: string };
  metadata?: Record<string, Array<{ type: string; data?: unknown }>>;
}

/** Adds the refusal to every stack of the assembly in `dir` and its nested assemblies; returns the stacks marked. */
export function markAssemblyRefused(dir: string): string[] {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) return [];
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { artifacts?: Record<string, ManifestArtifact> };
  const marked: string[] = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack') {
      const key = `/${artifact.displayName ?? id}`;
      const metadata = (artifact.metadata ??= {});
      const entries = (metadata[key] ??= []);
      if (!entries.some((e) => e.type === 'aws:cdk:error' && e.data === REFUSED_MARK)) entries.push({ type: 'aws:cdk:error', data: REFUSED_MARK });
      marked.push(artifact.displayName ?? id);
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      marked.push(...markAssemblyRefused(path.join(dir, artifact.properties.directoryName)));
    }
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(manifest, null, 2));
  fs.renameSync(tmp, file);
  return marked;
}
