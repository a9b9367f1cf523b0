/**
 * One `roster apply` at a time per WorkSpaces directory: an exclusive lock file beside the directory's
 * journal (journal-location.ts), so two rosters — or two copies of one roster — that manage the same
 * directory never run at once, whatever their file names.
 *
 * Why: the journal is what stops a crashed run's successor from giving a user a second WorkSpace, but two
 * runs alive at once (two terminals, a pipeline retried while the first still runs) would each read the
 * journal before the other wrote to it, and both create. CreateWorkspaces has no idempotency token, so the
 * API cannot catch it either.
 *
 * `<journal>.lock` is created with O_EXCL and holds who took it. A lock left by a process that is gone on
 * this host (a crash, a kill -9) is taken over; any other lock — another host, a live process, a file this
 * cannot read — refuses the run (fail closed) and names the file to delete once nobody is running.
 */
import * as fs from 'fs';
import * as os from 'os';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export class ApplyLockHeldError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, owned by someone else. ESRCH: gone.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): Holder | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<Holder>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string' ? (value as Holder) : undefined;
  } catch {
    return undefined;
  }
}

export class ApplyLock {
  private constructor(
    readonly path: string,
    private readonly mine: string,
  ) {}

  /** Takes `<journalPath>.lock`, or throws ApplyLockHeldError saying who holds it and what to do. */
  static acquire(journalPath: string): ApplyLock {
    const lockPath = `${journalPath}.lock`;
    const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() } satisfies Holder);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = fs.openSync(lockPath, 'wx');
        try {
          fs.writeSync(fd, mine);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        return new ApplyLock(lockPath, mine);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readHolder(lockPath);
      if (attempt === 0 && holder && holder.host === os.hostname() && !isAlive(holder.pid)) {
        // Left by a run that died on this machine: its journal already records what it did.
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      const who = holder ? `pid ${holder.pid} on ${holder.host} since ${holder.since}` : 'an unreadable lock';
      throw new ApplyLockHeldError(
        `another roster apply holds ${lockPath} (${who}). Wait for it to finish; if you are certain no apply is running for this WorkSpaces directory, delete ${lockPath} and run again. ` +
          `(別の roster apply が実行中です（${who}）。終了を待ってください。実行中でないことが確かな場合のみ ${lockPath} を削除して再実行してください)`,
      );
    }
    throw new ApplyLockHeldError(`could not take ${lockPath}; run again (ロックを取得できませんでした)`);
  }

  /**
   * Takes the locks of several journals (one per directory), in a stable order; if one is held, the ones
   * already taken are released and the error is thrown (nothing is half-locked).
   */
  static acquireAll(journalPaths: string[]): ApplyLock[] {
    const taken: ApplyLock[] = [];
    try {
      for (const p of [...journalPaths].sort()) taken.push(ApplyLock.acquire(p));
      return taken;
    } catch (err) {
      for (const l of taken) l.release();
      throw err;
    }
  }

  /** Removes the lock if it is still ours (never another run's). */
  release(): void {
    try {
      if (fs.readFileSync(this.path, 'utf8') === this.mine) fs.rmSync(this.path, { force: true });
    } catch {
      // Already gone.
    }
  }
}
