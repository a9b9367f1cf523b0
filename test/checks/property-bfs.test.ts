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
