/**
 * verify side by side, the merge: the whole input's flow order, witnesses and sanctioned flows rebuilt from the
 * parts' order tags as one model's walk would have kept them (lib/model/reachability/flow-judge.ts), and every
 * case it declines. Each case below is one a naive merge (concatenating parts, or taking each part's own first
 * witness) gets wrong.
 */
import { mergeParts } from '../../../lib/cli/verify-parts/merge';
import type { FlowSummary, PartResult } from '../../../lib/cli/verify-parts/part-result';
import type { Flow } from '../../../lib/model/reachability';
import { STANDING_LIMITS } from '../../../lib/model/coverage-note';
import type { OrderTag } from '../../../lib/model/facts/insertion-order';

const standing = STANDING_LIMITS.map((limit) => ({ key: 'standing' as const, limit }));

function part(over: Partial<PartResult> = {}): PartResult {
  return {
    findings: 0, complete: true, resources: 10, networkResources: 2, coverage: [...standing],
    gates: { hubMembership: false, municipalities: [], hubVpcs: false, edges: [], endpointServices: [], relayServices: [] },
    flows: [], candidates: [], sanctioned: [], screen: [{ tier: 'internet' }, { tier: 'lgwan' }, { tier: 'personal-number' }],
    ...over,
  };
}

/** A flow whose witness names where it came from. */
function flow(label: string, status: Flow['status'], fromClass = 'on-prem:internet', toClass = 'internet'): Flow {
  const ref = { stack: label, logicalId: label, type: 'AWS::EC2::VPNConnection' };
  return {
    from: { id: 'x', kind: 'on-prem', addresses: [], name: { kind: 'internet' } }, to: { id: 'internet', kind: 'internet', addresses: [], name: { kind: 'internet' } },
    fromClass, toClass, status, hops: [{ layer: 'entry', resource: ref, step: { kind: 'from-internet' } }], blockedBy: status === 'open' ? [] : ['nacl'], destinations: label,
  } as unknown as Flow;
}

const summary = (key: string, f: Flow, first: OrderTag, kept: OrderTag = first): FlowSummary => ({ key, fromClass: f.fromClass, toClass: f.toClass, status: f.status, first, kept });
const cell = (m: ReturnType<typeof mergeParts>, from: string, to: string) => ('merged' in m ? m.merged.matrix.find((c) => c.from === from && c.to === to)! : undefined);

describe('flows found in both parts (the internet, a tier\'s on-premises network: places of the whole input)', () => {
  const shared = 'on-prem:internet→internet';
  test('filtered in the earlier part, open in the later: the key stands where it was first found, with the open witness', () => {
    const a = flow('A', 'filtered');
    const b = flow('B', 'open');
    const m = mergeParts([
      part({ flows: [summary(shared, a, [1, 'a'])], candidates: [[shared, a]] }),
      part({ flows: [summary(shared, b, [1, 'b'])], candidates: [[shared, b]] }),
    ]);
    expect(cell(m, 'on-prem:internet', 'internet')).toMatchObject({ reachable: true, routeConnected: true, witness: b.hops, blockedBy: [] });
  });
  test('open in both: the earlier witness (the later part\'s walk is skipped once the key is open)', () => {
    const a = flow('A', 'open');
    const b = flow('B', 'open');
    const m = mergeParts([
      part({ flows: [summary(shared, a, [2, 'a'])], candidates: [[shared, a]] }),
      part({ flows: [summary(shared, b, [1, 'b'])], candidates: [[shared, b]] }),
    ]);
    expect(cell(m, 'on-prem:internet', 'internet')!.witness).toBe(b.hops);
  });
  test('filtered in both: the first filtered witness', () => {
    const a = flow('A', 'filtered');
    const b = flow('B', 'filtered');
    const m = mergeParts([
      part({ flows: [summary(shared, a, [1, 'b', 0])], candidates: [[shared, a]] }),
      part({ flows: [summary(shared, b, [1, 'a', 5])], candidates: [[shared, b]] }),
    ]);
    expect(cell(m, 'on-prem:internet', 'internet')).toMatchObject({ reachable: false, routeConnected: true, witness: b.hops });
  });
  test('a part\'s first open flow of a pair is not the whole\'s when another part found an open one earlier', () => {
    const a = flow('A', 'open', 'tier:internet', 'internet');
    const b = flow('B', 'open', 'tier:internet', 'internet');
    const m = mergeParts([
      part({ flows: [summary('vpc:a::V→internet', a, [1, 'a::S'])], candidates: [['vpc:a::V→internet', a]] }),
      part({ flows: [summary('vpc:0::V→internet', b, [1, '0::S'])], candidates: [['vpc:0::V→internet', b]] }),
    ]);
    expect(cell(m, 'tier:internet', 'internet')!.witness).toBe(b.hops);
  });
});

describe('sanctioned flows', () => {
  const key = 'on-prem:lgwan→internet';
  const open = flow('open', 'open', 'on-prem:lgwan', 'internet');
  test('a part\'s sanctioned flow stands unless another part found its key open before it; listed in walk order', () => {
    const s0 = flow('s0', 'open', 'on-prem:lgwan', 'internet');
    const s1 = flow('s1', 'open', 'tier:lgwan', 'internet');
    const m = mergeParts([
      part({ flows: [summary(key, open, [1, 'b'])], candidates: [[key, open]], sanctioned: [{ key: 'vpc:a→internet', tag: [1, 'c'], flow: s1 }] }),
      part({ sanctioned: [{ key, tag: [1, 'c'], flow: s0 }] }),
    ]);
    // s0's key was open at [1, 'b'], before s0 at [1, 'c']: the whole's walk never judged it.
    expect('merged' in m && m.merged.sanctionedFlows).toEqual([s1]);
    const before = mergeParts([
      part({ flows: [summary(key, open, [1, 'b'])], candidates: [[key, open]], sanctioned: [{ key: 'vpc:a→internet', tag: [1, 'c'], flow: s1 }] }),
      part({ sanctioned: [{ key, tag: [1, 'a'], flow: s0 }] }),
    ]);
    expect('merged' in before && before.merged.sanctionedFlows).toEqual([s0, s1]);
  });
});

