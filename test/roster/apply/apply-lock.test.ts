import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApplyLock, ApplyLockHeldError } from '../../../lib/roster/apply/apply-lock';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('apply-lock-');

const journalIn = (): string => path.join(tmp.dir('apply-lock-'), 'roster.csv.apply-journal.jsonl');
/** The pid of a process that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

test('takes <journal>.lock, names who holds it, and releases it', () => {
  const journal = journalIn();
  const lock = ApplyLock.acquire(journal);
  expect(lock.path).toBe(`${journal}.lock`);
  expect(JSON.parse(fs.readFileSync(lock.path, 'utf8'))).toEqual({ pid: process.pid, host: os.hostname(), since: expect.any(String) });
  lock.release();
  expect(fs.existsSync(lock.path)).toBe(false);
});

test('a second apply is refused while the first holds the lock, with the file to delete in both languages', () => {
  const journal = journalIn();
  const first = ApplyLock.acquire(journal);
  expect(() => ApplyLock.acquire(journal)).toThrow(ApplyLockHeldError);
  expect(() => ApplyLock.acquire(journal)).toThrow(new RegExp(`another roster apply holds ${first.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(pid ${process.pid} on `));
  expect(() => ApplyLock.acquire(journal)).toThrow(/別の roster apply が実行中です/);
  first.release();
  ApplyLock.acquire(journal).release();
});

test('a lock left by a process that is gone on this host is taken over', () => {
  const journal = journalIn();
  fs.writeFileSync(`${journal}.lock`, JSON.stringify({ pid: deadPid(), host: os.hostname(), since: '2026-11-20T00:00:00.000Z' }));
  const lock = ApplyLock.acquire(journal);
  expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
  lock.release();
});

test('fail closed: a lock from another host is never taken over, even if that pid is free here', () => {
  const journal = journalIn();
  fs.writeFileSync(`${journal}.lock`, JSON.stringify({ pid: deadPid(), host: `not-${os.hostname()}`, since: '2026-11-20T00:00:00.000Z' }));
  expect(() => ApplyLock.acquire(journal)).toThrow(/on not-/);
});

test('fail closed: an unreadable lock refuses the run', () => {
  const journal = journalIn();
  fs.writeFileSync(`${journal}.lock`, '{"pid":');
  expect(() => ApplyLock.acquire(journal)).toThrow(/\(an unreadable lock\)/);
});

test("release never removes another run's lock", () => {
  const journal = journalIn();
  const lock = ApplyLock.acquire(journal);
  const other = JSON.stringify({ pid: 1, host: 'elsewhere', since: '2026-11-21T00:00:00.000Z' });
  fs.writeFileSync(lock.path, other);
  lock.release();
  expect(fs.readFileSync(lock.path, 'utf8')).toBe(other);
});
