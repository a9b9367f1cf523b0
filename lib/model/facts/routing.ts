/** Route tables, routes, subnet and gateway (edge) associations, and VGW route propagation. */
import { ALL_ADDRESSES, setOf } from '../../cidr/address-sets';
import type { ResourceEntry } from '../resolve/resolver';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import type { RouteFact, RouteTarget } from './types';
import { reason } from '../reason';

export const routeTableExtractor: Extractor = {
  types: ['AWS::EC2::RouteTable'],
  phase: 2,
  extract(entry, ctx) {
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    if (!vpc) return;
    ctx.model.routeTables.set(entry.key, ctx.fact(entry, { vpc, routes: [] }));
  },
};

const TARGET_PROPS: Array<[string, RouteTarget['kind'] | 'by-type']> = [
  ['GatewayId', 'by-type'],
  ['NatGatewayId', 'nat'],
  ['TransitGatewayId', 'tgw'],
  ['VpcPeeringConnectionId', 'peering'],
  ['VpcEndpointId', 'vpce'],
  ['NetworkInterfaceId', 'eni'],
  ['InstanceId', 'instance'],
  ['EgressOnlyInternetGatewayId', 'eigw'],
  // A carrier gateway is an internet-like edge (carrier-gateways.ts); a core network a transit gateway (cloud-wan.ts).
  ['CarrierGatewayId', 'igw'],
  ['LocalGatewayId', 'unmodelled'],
  ['CoreNetworkArn', 'tgw'],
];

const TYPE_KIND: Record<string, RouteTarget['kind']> = {
  'AWS::EC2::InternetGateway': 'igw',
  'AWS::EC2::CarrierGateway': 'igw',
  'AWS::NetworkManager::CoreNetwork': 'tgw',
  'AWS::EC2::VPNGateway': 'vgw',
  'AWS::EC2::NatGateway': 'nat',
  'AWS::EC2::TransitGateway': 'tgw',
  'AWS::EC2::VPCPeeringConnection': 'peering',
  'AWS::EC2::VPCEndpoint': 'vpce',
  'AWS::EC2::NetworkInterface': 'eni',
  'AWS::EC2::Instance': 'instance',
  'AWS::EC2::EgressOnlyInternetGateway': 'eigw',
  'AWS::NetworkFirewall::Firewall': 'firewall',
};

function routeTargets(entry: ResourceEntry, ctx: ExtractContext): RouteTarget[] {
  const props = entry.resource.Properties ?? {};
  const out: RouteTarget[] = [];
  for (const [prop, kind] of TARGET_PROPS) {
    if (!(prop in props)) continue;
    if (kind === 'unmodelled') {
      out.push({ kind, what: `${prop} (not modelled)` });
      ctx.unmodelled(entry, reason('route-target-unmodelled', { property: prop }));
      continue;
    }
    const vals = ctx.resolver.prop(entry, prop);
    if (prop === 'GatewayId' && vals.some((v) => v === 'local')) {
      out.push({ kind: 'local' });
      continue;
    }
    for (const key of ctx.refKeys(entry, prop, vals)) {
      const type = ctx.typeOf(key);
      const k = type ? TYPE_KIND[type] : undefined;
      if (!k || (kind !== 'by-type' && k !== kind && !(kind === 'vpce' && k === 'firewall'))) {
        out.push({ kind: 'unmodelled', what: `${prop} → ${key}` });
        ctx.unresolved(entry, prop, reason('route-target-wrong', type === undefined ? { ref: key, property: prop } : { ref: key, type, property: prop }));
      } else out.push({ kind: k, key } as RouteTarget);
    }
  }
  if (out.length === 0) {
    // Nothing resolvable: fail closed with a target that reaches an unknown place.
    out.push({ kind: 'unmodelled' });
  }
  return out;
}

