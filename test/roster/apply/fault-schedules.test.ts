/**
 * ≥ 200 seeded fault schedules against the local WorkSpaces server with the real SDK client. After every
 * run — including runs cut off by a simulated crash — no user has two WorkSpaces and no rostered user's
 * WorkSpace was terminated; after the operator's re-runs (until `apply` exits 0) every roster user has
 * exactly one WorkSpace. The seed is in each failure message: replay with the same seed.
 */
import { RETRYABLE_PARTIAL_FAILURE_CODES, FaultSchedule, RunningServer, start } from '../../support/workspaces-api';
import { SeededRandom } from '../../support/workspaces-api/seeded-random';
import { INTERNET_DIR, LGWAN_DIR, entry, invariantViolations, runApply, tempJournal } from './roster-harness';

type Family = 'throttling' | 'server-errors' | 'timeouts' | 'partial-failures' | 'eventual-consistency' | 'crash' | 'everything';
const FAMILIES: Family[] = ['throttling', 'server-errors', 'timeouts', 'partial-failures', 'eventual-consistency', 'crash', 'everything'];

function scheduleFor(family: Family, seed: number): FaultSchedule {
  const r = new SeededRandom(seed * 7919);
  const p = (max: number) => Math.round(r.next() * max * 100) / 100;
  switch (family) {
    case 'throttling':
      return { seed, throttleRate: 0.1 + p(0.4) };
    case 'server-errors':
      return { seed, serverErrorRate: p(0.3), serverErrorAfterProcessingRate: 0.05 + p(0.3) };
    case 'timeouts':
      return { seed, timeoutRate: p(0.05), timeoutAfterProcessingRate: 0.03 + p(0.1) };
    case 'partial-failures':
      return { seed, partialFailureRate: 0.1 + p(0.4), partialFailureCodes: RETRYABLE_PARTIAL_FAILURE_CODES };
    case 'eventual-consistency':
      return { seed, invisibleRate: 0.3 + p(0.7), invisibleDescribes: { min: 1, max: 3 }, serverErrorAfterProcessingRate: p(0.2), operations: ['CreateWorkspaces'] };
    case 'crash':
      return { seed, crash: { calls: 1 + r.int(0, 2) }, invisibleRate: p(1), invisibleDescribes: { min: 1, max: 3 } };
    case 'everything':
      return {
        seed,
        throttleRate: p(0.15),
        serverErrorRate: p(0.1),
        serverErrorAfterProcessingRate: p(0.1),
        timeoutRate: p(0.02),
        timeoutAfterProcessingRate: p(0.03),
        partialFailureRate: p(0.2),
        invisibleRate: p(0.8),
        invisibleDescribes: { min: 1, max: 3 },
        ...(r.chance(0.3) ? { crash: { calls: 1 + r.int(0, 2) } } : {}),
      };
  }
}

const SCHEDULES = 210;

describe('roster apply under seeded fault schedules (real SDK, local server)', () => {
  const cases = Array.from({ length: SCHEDULES }, (_, i) => ({ seed: 1000 + i, family: FAMILIES[i % FAMILIES.length] }));

  it.each(cases)('seed $seed ($family): one WorkSpace per roster user, no duplicates, no rostered user terminated', async ({ seed, family }) => {
    const r = new SeededRandom(seed);
    // 8–34 users: one or two batches of 25, small enough that 200+ schedules run in about a minute.
    const userCount = 8 + r.int(0, 26);
    const entries = Array.from({ length: userCount }, (_, i) => entry(`u${seed}x${i}`, r.chance(0.5) ? 'lgwan' : 'internet', i + 2));
    let abort = new AbortController();
    const api: RunningServer = await start({
      directories: [LGWAN_DIR, INTERNET_DIR],
      provisionDelayMs: r.int(0, 5),
      faults: scheduleFor(family, seed),
      onCrash: () => abort.abort(),
    });
    try {
      // Some roster users already have a WorkSpace; some leavers exist (terminated only with --terminate).
      for (const e of entries.slice(0, r.int(0, 5))) api.state.seedWorkspace({ DirectoryId: e.directoryId, UserName: e.userName, tags: [{ Key: 'mic:tier', Value: e.tier }] });
      const leavers = r.int(0, 3);
      for (let i = 0; i < leavers; i++) api.state.seedWorkspace({ DirectoryId: LGWAN_DIR, UserName: `leaver${i}` });
      const terminate = r.chance(0.5);
      const journal = tempJournal();
      const log: string[] = [];
      let last: number | undefined;
      for (let run = 0; run < 8 && last !== 0; run++) {
        const res = await runApply(api, entries, journal, { signal: abort.signal, terminate });
        abort = new AbortController();
        last = res.report?.exitCode;
        log.push(res.error ? `run ${run}: ${res.error.name} ${res.error.message}` : `run ${run}: exit ${last} ${JSON.stringify(res.report!.counts)}`);
        const mid = invariantViolations(api, entries, false);
        if (mid.length) throw new Error(`seed ${seed} (${family}) after run ${run}: ${mid.join('; ')}\n${log.join('\n')}`);
      }
      const final = invariantViolations(api, entries, true);
      if (final.length || last !== 0) throw new Error(`seed ${seed} (${family}): exit ${last}; ${final.join('; ')}\n${log.join('\n')}`);
      const live = api.state.liveWorkspaces();
      expect(live.filter((w) => w.UserName.startsWith('leaver'))).toHaveLength(terminate ? 0 : leavers);
      // Every WorkSpace the tool created carries its tier tag.
      for (const e of entries) {
        const ws = live.find((w) => w.DirectoryId === e.directoryId && w.UserName === e.userName)!;
        expect(ws.tags).toContainEqual({ Key: 'mic:tier', Value: e.tier });
      }
    } finally {
      await api.close();
    }
  });
});
