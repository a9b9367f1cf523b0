/** The apply journal: what a crashed run leaves is read back correctly; corruption is an error. */
import * as fs from 'fs';
import { ApplyJournal } from '../../../lib/roster/apply/apply-journal';
import { tempJournal } from './roster-harness';

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
