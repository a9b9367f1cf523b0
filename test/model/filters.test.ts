/**
 * The filter layer on its own (lib/model/reachability/filters.ts): NACLs and security groups on both sides of a
 * path, judged for "is there ANY packet all of them let through?". Each test pins one behaviour a bug could
 * break — rule order, the default and implicit NACL decisions, protocol and port edges, address families,
 * group references, sanctioned channels, the witness and the explanation of a block — with hand-built facts,
 * so a failure names the filter behaviour and not a whole city. Written against the survivors of the mutation
 * run (tools/mutation, docs/verify.md "Mutation testing").
 */
import { contains, formatAddress, parseCidr, setOf, union, type IntervalSet } from '../../lib/cidr/address-sets';
import { evaluateFilters, explainBlocked, findPacket, type FilterQuery, type FilterResult } from '../../lib/model/reachability/filters';
import type { NaclEntryFact, NaclFact, SgFact, SgRuleFact } from '../../lib/model/facts/types';

const c = (s: string) => parseCidr(s)!;
const set = (...cidrs: string[]): IntervalSet => setOf(cidrs.map(c));
const addr = (a: string): bigint => c(`${a}/${a.includes(':') ? 128 : 32}`).lo;
const ref = (logicalId: string, type = 'AWS::EC2::NetworkAclEntry') => ({ stack: 'S', logicalId, type });

type EntryOpts = { protocol?: number; ports?: { from: number; to: number } };
const entry = (ruleNumber: number, egress: boolean, allow: boolean, cidr: string, o: EntryOpts = {}): NaclEntryFact => ({
  ref: ref(`E${ruleNumber}`), ruleNumber, egress, allow, protocol: o.protocol ?? -1, ...(o.ports ? { ports: o.ports } : {}), cidr: set(cidr), cidrText: c(cidr).text,
});
const nacl = (...entries: NaclEntryFact[]): NaclFact => ({ key: 'S::Nacl', ref: ref('Nacl', 'AWS::EC2::NetworkAcl'), presence: 'present', vpc: 'S::Vpc', isDefault: false, entries });
const DEFAULT_NACL: NaclFact = { key: 'S::Vpc#defaultNacl', ref: ref('Vpc', 'AWS::EC2::VPC'), presence: 'present', vpc: 'S::Vpc', isDefault: true, entries: [] };

type RuleOpts = { protocol?: number; ports?: { from: number; to: number } };
const toCidr = (cidr: string, o: RuleOpts = {}): SgRuleFact => ({ ref: ref('R', 'AWS::EC2::SecurityGroup'), protocol: o.protocol ?? -1, ...(o.ports ? { ports: o.ports } : {}), cidr: set(cidr), peerText: cidr });
const toGroup = (group: string, o: RuleOpts = {}): SgRuleFact => ({ ref: ref('R', 'AWS::EC2::SecurityGroup'), protocol: o.protocol ?? -1, ...(o.ports ? { ports: o.ports } : {}), group, peerText: group });
const sg = (name: string, ingress: SgRuleFact[], egress: SgRuleFact[] = [toCidr('0.0.0.0/0'), toCidr('::/0')]): SgFact => ({
  key: `S::${name}`, ref: ref(name, 'AWS::EC2::SecurityGroup'), presence: 'present', vpc: 'S::Vpc', isDefault: false, ingress, egress,
});
const OPEN = (name = 'Open'): SgFact => sg(name, [toCidr('0.0.0.0/0'), toCidr('::/0')]);

const SRC = set('10.1.0.0/24');
const DST = set('10.9.0.0/24');

/** Judges a query and checks what every passing verdict must hold: a packet inside the given addresses. */
function judge(q: Partial<FilterQuery>): FilterResult {
  const query: FilterQuery = { srcAddrs: SRC, dstAddrs: DST, ...q };
  const r = evaluateFilters(query);
  if (r.pass) {
    expect(contains(query.srcAddrs, r.packet!.src)).toBe(true);
    expect(contains(query.dstAddrs, r.packet!.dst)).toBe(true);
    expect(r.blockedBy).toEqual([]);
    expect(findPacket(query)?.packet).toEqual(r.packet);
  } else expect(findPacket(query)).toBeUndefined();
  return r;
}

