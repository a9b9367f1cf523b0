/**
 * cfn-guard's verdicts, remembered by content (node:fs and node:crypto only; no aws-cdk-lib).
 *
 * Why: cfn-guard is nearly all of the time the packs add to a synth, and an infra engineer synthesises the
 * same templates again and again (`cdk diff`, then `cdk deploy`, each a synth). A verdict is a pure function
 * of the cfn-guard binary, the rule files run and the data handed over, so it is stored under a digest of
 * exactly those (and of this format's version) — the same idea as the CDK's own asset hashes.
 *
 * Fail closed: an entry that is missing, unreadable, of another shape, or that names an input the run does
 * not have is ignored and cfn-guard runs. The cache never turns a violation into a pass: a hit returns the
 * violations cfn-guard reported for byte-identical inputs.
 *
 * Where: `CLOSED_TELEWORK_GUARD_CACHE=<dir>`, or `off` to never cache (`CLOSED_TELEWORK_CACHE=off` turns
 * off every cache of this package); by default
 * `node_modules/.cache/closed-telework/cfn-guard` under the current directory when `node_modules` is there
 * (the usual home of tool caches), else no cache.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { verdictCacheDir } from '../cache/verdict-store';

/** Bump when the stored shape or the meaning of a key changes. */
const FORMAT = 'closed-telework/cfn-guard-verdict/1';
/** Entries kept (one per cfn-guard run, about ten per synth); the oldest beyond this are removed after a write. */
const MAX_ENTRIES = 256;

export const GUARD_CACHE_ENV = 'CLOSED_TELEWORK_GUARD_CACHE';

/** The cache directory for this process, or undefined when caching is off. */
export function guardCacheDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string | undefined {
  // The same switches as every other cache of this package (off|false|0|no; CLOSED_TELEWORK_CACHE=off for all).
  return verdictCacheDir('cfn-guard', GUARD_CACHE_ENV, env, cwd);
}

export interface GuardRunIdentity {
  /** The validator package's version and the binary's size and modification time. */
  engine: string;
  /** Each rule file run: its path and its content. */
  rules: { path: string; source: string }[];
  /** Each data file handed to cfn-guard, in order. */
  inputs: string[];
}

export function guardRunKey(run: GuardRunIdentity): string {
  const hash = createHash('sha256');
  const part = (s: string): void => {
    hash.update(String(Buffer.byteLength(s)));
    hash.update(':');
    hash.update(s);
  };
  part(FORMAT);
  part(run.engine);
  part(String(run.rules.length));
  for (const rule of run.rules) {
    part(rule.path);
    part(rule.source);
  }
  part(String(run.inputs.length));
  for (const input of run.inputs) part(input);
  return hash.digest('hex');
}

/**
 * The key of a whole synth's verdict: the engine, the rule files (their folder and the digest of every file's
 * relative path and content: control-tower-guard-rules.ts rulesDigest), and every template the synth wrote (its
 * path, in order, and its bytes). The plugin's result is a function of exactly these — which rules run on
 * which cut-down inputs is worked out from them (guard-input.ts), and each violation names the template it
 * was found in — so a repeated synth of the same templates does not even parse them. Stored in the same
 * shape as a run's verdict, each violation's `input` the index of its template.
 */
export function guardSynthKey(synth: { engine: string; rules: { dir: string; digest: string }; templates: { path: string; body: string }[] }): string {
  return guardRunKey({ engine: `synth;${synth.engine}`, rules: [{ path: `folder:${synth.rules.dir}`, source: `sha256:${synth.rules.digest}` }], inputs: synth.templates.flatMap((t) => [t.path, t.body]) });
}

/** A violation as stored: the template is the index of the input it was found in. */
export interface StoredViolation {
  ruleName: string;
  description: string;
  fix?: string;
  severity?: string;
  ruleMetadata?: Record<string, string>;
  violatingResources: { resourceLogicalId: string; input: number; locations: string[] }[];
}

export interface StoredVerdict {
  format: string;
  success: boolean;
  violations: StoredViolation[];
}

function isStoredVerdict(value: unknown, inputCount: number): value is StoredVerdict {
  const v = value as StoredVerdict | null;
  if (v === null || typeof v !== 'object' || v.format !== FORMAT || typeof v.success !== 'boolean' || !Array.isArray(v.violations)) return false;
  if (v.success !== (v.violations.length === 0)) return false;
  return v.violations.every(
    (violation) =>
      typeof violation?.ruleName === 'string' &&
      typeof violation.description === 'string' &&
      Array.isArray(violation.violatingResources) &&
      violation.violatingResources.every(
        (r) =>
          typeof r?.resourceLogicalId === 'string' &&
          Number.isInteger(r.input) &&
          r.input >= 0 &&
          r.input < inputCount &&
          Array.isArray(r.locations) &&
          r.locations.every((l) => typeof l === 'string'),
      ),
  );
}

export class GuardVerdictCache {
  constructor(public readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** The stored verdict for this run, or undefined (and cfn-guard must run). */
  public get(key: string, inputCount: number): StoredVerdict | undefined {
    try {
      const value: unknown = JSON.parse(fs.readFileSync(this.file(key), 'utf8'));
      return isStoredVerdict(value, inputCount) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores a verdict through a temporary name and a rename; a failure to store never fails the synth. */
  public put(key: string, verdict: Omit<StoredVerdict, 'format'>): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const target = this.file(key);
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ format: FORMAT, ...verdict }));
      fs.renameSync(tmp, target);
      this.prune();
    } catch {
      // A read-only or full disk costs the next synth a cfn-guard run, nothing else.
    }
  }

  private prune(): void {
    const entries = fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ name, mtime: fs.statSync(path.join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of entries.slice(MAX_ENTRIES)) fs.rmSync(path.join(this.dir, old.name), { force: true });
  }
}
