/**
 * The header of record: which municipality, account and region, which MIC model, which closed-telework
 * (version and git commit), which configuration files and templates (SHA-256 of their bytes, so an auditor
 * can check them with `sha256sum`), which command, and when. What cannot be found is recorded as unknown,
 * never guessed. Pure TypeScript (node only): no aws-cdk-lib import.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import type { LoadedTemplate } from '../../model/load/template';
import { MUNICIPALITY_TAG_KEY } from '../../tiers/municipality';
import { allResources, tagsOf } from './cfn';
import { packageVersion } from './invocation';
import type { Provenance, TemplateDigest } from './record';

export const MODEL_TAG_KEY = 'mic:model';

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') ? rel : file;
}

/** A configuration the app was built from: a file (hashed), or an embedded municipality (named, no file). */
export type ConfigurationRef = { file: string } | { embedded: string };

/**
 * The configuration inputs the CDK context names — the same keys bin/app.ts reads (`config`, `prefecture`,
 * `configDir`, `municipality`) — so the report records the files the app was built from.
 */
export function configurationRefs(getContext: (key: string) => unknown, cwd: string = process.cwd()): ConfigurationRef[] {
  const text = (k: string) => {
    const v = getContext(k);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const prefecture = text('prefecture');
  if (prefecture !== undefined) {
    const file = path.resolve(cwd, prefecture);
    const refs: ConfigurationRef[] = [{ file }];
    try {
      const doc = parseYaml(fs.readFileSync(file, 'utf8')) as { municipalities?: unknown };
      if (Array.isArray(doc?.municipalities)) for (const m of doc.municipalities) if (typeof m === 'string') refs.push({ file: path.resolve(path.dirname(file), m) });
    } catch {
      // the app has already refused an unreadable prefecture file; the digest below records the failure
    }
    return refs;
  }
  const dir = text('configDir');
  if (dir !== undefined) {
    const abs = path.resolve(cwd, dir);
    try {
      return fs.readdirSync(abs).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort().map((n) => ({ file: path.join(abs, n) }));
    } catch {
      return [{ file: abs }];
    }
  }
  const config = text('config');
  if (config !== undefined) return [{ file: path.resolve(cwd, config) }];
  const name = text('municipality');
  return name !== undefined ? [{ embedded: name }] : [];
}

/** The package's git commit (`<sha>` or `<sha>-dirty`) when it runs from a checkout; undefined otherwise. */
export function gitCommit(root: string): string | undefined {
  if (!fs.existsSync(path.join(root, '.git'))) return undefined;
  try {
    const out = execFileSync('git', ['-C', root, 'describe', '--always', '--dirty', '--abbrev=40'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Environments (`aws://account/region`) of the stacks whose templates are named, from the cloud assembly manifests beside them. */
export function environmentsFromManifests(templates: readonly LoadedTemplate[]): { account?: string; region?: string }[] {
  const found = new Map<string, { account?: string; region?: string }>();
  const manifests = new Map<string, unknown>();
  for (const t of templates) {
    const dir = path.dirname(t.file);
    if (!manifests.has(dir)) {
      try {
        manifests.set(dir, JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
      } catch {
        manifests.set(dir, undefined);
      }
    }
    const artifacts = (manifests.get(dir) as { artifacts?: Record<string, { environment?: string; properties?: { templateFile?: string } }> } | undefined)?.artifacts ?? {};
    for (const a of Object.values(artifacts)) {
      if (a.properties?.templateFile !== path.basename(t.file) || typeof a.environment !== 'string') continue;
      const m = /^aws:\/\/([^/]+)\/(.+)$/.exec(a.environment);
      if (!m) continue;
      const env = { ...(m[1] !== 'unknown-account' ? { account: m[1] } : {}), ...(m[2] !== 'unknown-region' ? { region: m[2] } : {}) };
      found.set(`${env.account ?? ''}/${env.region ?? ''}`, env);
    }
  }
  return [...found.values()];
}

export interface ProvenanceInput {
  templates: readonly LoadedTemplate[];
  /** The stacks' environments; read from the cloud assembly manifests beside the templates when not given. */
  environments?: { account?: string; region?: string }[];
  configurations?: readonly ConfigurationRef[];
  command: string;
  generatedAt: string;
  cwd?: string;
  /** The package root, for its version and commit (tests pass a fixed one). @default this package's root */
  packageRoot?: string;
}

/**
 * What the header of record takes from outside the templates: the stacks' environments, the configuration
 * files (with their SHA-256), this package's version and git commit, the command and the working directory
 * the paths are shown against. The synth pack keys a reused report on these (lib/nag/proof-reuse.ts), so they
 * are worked out here once, for the key and for the record alike.
 */
export interface ProvenanceFacts {
  environments: { account?: string; region?: string }[];
  configurations: TemplateDigest[];
  packageVersion?: string;
  gitCommit?: string;
  command: string;
  cwd: string;
}

export function provenanceFacts(input: Omit<ProvenanceInput, 'generatedAt'>): ProvenanceFacts {
  const cwd = input.cwd ?? process.cwd();
  const configurations: TemplateDigest[] = (input.configurations ?? []).map((c) =>
    'file' in c ? { file: shown(c.file, cwd), sha256: fs.existsSync(c.file) && fs.statSync(c.file).isFile() ? sha256File(c.file) : 'unreadable' } : { file: `municipality=${c.embedded}`, sha256: 'embedded' },
  );
  const root = input.packageRoot ?? path.resolve(__dirname, '../../..');
  const version = packageVersion('closed-telework', root);
  const commit = gitCommit(root);
  return {
    environments: input.environments ?? environmentsFromManifests(input.templates),
    configurations,
    ...(version ? { packageVersion: version } : {}),
    ...(commit ? { gitCommit: commit } : {}),
    command: input.command,
    cwd,
  };
}

/** The header of record; `facts` when the caller has already worked them out (provenanceFacts of the same input). */
export function provenanceFor(input: ProvenanceInput, facts: ProvenanceFacts = provenanceFacts(input)): Provenance {
  const municipalities = new Set<string>();
  const models = new Set<string>();
  for (const x of allResources(input.templates)) {
    const tags = tagsOf(x);
    const m = tags.get(MUNICIPALITY_TAG_KEY);
    if (m) municipalities.add(m);
    const model = tags.get(MODEL_TAG_KEY);
    if (model) models.add(model);
  }
  const templates: TemplateDigest[] = [];
  const seen = new Set<string>();
  for (const t of input.templates) {
    if (seen.has(t.file)) continue;
    seen.add(t.file);
    templates.push({ file: shown(t.file, facts.cwd), sha256: fs.existsSync(t.file) ? sha256File(t.file) : 'unreadable' });
  }
  return {
    municipalities: [...municipalities].sort(),
    environments: facts.environments,
    models: [...models].sort(),
    ...(facts.packageVersion ? { packageVersion: facts.packageVersion } : {}),
    ...(facts.gitCommit ? { gitCommit: facts.gitCommit } : {}),
    configurations: facts.configurations,
    templates,
    command: facts.command,
    generatedAt: input.generatedAt,
  };
}
