/**
 * Property test: on many small random topologies (seeded, reproducible), the engine's cross-tier
 * reachability equals that of a plain packet-by-packet simulation written independently here: walk one
 * concrete packet per (source subnet, destination subnet) hop by hop through route tables (longest
 * prefix), peering and a transit gateway (associations, propagations, static and blackhole routes),
 * then apply the destination NACL. Subnets are /24 and every route is /0, /16 or /24, so one packet per
 * subnet pair decides the whole pair.
 */
import { verify } from '../../lib/checks';
import type { CfnTemplate } from '../../lib/model/load/template';
import { TIERS, type Tier } from '../../lib/tiers/tier';
import { AS_OF, DEFAULT_POLICY } from './helpers';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Topo {
  vpcs: Array<{ tier: Tier; subnets: number; attached: boolean; tgwTable: number }>;
  peerings: Array<[number, number]>;
  /** Per subnet (v, s): routes in its route table. */
  routes: Map<string, Array<{ dest: string; target: { kind: 'peering'; idx: number } | { kind: 'tgw' } }>>;
  tgwTables: Array<{ propagations: number[]; statics: Array<{ dest: string; vpc: number | 'blackhole' }> }>;
  /** Per subnet: an inbound NACL deny for this VPC index's /16 (then allow all). */
  naclDeny: Map<string, number>;
}

function randomTopo(rnd: () => number): Topo {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const n = 2 + Math.floor(rnd() * 3);
  const vpcs = Array.from({ length: n }, () => ({ tier: pick(TIERS), subnets: 1 + Math.floor(rnd() * 2), attached: rnd() < 0.7, tgwTable: Math.floor(rnd() * 2) }));
  const peerings: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rnd() < 0.3) peerings.push([i, j]);
  const routes = new Map<string, Array<{ dest: string; target: { kind: 'peering'; idx: number } | { kind: 'tgw' } }>>();
  const naclDeny = new Map<string, number>();
  for (let v = 0; v < n; v++) {
    for (let s = 0; s < vpcs[v].subnets; s++) {
      const list: Array<{ dest: string; target: { kind: 'peering'; idx: number } | { kind: 'tgw' } }> = [];
      const used = new Set<string>();
      const k = Math.floor(rnd() * 3);
      for (let r = 0; r < k; r++) {
        const w = Math.floor(rnd() * n);
        const shape = rnd();
        const dest = shape < 0.2 ? '0.0.0.0/0' : shape < 0.6 ? `10.${w}.0.0/16` : `10.${w}.${Math.floor(rnd() * 2)}.0/24`;
        if (used.has(dest) || dest === `10.${v}.0.0/16`) continue;
        used.add(dest);
        const peers = peerings.map((p, i) => ({ p, i })).filter(({ p }) => p.includes(v));
        if (peers.length && rnd() < 0.5) list.push({ dest, target: { kind: 'peering', idx: pick(peers).i } });
        else list.push({ dest, target: { kind: 'tgw' } });
      }
      routes.set(`${v}.${s}`, list);
      if (rnd() < 0.25) naclDeny.set(`${v}.${s}`, Math.floor(rnd() * n));
    }
  }
  const tgwTables = [0, 1].map(() => {
    const propagations = vpcs.map((_, i) => i).filter(() => rnd() < 0.5);
    const statics: Array<{ dest: string; vpc: number | 'blackhole' }> = [];
    const used = new Set<string>();
    for (let r = 0; r < Math.floor(rnd() * 3); r++) {
      const w = Math.floor(rnd() * n);
      const dest = rnd() < 0.5 ? `10.${w}.0.0/16` : `10.${w}.1.0/24`;
      if (used.has(dest)) continue;
      used.add(dest);
      statics.push({ dest, vpc: rnd() < 0.3 ? 'blackhole' : Math.floor(rnd() * n) });
    }
    return { propagations, statics };
  });
  return { vpcs, peerings, routes, tgwTables, naclDeny };
}

