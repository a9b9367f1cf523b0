/**
 * The caches of this package in one place: where each lives, and a directory of verdicts stored under the
 * digest of everything they depend on (node:fs and node:crypto only). Used by aws-cdk-lib's CloudFormation
 * validation (lib/cfn-validate), cdk-nag's packs (lib/nag-verdict) and the custom-resource handlers'
 * transpiled JavaScript (lib/desktops/custom-resource/handler-asset.ts). A verdict is written through a temporary name and a rename, so a parallel synth never reads half a
 * file; anything unreadable or of another shape is treated as absent, so a damaged store costs time, never
 * correctness. Storing never fails a synth.
 *
 * Where: `<specific variable>=<dir>` or `off`; `CLOSED_TELEWORK_CACHE=off` turns every verdict cache of this
 * package off at once (CI's parity tests run that way); by default `node_modules/.cache/closed-telework/<name>`
 * under the current directory when `node_modules` is there (the usual home of tool caches, emptied by
 * `npm ci`), else no cache.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** Turns off every cache of this package (verdicts, transpiled handlers, bin/register-ts.js's transpile cache). */
export const ALL_CACHES_ENV = 'CLOSED_TELEWORK_CACHE';

const OFF = /^(off|false|0|no)$/i;

/** The cache directory for `name`, or undefined when caching is off. */
export function verdictCacheDir(name: string, specificEnv: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string | undefined {
  const setting = env[specificEnv];
  if (setting !== undefined && setting !== '') return OFF.test(setting) ? undefined : path.resolve(cwd, setting);
  if (OFF.test(env[ALL_CACHES_ENV] ?? '')) return undefined;
  const modules = path.join(cwd, 'node_modules');
  return fs.existsSync(modules) ? path.join(modules, '.cache', 'closed-telework', name) : undefined;
}

/**
 * A file's identity on disk without reading it: device, inode, size, and modification and change times in
 * nanoseconds. Any write to the file (or replacing it) changes its change time, which no program can set
 * back (utimes sets only the access and modification times), so an unchanged identity means unchanged
 * bytes; a copy or reinstall is a new identity (a miss, never a wrong hit).
 */
export function fileIdentity(file: string): string {
  const s = fs.statSync(file, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** A digest of the parts, each length-prefixed so no two different part lists share a digest. */
export function digestOf(parts: readonly (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(String(Buffer.byteLength(part)));
    hash.update(':');
    hash.update(part);
  }
  return hash.digest('hex');
}

/** Entries kept by default; the oldest beyond this are removed after a write. */
const MAX_ENTRIES = 128;

export class VerdictStore<T> {
  constructor(
    private readonly dir: string,
    /** Checks a stored value's shape; anything else is ignored (the verdict is computed again). */
    private readonly isValid: (value: unknown) => value is T,
    /** Entries kept; the oldest beyond this are removed after a write. */
    private readonly maxEntries: number = MAX_ENTRIES,
  ) {}

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** Whether any verdict is stored (of any key; its shape unchecked): false means every get() will miss. */
  public holdsAny(): boolean {
    try {
      return fs.readdirSync(this.dir).some((name) => name.endsWith('.json'));
    } catch {
      return false;
    }
  }

  public get(key: string): T | undefined {
    try {
      const value: unknown = JSON.parse(fs.readFileSync(this.file(key), 'utf8'));
      return this.isValid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  public put(key: string, value: T): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file(key)}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(value));
      fs.renameSync(tmp, this.file(key));
      this.prune();
    } catch {
      // A read-only or full disk only costs the next synth the time of the validation.
    }
  }

  private prune(): void {
    const entries = fs.readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    if (entries.length <= this.maxEntries) return;
    const byAge = entries
      .map((f) => ({ f, t: fs.statSync(path.join(this.dir, f)).mtimeMs }))
      .sort((a, b) => a.t - b.t);
    for (const { f } of byAge.slice(0, entries.length - this.maxEntries)) fs.rmSync(path.join(this.dir, f), { force: true });
  }
}
