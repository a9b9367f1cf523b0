import * as fs from 'fs';
import * as path from 'path';
import { ProofReuse } from '../../lib/nag/proof-reuse';
import { ReportFilesOnDisk, reportFilesOnDiskStats } from '../../lib/nag/report-files-on-disk';
import { writeSynthReports } from '../../lib/nag/write-synth-reports';
import type { EngineRun } from '../../lib/report/engine-run';
import { writeReportFiles } from '../../lib/report/write-reports';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('report-files-on-disk-');

const FILES = new Map<string, string | Buffer>([
  ['tier-separation.ja.md', '# 三層分離の検証報告書\n'],
  ['tier-separation.en.md', '# Tier separation report\n'],
  ['tier-separation.ja.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])],
]);

/** A millisecond or two, so files written just before are older than a note taken after (racyMs 1 here). */
function tick(): void {
  const until = Date.now() + 3;
  while (Date.now() < until);
}

function written(dir: string): string[] {
  return writeReportFiles(dir, FILES);
}

describe('ReportFilesOnDisk', () => {
  test('files noted after they were written are untouched, with the time the report carries', () => {
    const dir = tmp.dir('reports-');
    const notes = new ReportFilesOnDisk(tmp.dir('notes-'), 1);
    expect(notes.untouched('key-a', dir)).toBeUndefined();
    const files = written(dir);
    tick();
    notes.noteWritten('key-a', dir, '2026-04-01T00:00:00.000Z', files);
    tick();
    expect(notes.untouched('key-a', dir)).toEqual({ written: files, generatedAt: '2026-04-01T00:00:00.000Z' });
    expect(notes.untouched('key-b', dir)).toBeUndefined();
  });

  test('a file edited (same size, its modification time put back), replaced or removed is not untouched', () => {
    for (const change of ['edit', 'replace', 'remove'] as const) {
      const dir = tmp.dir('reports-');
      const notes = new ReportFilesOnDisk(tmp.dir('notes-'), 1);
      const files = written(dir);
      tick();
      notes.noteWritten('key', dir, 'T0', files);
      tick();
      const file = path.join(dir, 'tier-separation.en.md');
      const { atime, mtime } = fs.statSync(file);
      if (change === 'edit') {
        fs.writeFileSync(file, '# Tier separation REPORT\n'.slice(0, fs.statSync(file).size));
        fs.utimesSync(file, atime, mtime);
      } else if (change === 'replace') {
        fs.writeFileSync(`${file}.new`, fs.readFileSync(file));
        fs.renameSync(`${file}.new`, file);
      } else {
        fs.rmSync(file);
      }
      expect(notes.untouched('key', dir)).toBeUndefined();
    }
  });

  test('identities taken within the racy window of a change are not trusted (coarse clocks)', () => {
    const dir = tmp.dir('reports-');
    const notes = new ReportFilesOnDisk(tmp.dir('notes-'));
    notes.noteWritten('key', dir, 'T0', written(dir));
    expect(notes.untouched('key', dir)).toBeUndefined();
  });

  test('a damaged note, or one for another folder, is ignored', () => {
    const dir = tmp.dir('reports-');
    const notesDir = tmp.dir('notes-');
    const notes = new ReportFilesOnDisk(notesDir, 1);
    const files = written(dir);
    tick();
    notes.noteWritten('key', dir, 'T0', files);
    const [note] = fs.readdirSync(notesDir);
    const text = fs.readFileSync(path.join(notesDir, note!), 'utf8');
    fs.writeFileSync(path.join(notesDir, note!), text.replace(JSON.stringify(path.resolve(dir)), JSON.stringify(path.resolve(tmp.dir('other-')))));
    expect(notes.untouched('key', dir)).toBeUndefined();
    fs.writeFileSync(path.join(notesDir, note!), '{"format":');
    expect(notes.untouched('key', dir)).toBeUndefined();
  });
});

describe('writeReportFiles keepIdentical', () => {
  test('leaves a file with the same bytes as it is, writes one that differs, and replaces a link by a file', () => {
    const dir = tmp.dir('reports-');
    written(dir);
    const same = path.join(dir, 'tier-separation.ja.md');
    const differs = path.join(dir, 'tier-separation.en.md');
    const link = path.join(dir, 'tier-separation.ja.xlsx');
    fs.writeFileSync(differs, '# something else entirely\n');
    const target = path.join(tmp.dir('elsewhere-'), 'book.xlsx');
    fs.writeFileSync(target, FILES.get('tier-separation.ja.xlsx')!);
    fs.rmSync(link);
    fs.symlinkSync(target, link);
    const before = fs.statSync(same, { bigint: true });
    expect(writeReportFiles(dir, FILES, { keepIdentical: true })).toEqual([...FILES.keys()].map((f) => path.join(dir, f)));
    const after = fs.statSync(same, { bigint: true });
    expect([after.ino, after.ctimeNs]).toEqual([before.ino, before.ctimeNs]);
    expect(fs.readFileSync(differs, 'utf8')).toBe(FILES.get('tier-separation.en.md'));
    expect(fs.lstatSync(link).isFile()).toBe(true);
    expect(fs.readFileSync(link)).toEqual(FILES.get('tier-separation.ja.xlsx'));
  });
});

describe('a repeated synth writes the stored report only when its files on disk changed', () => {
  test('stored → written and noted; untouched → neither read nor written; edited → written again from the store', () => {
    const dir = tmp.dir('reports-');
    const store = new ProofReuse(tmp.dir('tier-cache-'));
    (store as { onDisk: ReportFilesOnDisk }).onDisk = new ReportFilesOnDisk(tmp.dir('notes-'), 1);
    store.storeReport('key', '2026-04-01T00:00:00.000Z', FILES);
    const read = jest.spyOn(store, 'report');
    const synth = () => writeSynthReports({ dir, sources: [], engine: {} as EngineRun, acknowledgements: [], generatedAt: '2026-12-06T00:00:00.000Z', reuse: { store, key: 'key' } });
    const expected = { written: [...FILES.keys()].map((f) => path.join(dir, f)), generatedAt: '2026-04-01T00:00:00.000Z', reused: true };
    expect(synth()).toEqual(expected);
    expect(read).toHaveBeenCalledTimes(1);
    const first = fs.statSync(path.join(dir, 'tier-separation.ja.md'), { bigint: true });
    // The files were noted in the same clock tick as they were written (racy): the next synth compares them byte
    // for byte, finds them identical, leaves them as they are and notes them again.
    tick();
    expect(synth()).toEqual(expected);
    const reads = read.mock.calls.length;
    const second = fs.statSync(path.join(dir, 'tier-separation.ja.md'), { bigint: true });
    expect([second.ino, second.ctimeNs]).toEqual([first.ino, first.ctimeNs]);
    tick();
    const untouchedBefore = reportFilesOnDiskStats.untouched;
    expect(synth()).toEqual(expected);
    expect(read).toHaveBeenCalledTimes(reads);
    expect(reportFilesOnDiskStats.untouched).toBe(untouchedBefore + 1);
    fs.writeFileSync(path.join(dir, 'tier-separation.ja.md'), 'edited by hand\n');
    expect(synth()).toEqual(expected);
    expect(read).toHaveBeenCalledTimes(reads + 1);
    expect(fs.readFileSync(path.join(dir, 'tier-separation.ja.md'), 'utf8')).toBe(FILES.get('tier-separation.ja.md'));
  });
});