function toTemplate(t: Topo): CfnTemplate {
  const R: Record<string, unknown> = {};
  const ref = (x: string) => ({ Ref: x });
  R.Tgw = { Type: 'AWS::EC2::TransitGateway', Properties: { DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable' } };
  t.tgwTables.forEach((_, i) => (R[`TgwRt${i}`] = { Type: 'AWS::EC2::TransitGatewayRouteTable', Properties: { TransitGatewayId: ref('Tgw') } }));
  t.vpcs.forEach((v, i) => {
    R[`Vpc${i}`] = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: `10.${i}.0.0/16`, Tags: [{ Key: 'mic:tier', Value: v.tier }] } };
    R[`Sg${i}`] = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'all', VpcId: ref(`Vpc${i}`), SecurityGroupIngress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }] } };
    for (let s = 0; s < v.subnets; s++) {
      R[`Subnet${i}x${s}`] = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref(`Vpc${i}`), CidrBlock: `10.${i}.${s}.0/24` } };
      R[`Rt${i}x${s}`] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(`Vpc${i}`) } };
      R[`Rta${i}x${s}`] = { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(`Subnet${i}x${s}`), RouteTableId: ref(`Rt${i}x${s}`) } };
      t.routes.get(`${i}.${s}`)!.forEach((r, k) => {
        R[`Route${i}x${s}x${k}`] = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref(`Rt${i}x${s}`), DestinationCidrBlock: r.dest, ...(r.target.kind === 'tgw' ? { TransitGatewayId: ref('Tgw') } : { VpcPeeringConnectionId: ref(`Peer${r.target.idx}`) }) } };
      });
      const deny = t.naclDeny.get(`${i}.${s}`);
      if (deny !== undefined) {
        R[`Nacl${i}x${s}`] = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref(`Vpc${i}`) } };
        R[`NaclA${i}x${s}`] = { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: ref(`Subnet${i}x${s}`), NetworkAclId: ref(`Nacl${i}x${s}`) } };
        R[`NaclD${i}x${s}`] = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref(`Nacl${i}x${s}`), RuleNumber: 100, Protocol: -1, RuleAction: 'deny', Egress: false, CidrBlock: `10.${deny}.0.0/16` } };
        R[`NaclI${i}x${s}`] = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref(`Nacl${i}x${s}`), RuleNumber: 200, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' } };
        R[`NaclE${i}x${s}`] = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref(`Nacl${i}x${s}`), RuleNumber: 100, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' } };
      }
    }
    if (v.attached) {
      R[`Att${i}`] = { Type: 'AWS::EC2::TransitGatewayVpcAttachment', Properties: { TransitGatewayId: ref('Tgw'), VpcId: ref(`Vpc${i}`), SubnetIds: [ref(`Subnet${i}x0`)] } };
      R[`Assoc${i}`] = { Type: 'AWS::EC2::TransitGatewayRouteTableAssociation', Properties: { TransitGatewayRouteTableId: ref(`TgwRt${v.tgwTable}`), TransitGatewayAttachmentId: ref(`Att${i}`) } };
    }
  });
  t.peerings.forEach(([a, b], i) => (R[`Peer${i}`] = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref(`Vpc${a}`), PeerVpcId: ref(`Vpc${b}`) } }));
  t.tgwTables.forEach((tb, i) => {
    tb.propagations.filter((p) => t.vpcs[p].attached).forEach((p) => (R[`Prop${i}x${p}`] = { Type: 'AWS::EC2::TransitGatewayRouteTablePropagation', Properties: { TransitGatewayRouteTableId: ref(`TgwRt${i}`), TransitGatewayAttachmentId: ref(`Att${p}`) } }));
    tb.statics.forEach((st, k) => {
      if (st.vpc !== 'blackhole' && !t.vpcs[st.vpc].attached) return;
      R[`Static${i}x${k}`] = { Type: 'AWS::EC2::TransitGatewayRoute', Properties: { TransitGatewayRouteTableId: ref(`TgwRt${i}`), DestinationCidrBlock: st.dest, ...(st.vpc === 'blackhole' ? { Blackhole: true } : { TransitGatewayAttachmentId: ref(`Att${st.vpc}`) }) } };
    });
  });
  return { Resources: R as CfnTemplate['Resources'] };
}

// ---- the independent oracle: one packet, hop by hop ----
const ip = (a: number, b: number, c: number): number => (10 << 24) | (a << 16) | (b << 8) | c;
function inCidr(addr: number, cidr: string): boolean {
  const [base, len] = cidr.split('/');
  const [a, b, c, d] = base.split('.').map(Number);
  const net = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  const mask = Number(len) === 0 ? 0 : (~0 << (32 - Number(len))) >>> 0;
  return ((addr >>> 0) & mask) >>> 0 === (net & mask) >>> 0;
}
const plen = (c: string): number => Number(c.split('/')[1]);