describe('no addresses, no filters', () => {
  test('an empty side has no packet: blocked by the route, nothing else explained', () => {
    expect(evaluateFilters({ srcAddrs: [], dstAddrs: DST })).toEqual({ pass: false, blockedBy: ['route'], evidence: {} });
    expect(evaluateFilters({ srcAddrs: SRC, dstAddrs: [] })).toEqual({ pass: false, blockedBy: ['route'], evidence: {} });
    expect(findPacket({ srcAddrs: [], dstAddrs: DST })).toBeUndefined();
    expect(findPacket({ srcAddrs: SRC, dstAddrs: [] })).toBeUndefined();
  });
  test('no filter on either side: TCP passes, printed as an HTTPS packet between host addresses, no evidence', () => {
    const r = judge({});
    expect(r).toEqual({ pass: true, packet: { protocol: 6, port: 443, src: addr('10.1.0.4'), dst: addr('10.9.0.4') }, blockedBy: [], evidence: {} });
  });
});

describe('network ACLs', () => {
  test('the lowest rule number decides, whatever the declaration order', () => {
    const n = nacl(entry(100, false, false, '10.0.0.0/8'), entry(50, false, true, '10.1.0.0/16'));
    const r = judge({ dst: { nacl: n, sgs: [OPEN()] } });
    expect(r.pass).toBe(true);
    expect(r.evidence.dstNacl).toEqual({ kind: 'rule', rule: 50, allow: true, cidr: '10.1.0.0/16' });
    const denyFirst = nacl(entry(100, false, true, '10.1.0.0/16'), entry(50, false, false, '10.0.0.0/8'));
    expect(judge({ dst: { nacl: denyFirst, sgs: [OPEN()] } }).pass).toBe(false);
  });
  test('a matching deny stops the packet even when a later rule allows it', () => {
    const n = nacl(entry(10, true, false, '10.9.0.0/24'), entry(20, true, true, '0.0.0.0/0'));
    const r = judge({ src: { nacl: n, sgs: [OPEN()] } });
    expect(r.pass).toBe(false);
    expect(r.blockedBy).toEqual(['nacl']);
    expect(r.sideBlocks).toEqual({ srcNacl: true, dstNacl: false, srcSg: false, dstSg: false });
  });
  test('no matching entry: the implicit deny, and an outbound entry never admits inbound traffic', () => {
    const outboundOnly = nacl(entry(10, true, true, '0.0.0.0/0'));
    const r = judge({ dst: { nacl: outboundOnly, sgs: [OPEN()] } });
    expect(r.pass).toBe(false);
    expect(r.sideBlocks).toEqual({ srcNacl: false, dstNacl: true, srcSg: false, dstSg: false });
    const inboundOnly = nacl(entry(10, false, true, '0.0.0.0/0'));
    expect(judge({ src: { nacl: inboundOnly, sgs: [OPEN()] } }).pass).toBe(false);
    expect(judge({ src: { nacl: outboundOnly, sgs: [OPEN()] }, dst: { nacl: inboundOnly, sgs: [OPEN()] } }).pass).toBe(true);
  });
  test('the default NACL allows everything and is named as the reason', () => {
    const r = judge({ src: { nacl: DEFAULT_NACL, sgs: [OPEN()] }, dst: { nacl: DEFAULT_NACL, sgs: [OPEN()] } });
    expect(r.pass).toBe(true);
    expect(r.evidence).toEqual({ srcNacl: { kind: 'default' }, srcSg: 'Open', dstNacl: { kind: 'default' }, dstSg: 'Open' });
  });
  test('a deny of the first two addresses of the source still leaves the next ones (a class starts after a deny ends)', () => {
    const n = nacl(entry(10, false, false, '10.1.0.0/31'), entry(20, false, true, '10.1.0.0/30'));
    const r = judge({ srcAddrs: set('10.1.0.0/29'), dst: { nacl: n, sgs: [OPEN()] } });
    expect(r.pass).toBe(true);
    expect(r.packet!.src >= addr('10.1.0.2') && r.packet!.src <= addr('10.1.0.3')).toBe(true);
    expect(r.evidence.dstNacl).toEqual({ kind: 'rule', rule: 20, allow: true, cidr: '10.1.0.0/30' });
  });
  test('a class end is never an address outside the side (the witness stays inside the source)', () => {
    const n = nacl(entry(10, false, false, '10.1.2.0/31'), entry(20, false, true, '0.0.0.0/0'));
    const r = judge({ srcAddrs: union(set('10.1.2.0/31'), set('10.1.3.0/24')), dst: { nacl: n, sgs: [OPEN()] } });
    expect(r.pass).toBe(true);
    expect(contains(set('10.1.3.0/24'), r.packet!.src)).toBe(true);
  });
  test('a protocol-specific entry matches that protocol only', () => {
    const udpOnly = nacl(entry(10, false, true, '0.0.0.0/0', { protocol: 17 }));
    const r = judge({ dst: { nacl: udpOnly, sgs: [OPEN()] } });
    expect(r.packet).toMatchObject({ protocol: 17, port: 53 });
    const greOnly = nacl(entry(10, false, true, '0.0.0.0/0', { protocol: 47 }));
    expect(judge({ dst: { nacl: greOnly, sgs: [OPEN()] } }).packet).toMatchObject({ protocol: 47 });
    expect(judge({ dst: { nacl: greOnly, sgs: [OPEN()] } }).packet!.port).toBeUndefined();
  });
  test('a port range includes both of its ends', () => {
    const only = (from: number, to: number) => nacl(entry(10, false, true, '0.0.0.0/0', { protocol: 6, ports: { from, to } }));
    expect(judge({ dst: { nacl: only(8000, 8000), sgs: [OPEN()] } }).packet).toMatchObject({ protocol: 6, port: 8000 });
    expect(judge({ dst: { nacl: only(65535, 65535), sgs: [OPEN()] } }).packet).toMatchObject({ protocol: 6, port: 65535 });
    // Deny 1000–1999, allow all: the first TCP port through above the deny is 2000 (to + 1 starts a class).
    const deny = nacl(entry(10, false, false, '0.0.0.0/0', { protocol: 6, ports: { from: 1000, to: 1999 } }), entry(20, false, true, '0.0.0.0/0', { protocol: 6, ports: { from: 1000, to: 2000 } }));
    expect(judge({ dst: { nacl: deny, sgs: [OPEN()] } }).packet).toMatchObject({ protocol: 6, port: 2000 });
  });
});

