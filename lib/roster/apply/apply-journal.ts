/**
 * A local, append-only journal of CreateWorkspaces attempts, so that a run that dies mid-call (crash,
 * Ctrl-C, lost laptop lid) never leads the next run to give a user a second WorkSpace.
 *
 * Why it is needed: CreateWorkspaces has no idempotency token, and a WorkSpace created a moment ago may
 * be invisible to DescribeWorkspaces for a while (eventual consistency). After a crash the next run
 * cannot tell "never created" from "created but not yet visible" by asking the API alone.
 *
 * Where it lives: one file per WorkSpaces DIRECTORY (and Region) — what is provisioned — never per roster
 * file (see journal-location.ts). Staff save corrected rosters under new names; a journal named after the
 * roster would be missed by the next run, which would then create every in-flight user again.
 *
 * What is written (one JSON object per line, fsync'd before the call it describes is sent):
 *   attempt      — we are about to send CreateWorkspaces for this user
 *   created      — the API accepted it: WorkspaceId known (PendingRequests)
 *   not-created  — the API definitively did not create it (FailedRequests, throttled, rejected)
 * On start, a user whose last record is `attempt` is UNCERTAIN: the run re-creates them only after
 * Describe has missed them `consistency.checks` times over at least `consistency.windowMs` since the
 * attempt; a user whose last record is `created` is never re-created, only waited for.
 * When a run ends, records of users no longer in doubt are dropped; an empty journal file is deleted.
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

/** The directory id a record belongs to: its key is `<directoryId>/<user>` (roster-entry.ts userKey). */
export function directoryOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}

/** Reads the last record per user from one journal file (missing file: none). */
function readJournalFile(path: string): JournalRecord[] {
  if (!fs.existsSync(path)) return [];
  const lines = fs.readFileSync(path, 'utf8').split('\n');
  const out: JournalRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as JournalRecord);
    } catch {
      // A torn last line is what a crash mid-write leaves; anything else is corruption.
      if (i === lines.length - 1 || lines.slice(i + 1).every((l) => l.trim() === '')) return;
      throw new Error(`${path}:${i + 1}: the apply journal is corrupt; move it aside only if you are sure no apply is running (適用ジャーナルが壊れています。実行中の apply がないことを確認してから退避してください)`);
    }
  });
  return out;
}

interface JournalFile {
  path: string;
  fd?: number;
}

export class ApplyJournal {
  private readonly last = new Map<string, JournalRecord>();

  /** @param route the file a record's key is written to (undefined: in memory only). */
  private constructor(
    private readonly files: JournalFile[],
    private readonly route: (key: string) => JournalFile | undefined,
  ) {}

  /** One file for every directory (tests, and `undefined` = in memory only for benches). */
  static open(path: string | undefined): ApplyJournal {
    const file = path ? { path } : undefined;
    const j = new ApplyJournal(file ? [file] : [], () => file);
    if (file) for (const rec of readJournalFile(file.path)) j.last.set(rec.key, rec);
    return j;
  }

  /**
   * One file per directory: `paths` maps each managed directory id to its journal file. A record for a
   * directory not in the map is a programming error (it would be written nowhere) and throws.
   */
  static openPerDirectory(paths: Map<string, string>): ApplyJournal {
    const files = new Map([...paths].map(([dir, path]) => [dir, { path } as JournalFile]));
    const j = new ApplyJournal([...files.values()], (key) => {
      const f = files.get(directoryOfKey(key));
      if (!f) throw new Error(`internal error: no apply journal for directory ${directoryOfKey(key)}`);
      return f;
    });
    for (const [dir, f] of files) {
      for (const rec of readJournalFile(f.path)) if (directoryOfKey(rec.key) === dir) j.last.set(rec.key, rec);
    }
    return j;
  }

  /** The files this journal reads and writes. */
  get paths(): string[] {
    return this.files.map((f) => f.path);
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
    const byFile = new Map<JournalFile, JournalRecord[]>();
    for (const r of records) {
      const f = this.route(r.key);
      this.last.set(r.key, r);
      if (f) byFile.set(f, [...(byFile.get(f) ?? []), r]);
    }
    for (const [f, recs] of byFile) {
      if (f.fd === undefined) f.fd = fs.openSync(f.path, 'a');
      fs.writeSync(f.fd, recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
      fs.fsyncSync(f.fd);
    }
  }

  /**
   * Takes over the records of a journal written by an older version beside the roster
   * (`<roster>.apply-journal.jsonl`): each record is re-written, fsync'd, into its directory's file,
   * and the old file is deleted only when every record found a home. Returns the records moved.
   */
  importLegacy(path: string, accepts: (key: string) => boolean): { moved: number; kept: number } {
    const recs = readJournalFile(path);
    const latest = new Map<string, JournalRecord>();
    for (const r of recs) latest.set(r.key, r);
    const movable = [...latest.values()].filter((r) => accepts(r.key) && !this.last.has(r.key));
    const kept = [...latest.values()].filter((r) => !accepts(r.key)).length;
    this.record(movable);
    if (kept === 0) fs.rmSync(path, { force: true });
    return { moved: movable.length, kept };
  }

  /** Keeps only the users still in doubt; deletes a file when none of its users are. */
  compact(stillInDoubt: Set<string>): void {
    this.close();
    for (const key of [...this.last.keys()]) if (!stillInDoubt.has(key)) this.last.delete(key);
    for (const f of this.files) {
      const mine = [...this.last.values()].filter((r) => this.route(r.key) === f);
      if (mine.length === 0) {
        fs.rmSync(f.path, { force: true });
        continue;
      }
      const tmp = `${f.path}.tmp`;
      fs.writeFileSync(tmp, mine.map((r) => JSON.stringify(r)).join('\n') + '\n');
      fs.renameSync(tmp, f.path);
    }
  }

  close(): void {
    for (const f of this.files) {
      if (f.fd !== undefined) {
        fs.closeSync(f.fd);
        f.fd = undefined;
      }
    }
  }
}