function deliver(t: Topo, vpc: number, dst: number): string | undefined {
  for (let s = 0; s < t.vpcs[vpc].subnets; s++) if (inCidr(dst, `10.${vpc}.${s}.0/24`)) return `${vpc}.${s}`;
  return undefined;
}

function simulate(t: Topo, src: string, dst: number): string | undefined {
  let at: { kind: 'rt'; subnet: string } | { kind: 'tgw'; table: number } = { kind: 'rt', subnet: src };
  for (let steps = 0; steps < 20; steps++) {
    if (at.kind === 'rt') {
      const v: number = Number(at.subnet.split('.')[0]);
      type Cand = { dest: string; target: { kind: 'local' } | { kind: 'peering'; idx: number } | { kind: 'tgw' } };
      const cands: Cand[] = [{ dest: `10.${v}.0.0/16`, target: { kind: 'local' as const } }, ...t.routes.get(at.subnet)!].filter((r) => inCidr(dst, r.dest));
      if (!cands.length) return undefined;
      const best = cands.sort((a, b) => plen(b.dest) - plen(a.dest))[0];
      if (best.target.kind === 'local') return deliver(t, v, dst);
      if (best.target.kind === 'peering') {
        const [a, b] = t.peerings[best.target.idx];
        const other = a === v ? b : a;
        return inCidr(dst, `10.${other}.0.0/16`) ? deliver(t, other, dst) : undefined;
      }
      if (!t.vpcs[v].attached) return undefined;
      at = { kind: 'tgw', table: t.vpcs[v].tgwTable };
    } else {
      const tb = t.tgwTables[at.table];
      const cands: Array<{ dest: string; to: number | 'blackhole'; static: boolean }> = [
        ...tb.statics.filter((s) => s.vpc === 'blackhole' || t.vpcs[s.vpc].attached).map((s) => ({ dest: s.dest, to: s.vpc, static: true })),
        ...tb.propagations.filter((p) => t.vpcs[p].attached).map((p) => ({ dest: `10.${p}.0.0/16`, to: p, static: false })),
      ].filter((r) => inCidr(dst, r.dest));
      if (!cands.length) return undefined;
      const best = cands.sort((a, b) => plen(b.dest) - plen(a.dest) || Number(b.static) - Number(a.static))[0];
      if (best.to === 'blackhole') return undefined;
      if (inCidr(dst, `10.${best.to}.0.0/16`)) return deliver(t, best.to, dst);
      at = { kind: 'rt', subnet: `${best.to}.0` }; // leaves through the attachment subnet's route table
    }
  }
  return undefined; // a loop: the packet never arrives
}

function oracle(t: Topo): Set<string> {
  const out = new Set<string>();
  t.vpcs.forEach((v, i) => {
    for (let s = 0; s < v.subnets; s++) {
      t.vpcs.forEach((w, j) => {
        if (w.tier === v.tier) return;
        for (let ds = 0; ds < w.subnets; ds++) {
          const got = simulate(t, `${i}.${s}`, ip(j, ds, 1));
          if (got !== `${j}.${ds}`) continue;
          const deny = t.naclDeny.get(got);
          if (deny === i) continue; // inbound NACL denies the source VPC
          out.add(`${i}>${j}`);
        }
      });
    }
  });
  return out;
}

test('engine and a plain packet simulation agree on 300 random topologies', () => {
  const rnd = mulberry32(20261121);
  const disagreements: string[] = [];
  let withCrossings = 0;
  for (let c = 0; c < 300; c++) {
    const topo = randomTopo(rnd);
    const expected = oracle(topo);
    if (expected.size) withCrossings++;
    const r = verify([{ stack: 'T', file: 't.json', template: toTemplate(topo) }], DEFAULT_POLICY, { asOf: AS_OF });
    const got = new Set(r.flows.filter((f) => f.status === 'open' && f.from.kind === 'subnet' && f.to.kind === 'subnet').map((f) => `${f.from.vpc!.replace('T::Vpc', '')}>${f.to.vpc!.replace('T::Vpc', '')}`));
    const a = [...expected].sort().join(' ');
    const b = [...got].sort().join(' ');
    if (a !== b) disagreements.push(`case ${c}: oracle [${a}] engine [${b}]`);
  }
  expect(disagreements).toEqual([]);
  // The generator must actually exercise crossings (a test that cannot fail proves nothing).
  expect(withCrossings).toBeGreaterThan(50);
});

