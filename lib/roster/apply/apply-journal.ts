/**
 * A local, append-only journal of CreateWorkspaces attempts, so that a run that dies mid-call (crash,
 * Ctrl-C, lost laptop lid) never leads the next run to give a user a second WorkSpace.
 *
 * Why it is needed: CreateWorkspaces has no idempotency token, and a WorkSpace created a moment ago may
 * be invisible to DescribeWorkspaces for a while (eventual consistency). After a crash the next run
 * cannot tell "never created" from "created but not yet visible" by asking the API alone.
 *
 * What is written (one JSON object per line, fsync'd before the call it describes is sent):
 *   attempt      — we are about to send CreateWorkspaces for this user
 *   created      — the API accepted it: WorkspaceId known (PendingRequests)
 *   not-created  — the API definitively did not create it (FailedRequests, throttled, rejected)
 * On start, a user whose last record is `attempt` is UNCERTAIN: the run re-creates them only after
 * Describe has missed them `consistency.checks` times over at least `consistency.windowMs` since the
 * attempt; a user whose last record is `created` is never re-created, only waited for.
 * When a run ends, records of users no longer in doubt are dropped; an empty journal is deleted.
 */
import * as fs from 'fs';

export type JournalRecord =
  | { t: 'attempt'; key: string; at: number }
  | { t: 'created'; key: string; at: number; workspaceId: string }
  | { t: 'not-created'; key: string; at: number; code?: string };

export interface JournalState {
  uncertainSince: Map<string, number>;
  createdIds: Map<string, string>;
}

export class ApplyJournal {
  private fd: number | undefined;
  private readonly last = new Map<string, JournalRecord>();

  private constructor(readonly path: string | undefined) {}

  /** Opens (and reads) the journal at `path`; `undefined` keeps it in memory only (tests, plan). */
  static open(path: string | undefined): ApplyJournal {
    const j = new ApplyJournal(path);
    if (path && fs.existsSync(path)) {
      const lines = fs.readFileSync(path, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (line.trim() === '') return;
        let rec: JournalRecord;
        try {
          rec = JSON.parse(line) as JournalRecord;
        } catch {
          // A torn last line is what a crash mid-write leaves; anything else is corruption.
          if (i === lines.length - 1 || lines.slice(i + 1).every((l) => l.trim() === '')) return;
          throw new Error(`${path}:${i + 1}: the apply journal is corrupt; move it aside only if you are sure no apply is running (適用ジャーナルが壊れています)`);
        }
        j.last.set(rec.key, rec);
      });
    }
    return j;
  }

  state(): JournalState {
    const uncertainSince = new Map<string, number>();
    const createdIds = new Map<string, string>();
    for (const [key, rec] of this.last) {
      if (rec.t === 'attempt') uncertainSince.set(key, rec.at);
      if (rec.t === 'created') createdIds.set(key, rec.workspaceId);
    }
    return { uncertainSince, createdIds };
  }

  record(records: JournalRecord[]): void {
    if (records.length === 0) return;
    for (const r of records) this.last.set(r.key, r);
    if (!this.path) return;
    if (this.fd === undefined) this.fd = fs.openSync(this.path, 'a');
    fs.writeSync(this.fd, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    fs.fsyncSync(this.fd);
  }

  /** Keeps only the users still in doubt; deletes the file when there are none. */
  compact(stillInDoubt: Set<string>): void {
    this.close();
    for (const key of [...this.last.keys()]) if (!stillInDoubt.has(key)) this.last.delete(key);
    if (!this.path) return;
    if (this.last.size === 0) {
      fs.rmSync(this.path, { force: true });
      return;
    }
    const tmp = `${this.path}.tmp`;
    fs.writeFileSync(tmp, [...this.last.values()].map((r) => JSON.stringify(r)).join('\n') + '\n');
    fs.renameSync(tmp, this.path);
  }

  close(): void {
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
  }
}