describe('security groups', () => {
  test('an ingress rule for a /32 source admits exactly that source', () => {
    const r = judge({ srcAddrs: set('10.1.0.0/24'), dst: { sgs: [sg('Db', [toCidr('10.1.0.77/32', { protocol: 6, ports: { from: 5432, to: 5432 } })])] } });
    expect(r.packet).toEqual({ protocol: 6, port: 5432, src: addr('10.1.0.77'), dst: addr('10.9.0.4') });
    expect(r.evidence).toEqual({ dstSg: 'Db' });
    expect(judge({ srcAddrs: set('10.1.0.0/26'), dst: { sgs: [sg('Db', [toCidr('10.1.0.77/32')])] } }).pass).toBe(false);
  });
  test('a group reference admits members of that group only', () => {
    const db = sg('Db', [toGroup('S::App')]);
    const r = judge({ src: { sgs: [OPEN('App')] }, dst: { sgs: [db] } });
    expect(r.pass).toBe(true);
    expect(r.evidence).toEqual({ srcSg: 'App', dstSg: 'Db' });
    const other = judge({ src: { sgs: [OPEN('Web')] }, dst: { sgs: [db] } });
    expect(other.pass).toBe(false);
    expect(other.blockedBy).toEqual(['sg']);
    expect(other.sideBlocks).toEqual({ srcNacl: false, dstNacl: false, srcSg: false, dstSg: true });
    // No group on the source side at all: a group rule matches nothing.
    expect(judge({ dst: { sgs: [db] } }).pass).toBe(false);
  });
  test('an egress group reference reaches members of the destination group only', () => {
    const app = sg('App', [], [toGroup('S::Db')]);
    expect(judge({ src: { sgs: [app] }, dst: { sgs: [OPEN('Db')] } }).pass).toBe(true);
    const r = judge({ src: { sgs: [app] }, dst: { sgs: [OPEN('Cache')] } });
    expect(r.pass).toBe(false);
    // Judged alone, the source group's rule names a group the packet does not reach: that side blocks.
    expect(r.sideBlocks).toEqual({ srcNacl: false, dstNacl: false, srcSg: true, dstSg: false });
  });
  test('any candidate group may hold the interface: the one that admits is the evidence', () => {
    const closed = sg('Closed', []);
    const r = judge({ dst: { sgs: [closed, OPEN('Open')] } });
    expect(r.pass).toBe(true);
    expect(r.evidence.dstSg).toBe('Open');
  });
  test('egress rules that name no destination address block the source side', () => {
    const r = judge({ src: { sgs: [sg('App', [], [toCidr('172.16.0.0/12')])] } });
    expect(r.pass).toBe(false);
    expect(r.blockedBy).toEqual(['sg']);
    expect(r.sideBlocks).toEqual({ srcNacl: false, dstNacl: false, srcSg: true, dstSg: false });
  });
  test('protocol 0 (HOPOPT) named by a rule is tried like any other protocol', () => {
    const r = judge({ dst: { sgs: [sg('Odd', [toCidr('0.0.0.0/0', { protocol: 0 })])] } });
    expect(r.packet).toMatchObject({ protocol: 0 });
  });
});