// ---- filters: out-of-order NACL entries, restrictive and referencing groups, /32 boundaries, any order ----
interface NaclEntry { rule: number; allow: boolean; cidr: string }
type SgRule = { kind: 'all' } | { kind: 'cidr'; cidr: string } | { kind: 'group'; vpc: number };
interface Filters {
  /** Inbound entries per subnet `v.s` (a custom NACL; outbound allows all). Absent: the default NACL. */
  nacl: Map<string, NaclEntry[]>;
  /** Ingress rules of the one group per VPC (all groups egress everywhere, CloudFormation's default). */
  sg: SgRule[][];
}

function randomFilters(t: Topo, rnd: () => number): Filters {
  const n = t.vpcs.length;
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const someCidr = (): string => {
    const w = Math.floor(rnd() * n);
    const s = Math.floor(rnd() * 2);
    const shape = rnd();
    // A VPC, a subnet, or one host at a subnet's edge (first, second, last-but-one, last address).
    return shape < 0.3 ? `10.${w}.0.0/16` : shape < 0.55 ? `10.${w}.${s}.0/24` : `10.${w}.${s}.${pick([0, 1, 254, 255])}/32`;
  };
  const nacl = new Map<string, NaclEntry[]>();
  t.vpcs.forEach((v, i) => {
    for (let s = 0; s < v.subnets; s++) {
      if (rnd() < 0.5) continue;
      const used = new Set<number>();
      const entries: NaclEntry[] = [];
      const add = (allow: boolean, cidr: string): void => {
        const rule = 10 + Math.floor(rnd() * 290);
        if (used.has(rule)) return;
        used.add(rule);
        entries.push({ rule, allow, cidr });
      };
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) add(rnd() < 0.5, someCidr());
      // Two entries that disagree about one host of a subnet whose packets arrive here: only the rule
      // numbers decide (declared in either order).
      const senders: Array<[number, number]> = [];
      t.vpcs.forEach((w, wi) => {
        for (let ws = 0; ws < w.subnets; ws++) if (w.tier !== v.tier && simulate(t, `${wi}.${ws}`, ip(i, s, 1)) === `${i}.${s}`) senders.push([wi, ws]);
      });
      if (senders.length && rnd() < 0.8) {
        const [w, sub] = pick(senders);
        const allow = rnd() < 0.5;
        const host = `10.${w}.${sub}.${pick([0, 255, 1, 254])}/32`;
        const wide = rnd() < 0.5 ? `10.${w}.${sub}.0/24` : `10.${w}.0.0/16`;
        if (rnd() < 0.5) {
          add(allow, host);
          add(!allow, wide);
        } else {
          add(!allow, wide);
          add(allow, host);
        }
      }
      if (rnd() < 0.6) entries.push({ rule: 1000, allow: true, cidr: '0.0.0.0/0' });
      nacl.set(`${i}.${s}`, entries); // declared in generation order, not rule order
    }
  });
  const sg = t.vpcs.map(() => {
    const r = rnd();
    if (r < 0.35) return [{ kind: 'all' as const }];
    const rules: SgRule[] = [];
    for (let k = 0; k < 1 + Math.floor(rnd() * 2); k++) rules.push(rnd() < 0.6 ? { kind: 'cidr', cidr: someCidr() } : { kind: 'group', vpc: Math.floor(rnd() * n) });
    return rules;
  });
  return { nacl, sg };
}

function withFilters(t: Topo, f: Filters, template: CfnTemplate): CfnTemplate {
  const R = template.Resources as Record<string, unknown>;
  const ref = (x: string) => ({ Ref: x });
  t.vpcs.forEach((v, i) => {
    const ingress = f.sg[i].map((r) => (r.kind === 'all' ? { IpProtocol: '-1', CidrIp: '0.0.0.0/0' } : r.kind === 'cidr' ? { IpProtocol: '-1', CidrIp: r.cidr } : { IpProtocol: '-1', SourceSecurityGroupId: ref(`Sg${r.vpc}`) }));
    R[`Sg${i}`] = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g', VpcId: ref(`Vpc${i}`), SecurityGroupIngress: ingress } };
    for (let s = 0; s < v.subnets; s++) {
      const entries = f.nacl.get(`${i}.${s}`);
      if (!entries) continue;
      R[`FNacl${i}x${s}`] = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref(`Vpc${i}`) } };
      R[`FNaclA${i}x${s}`] = { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: ref(`Subnet${i}x${s}`), NetworkAclId: ref(`FNacl${i}x${s}`) } };
      R[`FNaclOut${i}x${s}`] = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref(`FNacl${i}x${s}`), RuleNumber: 100, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' } };
      entries.forEach((e, k) => (R[`FNaclIn${i}x${s}x${k}`] = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref(`FNacl${i}x${s}`), RuleNumber: e.rule, Protocol: -1, RuleAction: e.allow ? 'allow' : 'deny', Egress: false, CidrBlock: e.cidr } }));
    }
  });
  return template;
}

