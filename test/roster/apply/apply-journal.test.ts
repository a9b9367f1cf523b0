/** The apply journal: what a crashed run leaves is read back correctly; corruption is an error. */
import * as fs from 'fs';
import * as path from 'path';
import { ApplyJournal } from '../../../lib/roster/apply/apply-journal';
import { journalPathFor } from '../../../lib/roster/apply/journal-location';
import { tempJournal } from './roster-harness';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('apply-journal-');

describe('ApplyJournal', () => {
  it('reads back the last record per user: attempt → uncertain, created → id, not-created → nothing', () => {
    const file = tempJournal();
    const j = ApplyJournal.open(file);
    j.record([{ t: 'attempt', key: 'd/a', at: 1 }, { t: 'attempt', key: 'd/b', at: 2 }, { t: 'attempt', key: 'd/c', at: 3 }]);
    j.record([{ t: 'created', key: 'd/b', at: 4, workspaceId: 'ws-b' }, { t: 'not-created', key: 'd/c', at: 5 }]);
    j.close();
    const state = ApplyJournal.open(file).state();
    expect([...state.uncertainSince]).toEqual([['d/a', 1]]);
    expect([...state.createdIds]).toEqual([['d/b', 'ws-b']]);
  });

  it('tolerates a torn last line (a crash mid-write) but refuses a corrupt middle', () => {
    const file = tempJournal();
    fs.writeFileSync(file, '{"t":"attempt","key":"d/a","at":1}\n{"t":"crea');
    expect([...ApplyJournal.open(file).state().uncertainSince.keys()]).toEqual(['d/a']);
    fs.writeFileSync(file, 'garbage\n{"t":"attempt","key":"d/a","at":1}\n');
    expect(() => ApplyJournal.open(file)).toThrow(/:1: the apply journal is corrupt/);
  });

  it('compacts to the users still in doubt and deletes itself when none are', () => {
    const file = tempJournal();
    const j = ApplyJournal.open(file);
    j.record([{ t: 'attempt', key: 'd/a', at: 1 }, { t: 'attempt', key: 'd/b', at: 2 }]);
    j.compact(new Set(['d/b']));
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toEqual(['{"t":"attempt","key":"d/b","at":2}']);
    ApplyJournal.open(file).compact(new Set());
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('ApplyJournal per directory', () => {
  const dirs = () => {
    const root = tmp.dir('journal-dirs-');
    return new Map([['d-1111111111', journalPathFor(root, 'ap-northeast-1', 'd-1111111111')], ['d-2222222222', journalPathFor(root, 'ap-northeast-1', 'd-2222222222')]]);
  };

  it('writes each record to its directory\'s file and reads them back whatever the roster is called', () => {
    const paths = dirs();
    for (const p of paths.values()) fs.mkdirSync(path.dirname(p), { recursive: true });
    const j = ApplyJournal.openPerDirectory(paths);
    j.record([{ t: 'attempt', key: 'd-1111111111/a', at: 1 }, { t: 'attempt', key: 'd-2222222222/b', at: 2 }]);
    j.close();
    expect(fs.readFileSync(paths.get('d-1111111111')!, 'utf8')).toContain('"d-1111111111/a"');
    expect(fs.readFileSync(paths.get('d-2222222222')!, 'utf8')).not.toContain('d-1111111111');
    expect([...ApplyJournal.openPerDirectory(paths).state().uncertainSince.keys()].sort()).toEqual(['d-1111111111/a', 'd-2222222222/b']);
    expect(() => ApplyJournal.openPerDirectory(paths).record([{ t: 'attempt', key: 'd-9999999999/c', at: 3 }])).toThrow(/no apply journal for directory d-9999999999/);
  });

  it('takes over a journal an older version left beside the roster, and removes it', () => {
    const paths = dirs();
    for (const p of paths.values()) fs.mkdirSync(path.dirname(p), { recursive: true });
    const legacy = tempJournal();
    fs.writeFileSync(legacy, '{"t":"attempt","key":"d-1111111111/a","at":1}\n{"t":"created","key":"d-2222222222/b","at":2,"workspaceId":"ws-b"}\n');
    const j = ApplyJournal.openPerDirectory(paths);
    expect(j.importLegacy(legacy, (k) => paths.has(k.split('/')[0]))).toEqual({ moved: 2, kept: 0 });
    expect(fs.existsSync(legacy)).toBe(false);
    j.close();
    const state = ApplyJournal.openPerDirectory(paths).state();
    expect([...state.uncertainSince.keys()]).toEqual(['d-1111111111/a']);
    expect([...state.createdIds]).toEqual([['d-2222222222/b', 'ws-b']]);
  });

  it('keys journals by Region and directory, never letting a value climb out of the state folder', () => {
    expect(journalPathFor('/s', 'ap-northeast-1', 'd-1111111111')).toBe(path.join('/s', 'apply-journals', 'ap-northeast-1', 'd-1111111111.jsonl'));
    expect(() => journalPathFor('/s', '../etc', 'd-1111111111')).toThrow(/cannot key the apply journal by Region/);
  });
});
