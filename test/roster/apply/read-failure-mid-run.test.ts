/**
 * When Describe keeps failing after the SDK's retries in the middle of an apply, the run stops and
 * reports instead of guessing: users not yet settled are failed (never sent) or unconfirmed (sent), the
 * exit code is partial/total, and a later run completes without duplicates.
 */
import { start } from '../../support/workspaces-api';
import { INTERNET_DIR, LGWAN_DIR, entry, invariantViolations, runApply, tempJournal } from './roster-harness';

it('stops with a report when the API fails mid-run, and a re-run completes without duplicates', async () => {
  const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR], faults: { seed: 1, operations: ['DescribeWorkspaces'] } });
  try {
    const users = Array.from({ length: 40 }, (_, i) => entry(`m${i}`));
    const journal = tempJournal();
    // After the plan's listings, every DescribeWorkspaces answers 500: the re-check of the first batch fails.
    let describes = 0;
    const calls = api.state.calls;
    const set = calls.set.bind(calls);
    calls.set = (op: string, value: number) => {
      if (op === 'DescribeWorkspaces' && ++describes === 3) api.faults.schedule!.serverErrorRate = 1;
      return set(op, value);
    };
    // recheckMaxAgeMs 0: the first batch is re-checked afresh, so the failure comes before anything is sent.
    const first = await runApply(api, users, journal, { recheckMaxAgeMs: 0 });
    if (first.error) throw first.error;
    expect(first.report?.exitCode).toBe(3);
    expect(first.report?.counts.failed).toBe(40);
    expect(first.report?.outcomes[0].detail).toMatch(/^run stopped: InternalFailure|^run stopped: ServiceUnavailable/);
    expect(invariantViolations(api, users, false)).toEqual([]);
    api.faults.schedule!.serverErrorRate = 0;
    const second = await runApply(api, users, journal);
    expect(second.report?.exitCode).toBe(0);
    expect(invariantViolations(api, users, true)).toEqual([]);
  } finally {
    await api.close();
  }
});

it('when Describe fails while waiting, desktops AWS accepted are unconfirmed (exit 1), never failed or re-created', async () => {
  const api = await start({ directories: [LGWAN_DIR, INTERNET_DIR], faults: { seed: 1, operations: ['DescribeWorkspaces'] } });
  try {
    const users = Array.from({ length: 40 }, (_, i) => entry(`w${i}`));
    const journal = tempJournal();
    let describes = 0;
    const calls = api.state.calls;
    const set = calls.set.bind(calls);
    calls.set = (op: string, value: number) => {
      if (op === 'DescribeWorkspaces' && ++describes === 3) api.faults.schedule!.serverErrorRate = 1;
      return set(op, value);
    };
    const first = await runApply(api, users, journal);
    if (first.error) throw first.error;
    expect(first.report?.counts.unconfirmed).toBe(40);
    expect(first.report?.exitCode).toBe(1);
    api.faults.schedule!.serverErrorRate = 0;
    const second = await runApply(api, users, journal);
    expect(second.report?.exitCode).toBe(0);
    expect(api.state.calls.get('CreateWorkspaces')).toBe(2); // the first run's two batches, never again
    expect(invariantViolations(api, users, true)).toEqual([]);
  } finally {
    await api.close();
  }
});