/** Fisher–Yates over the resources: the engine must not care about declaration order. */
function shuffledResources(template: CfnTemplate, rnd: () => number): CfnTemplate {
  const entries = Object.entries(template.Resources);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return { ...template, Resources: Object.fromEntries(entries) };
}

const ipOf = (text: string): number => {
  const [a, b, c, d] = text.split('.').map(Number);
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
};
const cidrRange = (cidr: string): [number, number] => {
  const [base, len] = cidr.split('/');
  const size = 2 ** (32 - Number(len));
  const lo = ipOf(base) - (ipOf(base) % size);
  return [lo, lo + size - 1];
};

/** The NACL and the destination VPC's groups, judged for one source address: rule order, default deny. */
function admitted(f: Filters, srcVpc: number, src: number, dst: string): boolean {
  const entries = f.nacl.get(dst);
  if (entries) {
    const hit = [...entries].sort((a, b) => a.rule - b.rule).find((e) => inCidr(src, e.cidr));
    if (!hit || !hit.allow) return false; // no entry matches: the NACL's final deny
  }
  const dstVpc = Number(dst.split('.')[0]);
  return f.sg[dstVpc].some((r) => r.kind === 'all' || (r.kind === 'cidr' && inCidr(src, r.cidr)) || (r.kind === 'group' && r.vpc === srcVpc));
}

function filteredOracle(t: Topo, f: Filters): Set<string> {
  const out = new Set<string>();
  t.vpcs.forEach((v, i) => {
    for (let s = 0; s < v.subnets; s++) {
      const [lo, hi] = cidrRange(`10.${i}.${s}.0/24`);
      // Every filter decision is constant between CIDR edges: test each edge and its neighbours.
      const candidates = new Set<number>([lo, hi]);
      for (const list of [...f.nacl.values()]) for (const e of list) for (const x of cidrRange(e.cidr)) for (const d of [-1, 0, 1]) candidates.add(x + d);
      for (const rules of f.sg) for (const r of rules) if (r.kind === 'cidr') for (const x of cidrRange(r.cidr)) for (const d of [-1, 0, 1]) candidates.add(x + d);
      const sources = [...candidates].filter((a) => a >= lo && a <= hi);
      t.vpcs.forEach((w, j) => {
        if (w.tier === v.tier) return;
        for (let ds = 0; ds < w.subnets; ds++) {
          if (simulate(t, `${i}.${s}`, ip(j, ds, 1)) !== `${j}.${ds}`) continue;
          if (sources.some((a) => admitted(f, i, a, `${j}.${ds}`))) out.add(`${i}>${j}`);
        }
      });
    }
  });
  return out;
}

test('filters too: out-of-order NACL entries, restrictive and group-referencing security groups, /32 edges, shuffled resources — 300 topologies', () => {
  const rnd = mulberry32(20261206);
  const disagreements: string[] = [];
  let filteredAway = 0;
  for (let c = 0; c < 300; c++) {
    const topo = randomTopo(rnd);
    topo.naclDeny.clear();
    const filters = randomFilters(topo, rnd);
    const expected = filteredOracle(topo, filters);
    if (oracle(topo).size > expected.size) filteredAway++;
    const template = shuffledResources(withFilters(topo, filters, toTemplate(topo)), rnd);
    const r = verify([{ stack: 'T', file: 't.json', template }], DEFAULT_POLICY, { asOf: AS_OF });
    const got = new Set(r.flows.filter((f) => f.status === 'open' && f.from.kind === 'subnet' && f.to.kind === 'subnet').map((f) => `${f.from.vpc!.replace('T::Vpc', '')}>${f.to.vpc!.replace('T::Vpc', '')}`));
    const a = [...expected].sort().join(' ');
    const b = [...got].sort().join(' ');
    if (a !== b) disagreements.push(`case ${c}: oracle [${a}] engine [${b}]`);
  }
  expect(disagreements).toEqual([]);
  // The filters must really decide some cases (routes connect, filters stop every packet).
  expect(filteredAway).toBeGreaterThan(30);
});
