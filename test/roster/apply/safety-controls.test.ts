/**
 * The safety mechanisms of `roster apply`, each shown to matter: switch one off (a one-line change of an
 * option) and the duplicate it prevents appears; keep it on and it does not. This is also the proof that
 * the fault-schedule invariants can fail.
 */
import * as fs from 'fs';
import { start } from '../../support/workspaces-api';
import { ApplyJournal } from '../../../lib/roster/apply/apply-journal';
import { LGWAN_DIR, INTERNET_DIR, entry, invariantViolations, runApply, steppingClock, tempJournal } from './roster-harness';

const users = Array.from({ length: 30 }, (_, i) => entry(`s${i}`, 'lgwan', i + 2));

describe('consistency window after an ambiguous CreateWorkspaces (processed, then 500)', () => {
  const faults = { seed: 5, serverErrorAfterProcessingRate: 1, invisibleRate: 1, invisibleDescribes: { min: 3, max: 3 }, operations: ['CreateWorkspaces'] };

  it('with the window: no duplicates, the users are adopted once visible', async () => {
    const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR], faults });
    try {
      const res = await runApply(api, users, tempJournal());
      expect(invariantViolations(api, users, true)).toEqual([]);
      expect(res.report?.exitCode).toBe(0);
      expect(api.state.calls.get('CreateWorkspaces')).toBe(2); // one call per batch, never resent
    } finally {
      await api.close();
    }
  });

  it('without it (checks 0, window 0) the same schedule creates duplicates — the invariant catches them', async () => {
    const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR], faults });
    try {
      await runApply(api, users, tempJournal(), { consistency: { checks: 0, windowMs: 0 } });
      expect(invariantViolations(api, users, false).filter((p) => p.startsWith('duplicate'))).not.toEqual([]);
    } finally {
      await api.close();
    }
  });
});

describe('journal across a crash mid-CreateWorkspaces', () => {
  const faults = { seed: 9, crash: { calls: 1 }, invisibleRate: 1, invisibleDescribes: { min: 3, max: 3 } };

  it('the re-run waits for the in-doubt users instead of re-creating them', async () => {
    const abort = new AbortController();
    const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR], faults, onCrash: () => abort.abort() });
    try {
      const journal = tempJournal();
      const first = await runApply(api, users, journal, { signal: abort.signal });
      expect(first.error?.name).toBe('AbortError');
      expect(ApplyJournal.open(journal).state().uncertainSince.size).toBe(25); // the crashed batch is in doubt
      const second = await runApply(api, users, journal);
      expect(second.report?.exitCode).toBe(0);
      expect(invariantViolations(api, users, true)).toEqual([]);
      expect(fs.existsSync(journal)).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('without the journal the re-run duplicates the crashed batch', async () => {
    const abort = new AbortController();
    const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR], faults, onCrash: () => abort.abort() });
    try {
      await runApply(api, users, tempJournal(), { signal: abort.signal });
      await runApply(api, users, tempJournal()); // a fresh journal: as if the file had been deleted
      expect(invariantViolations(api, users, false).filter((p) => p.startsWith('duplicate')).length).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  });
});

describe('re-check before each batch', () => {
  it('adopts a WorkSpace someone created after the plan instead of creating a second one', async () => {
    const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR] });
    try {
      let injected = false;
      // Between the plan's listing and the first CreateWorkspaces, another operator creates s27's WorkSpace.
      const original = api.state.calls.set.bind(api.state.calls);
      api.state.calls.set = (op: string, n: number) => {
        if (op === 'DescribeWorkspaces' && n === 2 && !injected) {
          injected = true;
          api.state.seedWorkspace({ DirectoryId: LGWAN_DIR, UserName: 's27' });
        }
        return original(op, n);
      };
      // A listing may serve as the re-check for at most this long: 0 = a fresh Describe before every batch.
      const res = await runApply(api, users, tempJournal(), { recheckMaxAgeMs: 0 });
      expect(injected).toBe(true);
      expect(invariantViolations(api, users, true)).toEqual([]);
      expect(res.report?.counts.created).toBe(30);
    } finally {
      await api.close();
    }
  });

  it('with the default listing age (the plan\'s listing serves as the re-check for 30 s) the same injection ends as a conflict, exit 1 — never "complete"', async () => {
    const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR] });
    try {
      let injected = false;
      const original = api.state.calls.set.bind(api.state.calls);
      api.state.calls.set = (op: string, n: number) => {
        if (op === 'CreateWorkspaces' && !injected) {
          injected = true;
          api.state.seedWorkspace({ DirectoryId: LGWAN_DIR, UserName: 's27' });
        }
        return original(op, n);
      };
      // The plan's listing must still be younger than the default 30 s when the last batch is re-checked. On
      // the wall clock that held only while the machine kept up (it failed once at load 29); on a clock that
      // moves only when the run reads it, the listing's age is what the run itself did.
      const res = await runApply(api, users, tempJournal(), { now: steppingClock() });
      expect(injected).toBe(true);
      expect(res.report?.exitCode).toBe(1);
      expect(res.report?.outcomes.find((o) => o.userName === 's27')).toMatchObject({ outcome: 'conflict', detail: expect.stringMatching(/2 distinct WorkSpaces for one user.*found when the directory was listed again/) });
    } finally {
      await api.close();
    }
  });

  it('never terminates a rostered user even with terminate on, and terminates leavers', async () => {
    const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR] });
    try {
      for (const u of users.slice(0, 10)) api.state.seedWorkspace({ DirectoryId: u.directoryId, UserName: u.userName.toUpperCase(), tags: [{ Key: 'mic:tier', Value: 'lgwan' }, { Key: 'mic:running-mode', Value: 'AUTO_STOP' }] });
      api.state.seedWorkspace({ DirectoryId: LGWAN_DIR, UserName: 'gone' });
      const res = await runApply(api, users, tempJournal(), { terminate: true });
      expect(res.report?.counts).toMatchObject({ terminated: 1, kept: 10, created: 20 });
      expect(invariantViolations(api, users, true)).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