describe('address families', () => {
  const DUAL_SRC = union(set('2600:1f00::/64'), set('10.1.0.0/24'));
  test('a dual-stack source no rule distinguishes still sends IPv4 to an IPv4 destination', () => {
    const r = judge({ srcAddrs: DUAL_SRC });
    expect(r.pass).toBe(true);
    expect(contains(set('10.1.0.0/24'), r.packet!.src)).toBe(true);
    expect(judge({ srcAddrs: DUAL_SRC, src: { nacl: DEFAULT_NACL, sgs: [OPEN()] }, dst: { sgs: [sg('Db', [toGroup('S::App')])] } }).pass).toBe(false);
    expect(judge({ srcAddrs: DUAL_SRC, src: { sgs: [OPEN('App')] }, dst: { sgs: [sg('Db', [toGroup('S::App')])] } }).pass).toBe(true);
  });
  test('a dual-stack destination no rule distinguishes still receives IPv4 from an IPv4 source', () => {
    const r = judge({ dstAddrs: union(set('2600:1f00:1::/64'), DST) });
    expect(r.pass).toBe(true);
    expect(contains(DST, r.packet!.dst)).toBe(true);
  });
  test('the whole address space as one interval holds an IPv4 class of its own', () => {
    // The internet as a source, and a rule whose prefix list holds ::/0 and 0.0.0.0/0 (one interval on the number line).
    const everything: IntervalSet = [[0n, addr('255.255.255.255')]];
    const both: SgRuleFact = { ...toCidr('0.0.0.0/0'), cidr: union(set('::/0'), set('0.0.0.0/0')), peerText: 'prefix list' };
    const r = judge({ srcAddrs: everything, dst: { sgs: [sg('Db', [both])] } });
    expect(r.pass).toBe(true);
    expect(r.packet!.src >= addr('0.0.0.0')).toBe(true);
  });
  test('IPv4 never meets IPv6: a v6 source and a v4 destination have no packet', () => {
    expect(judge({ srcAddrs: set('2600:1f00::/64') }).pass).toBe(false);
  });
  test('ICMP is IPv4 only and ICMPv6 IPv6 only', () => {
    const icmp = sg('Ping', [toCidr('0.0.0.0/0', { protocol: 1 }), toCidr('::/0', { protocol: 1 })]);
    const icmp6 = sg('Ping6', [toCidr('0.0.0.0/0', { protocol: 58 }), toCidr('::/0', { protocol: 58 })]);
    const V6 = { srcAddrs: set('2600:1f00::/64'), dstAddrs: set('2600:1f00:1::/64') };
    expect(judge({ dst: { sgs: [icmp] } }).packet).toMatchObject({ protocol: 1 });
    expect(judge({ ...V6, dst: { sgs: [icmp] } }).pass).toBe(false);
    expect(judge({ ...V6, dst: { sgs: [icmp6] } }).packet).toMatchObject({ protocol: 58 });
    expect(judge({ dst: { sgs: [icmp6] } }).pass).toBe(false);
  });
});

describe('sanctioned channels (packets that are not crossings)', () => {
  const https = sg('Web', [toCidr('0.0.0.0/0', { protocol: 6, ports: { from: 443, to: 443 } })]);
  test('a channel for every destination removes its packets, and only its protocol', () => {
    expect(judge({ dst: { sgs: [https] }, excluded: [{ protocol: 6, from: 443, to: 443 }] }).pass).toBe(false);
    expect(judge({ dst: { sgs: [https] }, excluded: [{ protocol: 17, from: 443, to: 443 }] }).packet).toMatchObject({ protocol: 6, port: 443 });
    const wider = sg('Web', [toCidr('0.0.0.0/0', { protocol: 6, ports: { from: 443, to: 444 } })]);
    expect(judge({ dst: { sgs: [wider] }, excluded: [{ protocol: 6, from: 443, to: 443 }] }).packet).toMatchObject({ protocol: 6, port: 444 });
    const below = sg('Web', [toCidr('0.0.0.0/0', { protocol: 6, ports: { from: 442, to: 443 } })]);
    expect(judge({ dst: { sgs: [below] }, excluded: [{ protocol: 6, from: 443, to: 443 }] }).packet).toMatchObject({ protocol: 6, port: 442 });
  });
  test('a channel to some destinations leaves the others', () => {
    const r = judge({ dst: { sgs: [https] }, excluded: [{ protocol: 6, from: 443, to: 443, dst: set('10.9.0.0/25') }] });
    expect(r.pass).toBe(true);
    expect(contains(set('10.9.0.128/25'), r.packet!.dst)).toBe(true);
    expect(judge({ dst: { sgs: [https] }, excluded: [{ protocol: 6, from: 443, to: 443, dst: DST }] }).pass).toBe(false);
  });
});

