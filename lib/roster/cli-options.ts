/**
 * Parsing of the roster/audit command-line values that need more than commander's strings:
 * `--directory TIER=d-…`, `--size-bundle SIZE=wsb-…`, positive numbers. Errors name the option and the fix.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InvalidArgumentError } from 'commander';
import type { Tier } from '../tiers/tier';
import { parseTier } from './csv/roster-values';
import { SIZES, Size } from './roster-entry';
import { parseSize } from './csv/roster-values';

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseDirectoryOptions(values: string[] = []): Partial<Record<Tier, string>> {
  const out: Partial<Record<Tier, string>> = {};
  for (const v of values) {
    const m = /^([^=]+)=(.+)$/.exec(v);
    const tier = m ? parseTier(m[1]) : undefined;
    if (!m || !tier) {
      throw new Error(`--directory ${v}: expected TIER=DIRECTORY_ID, e.g. --directory lgwan=d-1234567890 (系=ディレクトリID の形で指定してください)`);
    }
    if (out[tier] && out[tier] !== m[2]) throw new Error(`--directory: the ${tier} tier is given twice (${out[tier]}, ${m[2]})`);
    out[tier] = m[2].trim();
  }
  return out;
}

export function parseSizeBundleOptions(values: string[] = []): Partial<Record<Size, string>> {
  const out: Partial<Record<Size, string>> = {};
  for (const v of values) {
    const m = /^([^=]+)=(.+)$/.exec(v);
    const size = m ? parseSize(m[1]) : undefined;
    if (!m || !size) {
      throw new Error(`--size-bundle ${v}: expected SIZE=BUNDLE_ID with SIZE one of ${SIZES.join(', ')}, e.g. --size-bundle STANDARD=wsb-abc123456`);
    }
    out[size] = m[2].trim();
  }
  return out;
}

export function positiveNumber(option: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    // InvalidArgumentError: commander reports it as a usage error (exit 2) instead of a crash.
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${option} ${value}: expected a positive number`);
    return n;
  };
}

/** Fails before any API call when a file the run must write at the end cannot be written. */
export function checkWritable(option: string, file: string): void {
  const target = path.resolve(file);
  try {
    if (fs.existsSync(target)) {
      if (fs.statSync(target).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      fs.accessSync(target, fs.constants.W_OK);
    } else {
      fs.accessSync(path.dirname(target), fs.constants.W_OK);
    }
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`${option} ${file}: cannot be written (${why}); nothing was done. Give a writable path / ${option} のファイルに書き込めません。何も実行していません`, { cause: err });
  }
}
