/**
 * Temporary directories a test file makes and removes: `const tmp = tempRoot('guard-cache-')` at the top of
 * the file gives one directory for the file (removed after its last test) and `tmp.dir('miss-')` fresh
 * folders inside it. The environment (environment.ts) fails a file that leaves anything behind.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface TempRoot {
  /** The file's directory. */
  readonly path: string;
  /** A new, empty folder inside it. */
  dir(prefix?: string): string;
}

/** Call at the top of a test file (it registers an afterAll). */
export function tempRoot(prefix: string): TempRoot {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  return { path: root, dir: (p = 'd-') => fs.mkdtempSync(path.join(root, p)) };
}
