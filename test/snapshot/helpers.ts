/** Shared by the snapshot tests: the CLI in-process, and editing a derived snapshot as the console would. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { snapshotFromTemplates, writeSnapshotFiles, type DeriveOptions, type Json } from '../support/snapshot-from-templates';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `closed-telework <args>` in-process, with stdout / stderr captured. */
export async function cli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    const code = await main(['node', 'closed-telework', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A snapshot folder on disk, derived from templates, with helpers to change it as someone in the console would. */
export class SnapshotDir {
  readonly root: string;
  readonly region: string;

  constructor(templates: readonly LoadedTemplate[], opts: DeriveOptions = {}, root?: string) {
    this.root = root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ct-snapshot-'));
    this.region = opts.region ?? 'ap-northeast-1';
    writeSnapshotFiles(this.root, snapshotFromTemplates(templates, opts));
  }

  folder(account?: string): string {
    return path.join(this.root, 'aws_configs', ...(account ? [account] : []), this.region);
  }

  file(name: string, account?: string): string {
    return path.join(this.folder(account), name);
  }

  read(name: string, account?: string): Json {
    return JSON.parse(fs.readFileSync(this.file(name, account), 'utf8')) as Json;
  }

  write(name: string, body: Json, account?: string): void {
    fs.writeFileSync(this.file(name, account), JSON.stringify(body, null, 2));
  }

  /** Edits one output in place. */
  edit(name: string, fn: (body: Json) => void, account?: string): void {
    const body = this.read(name, account);
    fn(body);
    this.write(name, body, account);
  }

  /** The first item of a listing whose tags say it came from this logical id. */
  byLogicalId(name: string, key: string, logicalId: string, account?: string): Json {
    const items = this.read(name, account)[key] as Json[];
    const hit = items.find((i) => Array.isArray(i.Tags) && (i.Tags as Json[]).some((t) => t.Key === 'aws:cloudformation:logical-id' && String(t.Value) === logicalId));
    if (!hit) throw new Error(`no ${key} item from ${logicalId}`);
    return hit;
  }

  /** Items of a listing whose `mic:tier` tag is `tier`. */
  byTier(name: string, key: string, tier: string, account?: string): Json[] {
    return (this.read(name, account)[key] as Json[]).filter((i) => Array.isArray(i.Tags) && (i.Tags as Json[]).some((t) => t.Key === 'mic:tier' && t.Value === tier));
  }

  /** An independent copy on disk, to change without touching this one. */
  copy(): SnapshotDir {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-snapshot-'));
    fs.cpSync(this.root, root, { recursive: true });
    return Object.assign(Object.create(SnapshotDir.prototype) as SnapshotDir, { root, region: this.region });
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