describe('explaining a block', () => {
  test('both sides block on their own: each side and layer is named', () => {
    const denyAll = nacl(entry(10, true, false, '0.0.0.0/0'), entry(10, false, false, '0.0.0.0/0'));
    const r = judge({ src: { nacl: denyAll, sgs: [sg('A', [], [])] }, dst: { nacl: denyAll, sgs: [sg('B', [])] } });
    expect(r).toEqual({ pass: false, blockedBy: ['nacl', 'sg'], sideBlocks: { srcNacl: true, dstNacl: true, srcSg: true, dstSg: true }, evidence: {} });
  });
  test('only the NACLs of both sides together block: the layer is named though no side blocks alone', () => {
    // Out: only TCP. In: only UDP. Each NACL alone lets something through; together nothing.
    const tcpOut = nacl(entry(10, true, true, '0.0.0.0/0', { protocol: 6 }));
    const udpIn = nacl(entry(10, false, true, '0.0.0.0/0', { protocol: 17 }));
    const r = judge({ src: { nacl: tcpOut, sgs: [OPEN('A')] }, dst: { nacl: udpIn, sgs: [OPEN('B')] } });
    expect(r.pass).toBe(false);
    expect(r.blockedBy).toEqual(['nacl']);
    expect(r.sideBlocks).toEqual({ srcNacl: false, dstNacl: false, srcSg: false, dstSg: false });
  });
  test('only the security groups of both sides together block', () => {
    const tcpOut = sg('A', [], [toCidr('0.0.0.0/0', { protocol: 6 })]);
    const udpIn = sg('B', [toCidr('0.0.0.0/0', { protocol: 17 })]);
    const r = judge({ src: { sgs: [tcpOut] }, dst: { sgs: [udpIn] } });
    expect(r.blockedBy).toEqual(['sg']);
    expect(r.sideBlocks).toEqual({ srcNacl: false, dstNacl: false, srcSg: false, dstSg: false });
  });
  test('only a NACL and a security group together block: both layers are named', () => {
    const tcpOut = nacl(entry(10, true, true, '0.0.0.0/0', { protocol: 6 }));
    const udpIn = sg('B', [toCidr('0.0.0.0/0', { protocol: 17 })]);
    const r = judge({ src: { nacl: tcpOut, sgs: [OPEN()] }, dst: { sgs: [udpIn] } });
    expect(r.blockedBy).toEqual(['nacl', 'sg']);
    expect(r.sideBlocks).toEqual({ srcNacl: false, dstNacl: false, srcSg: false, dstSg: false });
  });
  test('explainBlocked on its own names a side that has no NACL as not blocking by NACL', () => {
    const r = explainBlocked({ srcAddrs: SRC, dstAddrs: DST, dst: { sgs: [sg('B', [])] } });
    expect(r.sideBlocks).toEqual({ srcNacl: false, dstNacl: false, srcSg: false, dstSg: true });
    expect(r.blockedBy).toEqual(['sg']);
  });
});

