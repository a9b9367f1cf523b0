/** computePlan: the difference between roster and account, one kind of action per case. */
import { ObservedWorkspace } from '../../../lib/roster/aws/observed-workspace';
import { computePlan, countByKind } from '../../../lib/roster/plan/roster-plan';
import { renderPlan } from '../../../lib/roster/plan/render-plan';
import { Tier } from '../../../lib/tiers/tier';
import { BUNDLE, INTERNET_DIR, LGWAN_DIR, entry } from '../apply/roster-harness';

const tiers = new Map<string, Tier>([[LGWAN_DIR, 'lgwan'], [INTERNET_DIR, 'internet']]);
let n = 0;
function ws(userName: string, extra: Partial<ObservedWorkspace> = {}): ObservedWorkspace {
  return { workspaceId: `ws-${++n}`, directoryId: LGWAN_DIR, userName, bundleId: BUNDLE, state: 'AVAILABLE', runningMode: 'AUTO_STOP', tags: { 'mic:tier': 'lgwan', 'mic:running-mode': 'AUTO_STOP' }, ...extra };
}

describe('computePlan', () => {
  it('keeps a matching WorkSpace (user names compared case-insensitively) and creates a missing one', () => {
    const plan = computePlan([entry('tanaka'), entry('sato')], [ws('TANAKA')], tiers);
    expect(plan.actions.map((a) => a.kind)).toEqual(['keep', 'create']);
  });

  it('modifies running mode and a missing or wrong tier tag; shows a bundle change as not applied', () => {
    const plan = computePlan([entry('a'), entry('b'), entry('c')], [ws('a', { runningMode: 'ALWAYS_ON' }), ws('b', { tags: { 'mic:tier': 'internet', 'mic:running-mode': 'AUTO_STOP' } }), ws('c', { bundleId: 'wsb-other0001' })], tiers);
    const changes = plan.actions.map((a) => (a.kind === 'modify' ? a.changes.map((c) => `${c.field}:${c.from}->${c.to}:${c.applied}`) : a.kind));
    expect(changes).toEqual([['runningMode:ALWAYS_ON->AUTO_STOP:true'], ['tierTag:internet->lgwan:true'], [`bundle:wsb-other0001->${BUNDLE}:false`]]);
  });

  it('records the roster\'s running mode on the desktop (the declaration audit accepts 常時稼働 by)', () => {
    const plan = computePlan([entry('a')], [ws('a', { tags: { 'mic:tier': 'lgwan' } })], tiers);
    expect(plan.actions[0].kind === 'modify' && plan.actions[0].changes.map((c) => `${c.field}:${c.from}->${c.to}`)).toEqual(['modeTag:(none)->AUTO_STOP']);
  });

  it('is a conflict, never a guess, when a user has two WorkSpaces or one in ERROR', () => {
    const plan = computePlan([entry('dup'), entry('err')], [ws('dup'), ws('dup'), ws('err', { state: 'ERROR', errorCode: 'X' })], tiers);
    expect(plan.actions.map((a) => [a.kind, a.kind === 'conflict' ? a.reason : ''])).toEqual([
      ['conflict', expect.stringMatching(/^2 distinct WorkSpaces for one user/)],
      ['conflict', expect.stringMatching(/is in ERROR \(X\)/)],
    ]);
  });

  it('terminates only in managed directories, and ignores terminated WorkSpaces', () => {
    const plan = computePlan([entry('stay')], [ws('stay'), ws('leaver'), ws('gone', { state: 'TERMINATED' }), ws('other', { directoryId: 'd-9999999999' })], tiers);
    expect(plan.actions.filter((a) => a.kind === 'terminate').map((a) => (a.kind === 'terminate' ? a.workspace.userName : ''))).toEqual(['leaver']);
    expect(countByKind(plan)).toEqual({ create: 0, keep: 1, modify: 0, terminate: 1, conflict: 0 });
    expect(renderPlan(plan)).toContain('0 to create, 1 to keep, 0 to modify, 1 to terminate, 0 conflict(s)');
  });
});