export const routeExtractor: Extractor = {
  types: ['AWS::EC2::Route'],
  phase: 5,
  extract(entry, ctx) {
    const tables = ctx.refKeys(entry, 'RouteTableId', undefined, ['AWS::EC2::RouteTable']);
    const props = entry.resource.Properties ?? {};
    const dests: Array<Pick<RouteFact, 'dest' | 'destText' | 'prefixLength'>> = [];
    if ('DestinationCidrBlock' in props) for (const c of ctx.cidrs(entry, 'DestinationCidrBlock')) dests.push({ dest: setOf([c]), destText: c.text, prefixLength: c.prefixLength });
    if ('DestinationIpv6CidrBlock' in props) for (const c of ctx.cidrs(entry, 'DestinationIpv6CidrBlock')) dests.push({ dest: setOf([c]), destText: c.text, prefixLength: c.prefixLength });
    const targets = routeTargets(entry, ctx);
    if ('DestinationPrefixListId' in props) {
      const vals = ctx.resolver.prop(entry, 'DestinationPrefixListId');
      for (const v of vals) {
        if (typeof v === 'string' && /^pl-[0-9a-f]+$/.test(v) && targets.every((t) => t.kind === 'vpce')) continue; // AWS-managed service list via a gateway endpoint
        for (const key of ctx.refKeys(entry, 'DestinationPrefixListId', [v], ['AWS::EC2::PrefixList'])) {
          const pl = ctx.model.prefixLists.get(key);
          if (!pl) continue;
          // A prefix-list route ranks by its longest entry for longest-prefix match.
          dests.push({ dest: setOf(pl.cidrs), destText: `prefix list ${pl.ref.logicalId}`, prefixLength: Math.max(...pl.cidrs.map((c) => c.prefixLength), 0) });
        }
      }
    }
    for (const t of tables) {
      const rt = ctx.model.routeTables.get(t);
      if (!rt) continue;
      for (const d of dests) for (const target of targets) rt.routes.push({ ref: ctx.ref(entry), ...d, target, ...(entry.presence === 'maybe' ? { maybe: true } : {}) });
    }
  },
};

export const routeAssociationExtractor: Extractor = {
  types: ['AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::GatewayRouteTableAssociation'],
  phase: 3,
  extract(entry, ctx) {
    const table = ctx.refKey(entry, 'RouteTableId', ['AWS::EC2::RouteTable']);
    if (!table) return;
    if (entry.resource.Type === 'AWS::EC2::GatewayRouteTableAssociation') {
      for (const g of ctx.refKeys(entry, 'GatewayId')) ctx.model.gatewayRouteTables.set(g, table);
      return;
    }
    for (const s of ctx.refKeys(entry, 'SubnetId', undefined, ['AWS::EC2::Subnet'])) {
      const prev = ctx.model.subnetRouteTable.get(s);
      if (prev && prev !== table) ctx.unresolved(entry, 'SubnetId', reason('subnet-two-tables', { subnet: s, first: prev, second: table }));
      ctx.model.subnetRouteTable.set(s, table);
    }
  },
};

/**
 * VGW route propagation installs whatever on-premises advertises over BGP. The engine cannot know
 * those prefixes, so it installs a lowest-priority route for every address to the VGW: the VGW only
 * leads to its own tier's on-premises network, so this over-approximates without inventing crossings.
 */
export const vgwPropagationExtractor: Extractor = {
  types: ['AWS::EC2::VPNGatewayRoutePropagation'],
  phase: 5,
  extract(entry, ctx) {
    const tables = ctx.refKeys(entry, 'RouteTableIds', undefined, ['AWS::EC2::RouteTable']);
    const vgws = ctx.refKeys(entry, 'VpnGatewayId', undefined, ['AWS::EC2::VPNGateway']);
    for (const t of tables) for (const vgw of vgws) {
      ctx.model.routeTables.get(t)?.routes.push({ ref: ctx.ref(entry), dest: ALL_ADDRESSES, destText: 'routes propagated from on-premises (BGP)', prefixLength: -1, target: { kind: 'vgw', key: vgw } });
    }
  },
};