describe('classes of addresses and ports (the search tries one member of each)', () => {
  test('two rules of the same kind over different addresses are two classes, not one', () => {
    // Deny .0–.1, allow .2–.3: both are "inside one rule", but only the second passes.
    const n = nacl(entry(10, false, false, '10.1.0.0/31'), entry(20, false, true, '10.1.0.2/31'));
    const r = judge({ srcAddrs: set('10.1.0.0/29'), dst: { nacl: n, sgs: [OPEN()] } });
    expect(r.pass).toBe(true);
    expect(r.packet!.src >= addr('10.1.0.2') && r.packet!.src <= addr('10.1.0.3')).toBe(true);
  });
  test('the source NACL\'s outbound entries and the source groups\' egress rules split the destinations', () => {
    const n = nacl(entry(10, true, false, '10.9.0.0/31'), entry(20, true, true, '10.9.0.2/31'));
    const viaNacl = judge({ dstAddrs: set('10.9.0.0/29'), src: { nacl: n, sgs: [OPEN()] } });
    expect(viaNacl.pass).toBe(true);
    expect(viaNacl.packet!.dst >= addr('10.9.0.2') && viaNacl.packet!.dst <= addr('10.9.0.3')).toBe(true);
    const viaSg = judge({ src: { sgs: [sg('App', [], [toCidr('10.9.0.77/32')])] } });
    expect(viaSg.packet!.dst).toBe(addr('10.9.0.77'));
  });
  test('the witness is the lowest class that passes (address order, not rule order)', () => {
    const n = nacl(entry(10, false, true, '10.1.0.128/25'), entry(20, false, true, '10.1.0.0/25'));
    const r = judge({ dst: { nacl: n, sgs: [OPEN()] } });
    expect(r.packet!.src).toBe(addr('10.1.0.4'));
    expect(r.evidence.dstNacl).toEqual({ kind: 'rule', rule: 20, allow: true, cidr: '10.1.0.0/25' });
  });
  test('the family boundary: 0.0.0.0 is IPv4, the last IPv6 address is not', () => {
    expect(judge({ srcAddrs: union(set('2600:1f00::/64'), set('0.0.0.0/8')) }).pass).toBe(true);
    expect(judge({ srcAddrs: union(set('2600:1f00::/64'), set('0.0.0.0/32')) }).pass).toBe(true);
    const lastV6 = judge({ srcAddrs: set('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128') });
    expect(lastV6.pass).toBe(false);
  });
  test('a NACL entry for protocol 0 is tried as protocol 0', () => {
    const hopopt = nacl(entry(10, false, true, '0.0.0.0/0', { protocol: 0 }));
    expect(judge({ dst: { nacl: hopopt, sgs: [OPEN()] } }).packet).toMatchObject({ protocol: 0 });
  });
  test('no port above 65535 is ever tried: a deny of every TCP port blocks TCP', () => {
    const n = nacl(entry(10, false, false, '0.0.0.0/0', { protocol: 6, ports: { from: 0, to: 65535 } }), entry(20, false, true, '0.0.0.0/0'));
    const tcpOnly = sg('Web', [toCidr('0.0.0.0/0', { protocol: 6 })]);
    expect(judge({ dst: { nacl: n, sgs: [tcpOnly] } }).pass).toBe(false);
  });
});

describe('destinations spread over many ranges (a prefecture\'s on-premises offices)', () => {
  // A rule for everything (its cuts are the ranges' starts) beside narrower rules that cut inside and between
  // the ranges: the witness is the first packet in address order, printed from its class, whichever way the cuts
  // are gathered.
  const offices = set(...Array.from({ length: 40 }, (_, i) => `172.${16 + (i % 16)}.${Math.floor(i / 16)}.0/24`));
  const q = (egress: SgRuleFact[], entries: NaclEntryFact[]): FilterQuery => ({
    srcAddrs: SRC, dstAddrs: offices,
    src: { nacl: nacl(...entries), sgs: [sg('Src', [], egress)] },
    dst: undefined,
  });

  test('everything allowed but the first ranges: the first packet is in the first range left', () => {
    const r = findPacket(q([toCidr('0.0.0.0/0')], [entry(90, true, false, '172.16.0.0/23'), entry(95, true, false, '172.17.0.0/24'), entry(100, true, true, '0.0.0.0/0')]));
    expect(r?.packet && formatAddress(r.packet.dst)).toBe('172.16.2.4');
  });

  test('only a range in the middle, half of it: the packet is in that half', () => {
    const r = findPacket(q([toCidr('172.20.1.128/25'), toCidr('0.0.0.0/0', { protocol: 50 })], [entry(100, true, true, '0.0.0.0/0')]));
    expect(r?.packet && formatAddress(r.packet.dst)).toBe('172.20.1.132');
    expect(r?.packet?.protocol).toBe(6);
  });

  test('nothing of the ranges allowed: no packet', () => {
    expect(findPacket(q([toCidr('0.0.0.0/0')], [entry(90, true, false, '172.16.0.0/12'), entry(100, true, true, '0.0.0.0/0')]))).toBeUndefined();
  });
});
