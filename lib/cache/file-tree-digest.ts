/**
 * Folding a folder's files into a digest by relative path and content — what every "the code that computed
 * this verdict" identity reads (this package's own code: package-code-identity.ts; cdk-nag's rules:
 * lib/nag-verdict/nag-pack-identity.ts; the Control Tower rule files: lib/control-tower). By content, not by
 * modification time or version, so a patched or reinstalled file is a different identity. node only: no
 * aws-cdk-lib import.
 *
 * Reading every file on every synth is most of what these identities cost (cdk-nag's 272 files, 3.8 MB: ~35 ms
 * of CPU; this package's own ~300: ~20 ms). So `folderContentDigest` remembers a folder's digest beside the
 * verdicts it keys, together with every file's identity on disk (verdict-store.ts `fileIdentity`: device,
 * inode, size, modification and change times in nanoseconds), and hands it back only when the same files are
 * there with the same identities. Any write to a file changes its change time, which no program can set back,
 * and adding, removing or renaming a file changes the list; either way the files are read again. The digest
 * remembered is the digest of the content: it is the very value a full read gives (a test compares them).
 * Filesystems with coarse timestamps: a memo is written only when every file's last change is at least
 * RACY_MS older than the read that produced it (git's "racily clean" rule), so a write in the same clock tick
 * as the read cannot hide behind an unchanged time.
 */
import { createHash, type Hash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The entries under `dir` (relative paths, sorted; folders included, as `readdirSync(dir, { recursive: true })`
 * lists them, symbolic links to folders not followed) that `keep` accepts; `keep` is also told whether the
 * entry is a file (a symbolic link: whether what it points at is). Walked one folder at a time with the entry
 * types readdir already returns: Node 20's recursive readdir took ~10–20 ms over cdk-nag's 49 folders, this
 * ~1.5 ms.
 */
export function filesUnder(dir: string, keep: (relativePath: string, isFile: () => boolean) => boolean): string[] {
  const out: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const relative = prefix === '' ? entry.name : `${prefix}${path.sep}${entry.name}`;
      const isFile = (): boolean => entry.isFile() || (entry.isSymbolicLink() && fs.statSync(path.join(folder, entry.name)).isFile());
      if (keep(relative, isFile)) out.push(relative);
      if (entry.isDirectory()) walk(path.join(folder, entry.name), relative);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** Folds each file into `hash` as (path length, path, content length, content): no two lists fold alike. */
export function foldFiles(dir: string, files: readonly string[], hash: Hash): void {
  for (const f of files) {
    const content = fs.readFileSync(path.join(dir, f));
    hash.update(`${f.length}:${f}${content.length}:`).update(content);
  }
}

/** Bump when the memo's shape or the digest's meaning changes. */
const MEMO_FORMAT = 'closed-telework/folder-content-digest/1';

/** A file changed less than this before the read is not remembered (coarse clocks; see the header). */
export const RACY_MS = 2000;

interface FolderMemo {
  format: string;
  dir: string;
  label: string;
  /** [relative path, identity] of every file folded, in order. */
  files: [string, string][];
  digest: string;
}

function isFolderMemo(v: unknown): v is FolderMemo {
  const m = v as FolderMemo | null;
  return (
    m !== null &&
    typeof m === 'object' &&
    m.format === MEMO_FORMAT &&
    typeof m.dir === 'string' &&
    typeof m.label === 'string' &&
    typeof m.digest === 'string' &&
    Array.isArray(m.files) &&
    m.files.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string')
  );
}

/** A file's identity (as verdict-store.ts fileIdentity) and its last change (modification or change time) in milliseconds. */
export function fileStamp(file: string): { id: string; changedMs: number } {
  const s = fs.statSync(file, { bigint: true });
  const last = s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs;
  return { id: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`, changedMs: Number(last / 1000000n) };
}

/** What a digest of a folder did, for tests and the bench: read every file, or took the memo. */
export const folderDigestStats = { read: 0, remembered: 0 };

/**
 * The SHA-256 of `files` of `dir` folded as `foldFiles` folds them (relative path and content of each, in
 * order). With `memoDir`, remembered there across processes as the header says; `label` names the selection
 * (two selections of one folder are remembered apart). Without it, every file is read.
 */
export function folderContentDigest(dir: string, files: readonly string[], options: { label: string; memoDir?: string; racyMs?: number }): string {
  const memoFile = options.memoDir === undefined ? undefined : path.join(options.memoDir, `folder-${createHash('sha256').update(`${dir}\0${options.label}`).digest('hex')}.json`);
  const startedMs = Date.now();
  let identities: { id: string; changedMs: number }[] | undefined;
  if (memoFile !== undefined) {
    try {
      identities = files.map((f) => fileStamp(path.join(dir, f)));
      const memo: unknown = JSON.parse(fs.readFileSync(memoFile, 'utf8'));
      if (
        isFolderMemo(memo) &&
        memo.dir === dir &&
        memo.label === options.label &&
        memo.files.length === files.length &&
        memo.files.every(([name, id], i) => name === files[i] && id === identities![i]!.id)
      ) {
        folderDigestStats.remembered++;
        return memo.digest;
      }
    } catch {
      // No memo yet, or a file that cannot be stat'ed (the read below says what is wrong).
    }
  }
  const hash = createHash('sha256');
  foldFiles(dir, files, hash);
  const digest = hash.digest('hex');
  folderDigestStats.read++;
  if (memoFile !== undefined && identities !== undefined && identities.length === files.length && identities.every((i) => i.changedMs < startedMs - (options.racyMs ?? RACY_MS))) {
    const memo: FolderMemo = { format: MEMO_FORMAT, dir, label: options.label, files: files.map((f, i) => [f, identities![i]!.id]), digest };
    try {
      fs.mkdirSync(options.memoDir!, { recursive: true });
      const tmp = `${memoFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(memo));
      fs.renameSync(tmp, memoFile);
    } catch {
      // A memo that cannot be written only costs the read next time.
    }
  }
  return digest;
}
