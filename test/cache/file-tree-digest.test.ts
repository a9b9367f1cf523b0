import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { filesUnder, folderContentDigest, folderDigestStats, foldFiles } from '../../lib/cache/file-tree-digest';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('folder-digest-');

function folder(files: Record<string, string>): string {
  const dir = tmp.dir('code-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** What the identities read without a memo: every file folded, then hashed. */
function fullRead(dir: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  foldFiles(dir, files, hash);
  return hash.digest('hex');
}

function counted<T>(f: () => T): { value: T; read: number; remembered: number } {
  const before = { ...folderDigestStats };
  const value = f();
  return { value, read: folderDigestStats.read - before.read, remembered: folderDigestStats.remembered - before.remembered };
}

/** A millisecond or two, so files written just before count as older than the next read (racyMs 1 in these tests). */
function tick(): void {
  const until = Date.now() + 3;
  while (Date.now() < until);
}

describe('filesUnder', () => {
  test('lists what a recursive readdir lists (folders included), sorted, one folder at a time', () => {
    const dir = folder({ 'a.js': '1', 'b/c.js': '2', 'b/d/e.txt': '3', 'z.js': '4' });
    expect(filesUnder(dir, () => true)).toEqual(fs.readdirSync(dir, { recursive: true }).map(String).sort());
    expect(filesUnder(dir, (f) => f.endsWith('.js'))).toEqual(['a.js', path.join('b', 'c.js'), 'z.js']);
  });

  test('tells files from folders, and a link by what it points at', () => {
    const dir = folder({ 'a.txt': '1', 'sub/b.txt': '2' });
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link-to-file'));
    fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'link-to-folder'));
    expect(filesUnder(dir, (_f, isFile) => isFile())).toEqual(['a.txt', 'link-to-file', path.join('sub', 'b.txt')]);
  });
});

describe('folderContentDigest', () => {
  test('is the digest of a full read, with or without a memo, first read or remembered', () => {
    const dir = folder({ 'a.js': 'alpha', 'b/c.js': 'gamma' });
    const memoDir = tmp.dir('memo-');
    const files = filesUnder(dir, (_f, isFile) => isFile());
    tick();
    const first = counted(() => folderContentDigest(dir, files, { label: 'js', memoDir, racyMs: 1 }));
    const second = counted(() => folderContentDigest(dir, files, { label: 'js', memoDir, racyMs: 1 }));
    expect(first).toEqual({ value: fullRead(dir, files), read: 1, remembered: 0 });
    expect(second).toEqual({ value: fullRead(dir, files), read: 0, remembered: 1 });
    expect(folderContentDigest(dir, files, { label: 'js' })).toBe(fullRead(dir, files));
  });

  test('a file rewritten with the same size and its modification time put back is read again (its change time moved)', () => {
    const dir = folder({ 'rule.js': 'return 1;' });
    const memoDir = tmp.dir('memo-');
    const file = path.join(dir, 'rule.js');
    const { mtime, atime } = fs.statSync(file);
    tick();
    const before = folderContentDigest(dir, ['rule.js'], { label: 'js', memoDir, racyMs: 1 });
    fs.writeFileSync(file, 'return 2;');
    fs.utimesSync(file, atime, mtime);
    const after = counted(() => folderContentDigest(dir, ['rule.js'], { label: 'js', memoDir, racyMs: 1 }));
    expect(after).toEqual({ value: fullRead(dir, ['rule.js']), read: 1, remembered: 0 });
    expect(after.value).not.toBe(before);
  });

  test('a file added, removed or renamed is a different list: read again', () => {
    const dir = folder({ 'a.js': 'a', 'b.js': 'b' });
    const memoDir = tmp.dir('memo-');
    tick();
    const both = folderContentDigest(dir, ['a.js', 'b.js'], { label: 'js', memoDir, racyMs: 1 });
    fs.renameSync(path.join(dir, 'b.js'), path.join(dir, 'c.js'));
    const renamed = counted(() => folderContentDigest(dir, ['a.js', 'c.js'], { label: 'js', memoDir, racyMs: 1 }));
    expect(renamed.read).toBe(1);
    expect(renamed.value).not.toBe(both);
    expect(counted(() => folderContentDigest(dir, ['a.js'], { label: 'js', memoDir, racyMs: 1 })).read).toBe(1);
  });

  test('files changed within the racy window are not remembered (a coarse clock could hide a second write)', () => {
    const dir = folder({ 'a.js': 'a' });
    const memoDir = tmp.dir('memo-');
    folderContentDigest(dir, ['a.js'], { label: 'js', memoDir });
    expect(fs.readdirSync(memoDir)).toEqual([]);
    expect(counted(() => folderContentDigest(dir, ['a.js'], { label: 'js', memoDir })).read).toBe(1);
  });

  test('two selections of one folder, a damaged memo and an unwritable memo folder: each read, never wrong', () => {
    const dir = folder({ 'a.js': 'a', 'a.txt': 't' });
    const memoDir = tmp.dir('memo-');
    tick();
    const js = folderContentDigest(dir, ['a.js'], { label: 'js', memoDir, racyMs: 1 });
    expect(folderContentDigest(dir, ['a.txt'], { label: 'txt', memoDir, racyMs: 1 })).toBe(fullRead(dir, ['a.txt']));
    for (const f of fs.readdirSync(memoDir)) fs.writeFileSync(path.join(memoDir, f), '{"format":');
    expect(counted(() => folderContentDigest(dir, ['a.js'], { label: 'js', memoDir, racyMs: 1 }))).toEqual({ value: js, read: 1, remembered: 0 });
    const notAFolder = path.join(tmp.dir('blocked-'), 'file');
    fs.writeFileSync(notAFolder, '');
    expect(folderContentDigest(dir, ['a.js'], { label: 'js', memoDir: notAFolder, racyMs: 1 })).toBe(js);
  });
});
