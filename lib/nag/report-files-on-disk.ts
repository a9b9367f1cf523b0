/**
 * Whether the reviewer's report files in a folder are still exactly the ones a synth wrote there for a report
 * key, known without reading them: each file's identity on disk (device, inode, size, modification and change
 * times in nanoseconds; any write moves the change time, which no program can set back) is kept when the
 * files are written or found identical, beside the stored reports (proof-reuse.ts). A repeated synth whose
 * report key is the same and whose files are untouched then neither reads the stored report nor writes the
 * files again (ten municipalities: 12 files, 1.6 MB). Anything else — another key, a file missing, edited,
 * replaced or added to the list, an unreadable note — falls back to writing the stored report (which leaves
 * files already identical as they are and notes them again).
 *
 * Coarse clocks (git's "racily clean" rule): identities taken within RACY_MS of a file's last change are not
 * trusted; such files are compared byte for byte on the next synth, and trusted from then on.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { fileStamp, RACY_MS } from '../cache/file-tree-digest';

const FORMAT = 'closed-telework/report-files-on-disk/1';

/** How often a synth found its report untouched on disk (tests and the bench read it). */
export const reportFilesOnDiskStats = { untouched: 0 };

interface Note {
  format: string;
  key: string;
  dir: string;
  generatedAt: string;
  /** When the identities were taken. */
  notedAtMs: number;
  files: [string, string][];
}

function isNote(v: unknown): v is Note {
  const n = v as Note | null;
  return (
    n !== null &&
    typeof n === 'object' &&
    n.format === FORMAT &&
    typeof n.key === 'string' &&
    typeof n.dir === 'string' &&
    typeof n.generatedAt === 'string' &&
    typeof n.notedAtMs === 'number' &&
    Array.isArray(n.files) &&
    n.files.length > 0 &&
    n.files.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && path.basename(f[0]) === f[0] && typeof f[1] === 'string')
  );
}

export class ReportFilesOnDisk {
  constructor(
    private readonly notesDir: string,
    /** Identities taken this close to a file's last change are not trusted (tests shorten it). */
    private readonly racyMs: number = RACY_MS,
  ) {}

  private note(dir: string): string {
    return path.join(this.notesDir, `${createHash('sha256').update(path.resolve(dir)).digest('hex')}.json`);
  }

  /** The files written for `key` into `dir` and the time they carry, when every one is untouched since; else undefined. */
  public untouched(key: string, dir: string): { written: string[]; generatedAt: string } | undefined {
    try {
      const note: unknown = JSON.parse(fs.readFileSync(this.note(dir), 'utf8'));
      if (!isNote(note) || note.key !== key || note.dir !== path.resolve(dir)) return undefined;
      const written: string[] = [];
      for (const [name, id] of note.files) {
        const file = path.join(dir, name);
        const stamp = fileStamp(file);
        if (stamp.id !== id || stamp.changedMs >= note.notedAtMs - this.racyMs) return undefined;
        written.push(file);
      }
      return { written, generatedAt: note.generatedAt };
    } catch {
      return undefined;
    }
  }

  /** Notes the files just written (or found identical) for `key` in `dir`. Never fails the synth. */
  public noteWritten(key: string, dir: string, generatedAt: string, written: readonly string[]): void {
    try {
      const notedAtMs = Date.now();
      const note: Note = { format: FORMAT, key, dir: path.resolve(dir), generatedAt, notedAtMs, files: written.map((f) => [path.basename(f), fileStamp(f).id]) };
      const file = this.note(dir);
      fs.mkdirSync(this.notesDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(note));
      fs.renameSync(tmp, file);
    } catch {
      // Not noted: the next synth writes the stored report again.
    }
  }
}