describe('screen-transfer cells (telework → own tier by the desktop streaming, no packet path)', () => {
  test('the first desktop entry and the first Client VPN of the whole input, whichever part holds them', () => {
    const ref = (id: string) => ({ stack: id, logicalId: id, type: 'AWS::WorkSpaces::Workspace' });
    const m = mergeParts([
      part({ screen: [{ tier: 'internet' }, { tier: 'lgwan', entry: { tag: [3, 'b'], ref: ref('WsB') }, vpn: { tag: [2, 'a'], endpoint: 'CvpnA', authentication: ['certificate-authentication'] } }, { tier: 'personal-number' }] }),
      part({ screen: [{ tier: 'internet' }, { tier: 'lgwan', entry: { tag: [3, 'a'], ref: ref('WsA') }, streaming: [3, 'z'] }, { tier: 'personal-number' }] }),
    ]);
    expect(cell(m, 'telework:lgwan', 'tier:lgwan')).toEqual({
      from: 'telework:lgwan', to: 'tier:lgwan', reachable: true, routeConnected: false, blockedBy: [], via: 'desktop-streaming',
      witness: [{ layer: 'entry', resource: ref('WsA'), step: { kind: 'screen-transfer', entry: 'WsA', arrival: 'streaming-endpoint', clientVpn: { endpoint: 'CvpnA', authentication: ['certificate-authentication'] } } }],
    });
  });
});

describe('what the merge declines (the whole input is then judged as one model)', () => {
  test.each([
    ['any finding', [part({ findings: 1 }), part()], 'findings'],
    ['an incomplete order tag', [part({ complete: false }), part()], 'order tags incomplete'],
    ['a hub in one part only (HUB-BYPASS judges every municipality once a hub exists)', [part({ gates: { ...part().gates, hubMembership: true, hubVpcs: true } }), part({ gates: { ...part().gates, municipalities: ['x', 'y'] } })], 'a prefecture hub in the whole, not in a part'],
    ['one municipality per part, two in the whole', [part({ gates: { ...part().gates, municipalities: ['x'] } }), part({ gates: { ...part().gates, municipalities: ['y'] } })], 'several municipalities in the whole, not in a part'],
    ['an internet-tier and an LGWAN customer gateway at one address, in two parts (TIER-JOIN-EDGE in the whole only)', [part({ gates: { ...part().gates, edges: [['cgw-ip:203.0.113.10', ['internet']]] } }), part({ gates: { ...part().gates, edges: [['cgw-ip:203.0.113.10', ['lgwan']]] } })], 'an on-premises edge of two tiers across parts'],
    ['a tier\'s endpoint to API Gateway in one part, a private API relaying to the internet in the other (SERVICE-RELAY in the whole only)', [part({ gates: { ...part().gates, endpointServices: ['execute-api'] } }), part({ gates: { ...part().gates, relayServices: ['execute-api'] } })], 'an endpoint and a relay of one service in two parts'],
    ['a coverage note only the whole would write once (a duplicate export)', [part({ coverage: [{ key: 'duplicate-export', name: 'x' }, ...standing] }), part()], 'coverage notes'],
  ])('%s', (_, parts, why) => {
    expect(mergeParts(parts as PartResult[])).toEqual({ whole: why });
  });
  test('a flow key of a part\'s own network in two parts', () => {
    const f = flow('A', 'open', 'tier:internet', 'internet');
    expect(mergeParts([part({ flows: [summary('vpc:x→internet', f, [1])], candidates: [['vpc:x→internet', f]] }), part({ flows: [summary('vpc:x→internet', f, [2])], candidates: [['vpc:x→internet', f]] })])).toEqual({ whole: 'flow vpc:x→internet in two parts' });
  });
  test('one edge of one tier in both parts (every municipality\'s LGWAN tunnels to one address) is merged', () => {
    expect('merged' in mergeParts([part({ gates: { ...part().gates, edges: [['cgw-ip:203.0.113.20', ['lgwan']]] } }), part({ gates: { ...part().gates, edges: [['cgw-ip:203.0.113.20', ['lgwan']]] } })])).toBe(true);
  });
  test('one municipality in each part with the same name is still one municipality: merged', () => {
    expect('merged' in mergeParts([part({ gates: { ...part().gates, municipalities: ['x'] } }), part({ gates: { ...part().gates, municipalities: ['x'] } })])).toBe(true);
  });
  test('the package\'s custom resources are noted once each, sorted, and the WorkSpaces group once', () => {
    const pkg = (type: string) => ({ key: 'package-custom-resource' as const, type, does: 'ad-connector' as const });
    const ws = { key: 'workspaces-security-group' as const };
    const m = mergeParts([part({ coverage: [...standing, pkg('Custom::B'), ws] }), part({ coverage: [...standing, pkg('Custom::A'), pkg('Custom::B')] })]);
    expect('merged' in m && m.merged.coverage).toEqual([...standing, pkg('Custom::A'), pkg('Custom::B'), ws]);
  });
});
