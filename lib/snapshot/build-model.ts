/**
 * Turns the describe-* outputs of every account and Region into the network model the template
 * reader builds (lib/model/facts), so reachability and every rule run unchanged over the live account.
 *
 * Differences from templates, each deliberate:
 * - The account is the truth: a route table's main association, a VPC's default NACL and default security
 *   group, a transit gateway's default route table and its associations are listed as they are, so no
 *   CloudFormation default is applied on top (no implied allow-all egress, no implied TGW association).
 * - NACLs are evaluated entry by entry, including the default NACL's (its entries are known here).
 * - What the outputs name but the snapshot does not hold (a VPC of an account not collected, an unknown
 *   route target, an attachment type the model does not know) is an unresolved or unmodelled fact: a
 *   finding, never a silent drop.
 */
import { ALL_ADDRESSES, setOf, type Cidr, type IntervalSet } from '../cidr/address-sets';
import { parseProtocol } from '../model/facts/protocols';
import { declareTiers } from '../model/facts/tier-declarations';
import type { NetworkModel, RouteFact, RouteTarget, SgRuleFact, TgwAttachmentFact } from '../model/facts/types';
import type { Json, RegionSnapshot } from './read-snapshot';
import { isObject } from './read-snapshot';
import { GONE, SnapshotContext, list, stateOf, str, strings, tagOf, tierTagOf } from './snapshot-context';
import { HUB_TAG_KEY, MUNICIPALITY_TAG_KEY } from '../tiers/municipality';
import { reason } from '../model/reason';
import type { CoverageNote } from '../model/coverage-note';

/** What a verification of the live account does not cover (worded by lib/report/i18n/coverage.{en,ja}.ts). */
export const SNAPSHOT_COVERAGE: readonly CoverageNote[] = [
  { key: 'snapshot', limit: 'snapshot-time' },
  { key: 'snapshot', limit: 'bgp-propagation' },
  { key: 'standing', limit: 'one-way-delivery' },
  { key: 'standing', limit: 'security-groups-any-attachment' },
  { key: 'standing', limit: 'nacl-at-ends' },
  { key: 'standing', limit: 'internet-reaches-public-vpc' },
  { key: 'standing', limit: 'aws-prefix-lists' },
  { key: 'snapshot', limit: 'services-are-destinations' },
  { key: 'standing', limit: 'network-firewall-pass-through' },
  { key: 'snapshot', limit: 'accounts-apart' },
  { key: 'snapshot', limit: 'service-facts-not-read' },
];

type Items = (r: RegionSnapshot) => Json[];
const items = (kind: Parameters<RegionSnapshot['listings']['get']>[0]): Items => (r) => (r.listings.get(kind)?.items ?? []).filter((i) => !GONE.has(stateOf(i)));

export function buildSnapshotModel(regions: readonly RegionSnapshot[]): { model: NetworkModel; origins: SnapshotContext['origins'] } {
  const ctx = new SnapshotContext();
  const m = ctx.model;
  const each = (get: Items, fn: (r: RegionSnapshot, item: Json) => void): void => {
    for (const r of regions) {
      for (const i of get(r)) {
        ctx.current = i;
        fn(r, i);
      }
    }
    ctx.current = undefined;
  };
  m.coverage.push(...SNAPSHOT_COVERAGE);

  // Phase 1: resources others refer to.
  each(items('Vpcs'), (r, v) => {
    const id = str(v.VpcId);
    if (!id) return;
    const { key, isNew } = ctx.register(r, id, 'vpc');
    if (!isNew) return;
    const cidrs: Cidr[] = [];
    const v4 = list(v.CidrBlockAssociationSet).filter((a) => !isObject(a.CidrBlockState) || !GONE.has(String(a.CidrBlockState.State)));
    for (const a of v4.length ? v4 : [{ CidrBlock: v.CidrBlock }]) {
      const c = ctx.cidr(key, 'CidrBlock', a.CidrBlock);
      if (c) cidrs.push(c);
    }
    for (const a of list(v.Ipv6CidrBlockAssociationSet)) {
      if (isObject(a.Ipv6CidrBlockState) && GONE.has(String(a.Ipv6CidrBlockState.State))) continue;
      const c = ctx.cidr(key, 'Ipv6CidrBlock', a.Ipv6CidrBlock);
      if (c) cidrs.push(c);
    }
    const tierTag = tierTagOf(v);
    m.vpcs.set(key, { ...ctx.fact(key), tierTag, cidrs });
    membership(ctx, key, v);
  });
  each(items('Subnets'), (r, s) => {
    const id = str(s.SubnetId);
    if (!id) return;
    const { key, isNew } = ctx.register(r, id, 'subnet');
    if (!isNew) return;
    const vpc = ctx.lookup(str(s.VpcId));
    if (!vpc) return ctx.unresolved(key, 'VpcId', reason('not-in-snapshot', { thing: 'vpc', id: String(s.VpcId) }));
    const cidrs: Cidr[] = [];
    if (s.CidrBlock !== undefined) {
      const c = ctx.cidr(key, 'CidrBlock', s.CidrBlock);
      if (c) cidrs.push(c);
    }
    for (const a of list(s.Ipv6CidrBlockAssociationSet)) {
      if (isObject(a.Ipv6CidrBlockState) && GONE.has(String(a.Ipv6CidrBlockState.State))) continue;
      const c = ctx.cidr(key, 'Ipv6CidrBlock', a.Ipv6CidrBlock);
      if (c) cidrs.push(c);
    }
    m.subnets.set(key, { ...ctx.fact(key), vpc, cidrs, tierTag: tierTagOf(s) });
  });
  const awsManagedLists = new Set<string>();
  each(items('ManagedPrefixLists'), (r, p) => {
    const id = str(p.PrefixListId);
    if (!id) return;
    if (p.OwnerId === 'AWS') {
      awsManagedLists.add(id);
      return;
    }
    const { key, isNew } = ctx.register(r, id, 'pl');
    if (!isNew) return;
    const entries = r.perId.get('PrefixListEntries')?.get(id);
    const cidrs: Cidr[] = [];
    for (const e of list(entries?.body.Entries)) {
      const c = ctx.cidr(key, 'Entries', e.Cidr);
      if (c) cidrs.push(c);
    }
    m.prefixLists.set(key, { ...ctx.fact(key), cidrs });
  });
  each(items('InternetGateways'), (r, g) => {
    const id = str(g.InternetGatewayId);
    if (!id) return;
    const { key } = ctx.register(r, id, 'igw');
    const vpcs = attachedVpcs(ctx, key, g.Attachments);
    m.igws.set(key, { ...ctx.fact(key), vpcs });
  });
  each(items('EgressOnlyInternetGateways'), (r, g) => {
    const id = str(g.EgressOnlyInternetGatewayId);
    if (!id) return;
    const { key } = ctx.register(r, id, 'eigw');
    for (const vpc of attachedVpcs(ctx, key, g.Attachments)) m.eigws.set(key, { ...ctx.fact(key), vpc });
  });
  each(items('VpnGateways'), (r, g) => {
    const id = str(g.VpnGatewayId);
    if (!id) return;
    const { key } = ctx.register(r, id, 'vgw');
    m.links.set(key, { ...ctx.fact(key), kind: 'vgw', tierTag: tierTagOf(g), vpcs: attachedVpcs(ctx, key, g.VpcAttachments) });
  });
  each(items('CustomerGateways'), (r, g) => {
    const id = str(g.CustomerGatewayId);
    if (!id) return;
    const { key } = ctx.register(r, id, 'cgw');
    const ip = str(g.IpAddress);
    m.links.set(key, { ...ctx.fact(key), kind: 'cgw', tierTag: tierTagOf(g), vpcs: [], ...(ip ? { edges: [`cgw-ip:${ip}`] } : {}) });
  });
  each(items('TransitGateways'), (r, t) => {
    const id = str(t.TransitGatewayId);
    if (!id) return;
    const { key, isNew } = ctx.register(r, id, 'tgw');
    if (!isNew) return;
    const o = isObject(t.Options) ? t.Options : {};
    const defaultTable = str(o.AssociationDefaultRouteTableId);
    m.tgws.set(key, {
      ...ctx.fact(key), tierTag: tierTagOf(t),
      defaultAssociation: o.DefaultRouteTableAssociation !== 'disable', defaultPropagation: o.DefaultRouteTablePropagation !== 'disable',
      // The real default table, registered below with the other tables; a placeholder when there is none.
      defaultRouteTable: defaultTable ? ctx.key(r, defaultTable) : `${key}#defaultRouteTable`,
    });
    membership(ctx, key, t);
  });
  each(items('TransitGatewayRouteTables'), (r, t) => {
    const id = str(t.TransitGatewayRouteTableId);
    if (!id) return;
    const { key, isNew } = ctx.register(r, id, 'tgw-rtb');
    if (!isNew) return;
    const tgw = ctx.lookup(str(t.TransitGatewayId));
    if (!tgw) return ctx.unresolved(key, 'TransitGatewayId', reason('not-in-snapshot', { thing: 'transit-gateway', id: String(t.TransitGatewayId) }));
    m.tgwRouteTables.set(key, { ...ctx.fact(key), tgw, isDefault: t.DefaultAssociationRouteTable === true, associations: [], propagations: [], routes: [] });
    if (t.DefaultAssociationRouteTable === true) ctx.origins.set(key, { ownedBy: tgw, what: 'defaultRouteTable' });
  });
  each(items('VpcPeeringConnections'), (r, p) => peering(ctx, r, p));
  each(items('ServiceConfigurations'), (r, s) => {
    const id = str(s.ServiceId);
    if (!id) return;
    const { key } = ctx.register(r, id, 'vpce-svc');
    m.endpointServices.set(key, { ...ctx.fact(key), loadBalancers: [...strings(s.NetworkLoadBalancerArns), ...strings(s.GatewayLoadBalancerArns)].map((arn) => ctx.key(r, arn)) });
  });

  // Phase 2: resources inside VPCs.
  each(items('SecurityGroups'), (r, g) => {
    const id = str(g.GroupId);
    if (!id) return;
    const { key, isNew } = ctx.register(r, id, 'sg');
    if (!isNew) return;
    const vpc = ctx.lookup(str(g.VpcId));
    if (!vpc) ctx.unresolved(key, 'VpcId', reason('not-in-snapshot', { thing: 'vpc', id: String(g.VpcId) }));
    // Egress as listed: an empty list means no egress at all (no CloudFormation default applies to a live group).
    m.securityGroups.set(key, { ...ctx.fact(key), vpc, isDefault: g.GroupName === 'default', ingress: [], egress: [], explicitEgress: true });
    if (g.GroupName === 'default' && vpc) ctx.origins.set(key, { ownedBy: vpc, what: 'defaultSg' });
    // The group WorkSpaces creates when a directory is registered (`<directory>_workspacesMembers`).
    if (typeof g.GroupName === 'string' && g.GroupName.endsWith('_workspacesMembers') && vpc) ctx.origins.set(key, { ownedBy: vpc, what: 'workspacesMembers' });
  });
  for (const r of regions) {
    const perRule = r.listings.get('SecurityGroupRules');
    if (perRule) {
      // describe-security-group-rules and describe-security-groups list the same rules: read one view only.
      for (const rule of perRule.items) sgRuleFromRuleView(ctx, awsManagedLists, rule);
    } else {
      for (const g of items('SecurityGroups')(r)) {
        const key = ctx.lookup(str(g.GroupId));
        const sg = key ? m.securityGroups.get(key) : undefined;
        if (!sg || !key) continue;
        for (const p of list(g.IpPermissions)) sg.ingress.push(...sgRulesFromPermission(ctx, awsManagedLists, key, p, 'ingress'));
        for (const p of list(g.IpPermissionsEgress)) sg.egress.push(...sgRulesFromPermission(ctx, awsManagedLists, key, p, 'egress'));
      }
    }
  }
  each(items('NatGateways'), (r, n) => {
    const id = str(n.NatGatewayId);
    if (!id) return;
    const { key } = ctx.register(r, id, 'nat');
    const subnet = ctx.lookup(str(n.SubnetId));
    if (!subnet) return n.SubnetId === undefined ? ctx.unmodelled(key, reason('regional-nat')) : ctx.unresolved(key, 'SubnetId', reason('not-in-snapshot', { thing: 'subnet', id: String(n.SubnetId) }));
    m.nats.set(key, { ...ctx.fact(key), subnet, connectivity: n.ConnectivityType === 'private' ? 'private' : 'public' });
  });
  each(items('VpnConnections'), (r, v) => {
    const id = str(v.VpnConnectionId);
    if (!id) return;
    const { key } = ctx.register(r, id, 'vpn');
    const vgw = ctx.lookup(str(v.VpnGatewayId));
    const tgw = ctx.lookup(str(v.TransitGatewayId));
    const cgw = ctx.lookup(str(v.CustomerGatewayId));
    if (!vgw && !tgw) ctx.unresolved(key, 'VpnGatewayId', reason('vpn-gateway-not-in-snapshot', { gateway: str(v.VpnGatewayId) ?? str(v.TransitGatewayId) }));
    m.links.set(key, { ...ctx.fact(key), kind: 'vpn', tierTag: tierTagOf(v), vgw, tgw, cgw, vpcs: [] });
  });
  each(items('DirectConnectGatewayAssociations'), (r, a) => {
    const dxgw = str(a.directConnectGatewayId);
    const gwId = isObject(a.associatedGateway) ? str(a.associatedGateway.id) : str(a.virtualGatewayId);
    const id = str(a.associationId) ?? `${dxgw}/${gwId}`;
    if (!dxgw || !gwId || GONE.has(String(a.associationState ?? ''))) return;
    const { key } = ctx.register(r, id, 'dxassoc');
    const gw = ctx.lookup(gwId);
    const isTgw = gwId.startsWith('tgw-');
    const tierTag = gw ? (m.links.get(gw)?.tierTag ?? m.tgws.get(gw)?.tierTag) : undefined;
    if (!gw) ctx.unresolved(key, 'associatedGateway', reason('not-in-snapshot', { thing: 'gateway', id: String(gwId) }));
    m.links.set(key, { ...ctx.fact(key), kind: 'dx-association', tierTag, vpcs: [], edges: [`dxgw:${dxgw}`], ...(gw && !isTgw ? { vgw: gw } : {}), ...(gw && isTgw ? { tgw: gw } : {}) });
  });
  transitGatewayAttachments(ctx, regions);
  each(items('NetworkInterfaces'), (r, n) => {
    const id = str(n.NetworkInterfaceId);
    if (!id) return;
    const subnet = ctx.lookup(str(n.SubnetId));
    const sgs = list(n.Groups).map((g) => ctx.lookup(str(g.GroupId))).filter((g): g is string => !!g);
    const instance = isObject(n.Attachment) ? str(n.Attachment.InstanceId) : undefined;
    const { key } = ctx.register(r, id, 'eni');
    if (!subnet) ctx.unresolved(key, 'SubnetId', reason('not-in-snapshot', { thing: 'subnet', id: String(n.SubnetId) }));
    // An instance with interfaces in several subnets is one compute fact: it can forward between them.
    const owner = instance ? ctx.register(r, instance, 'i').key : key;
    const c = m.compute.get(owner) ?? { ...ctx.fact(owner), subnets: [], securityGroups: [] };
    if (subnet && !c.subnets.includes(subnet)) c.subnets.push(subnet);
    for (const g of sgs) if (!c.securityGroups.includes(g)) c.securityGroups.push(g);
    m.compute.set(owner, c);
    ctx.eniOwner.set(id, owner);
  });
  const firewallByEndpoint = new Map<string, string>();
  for (const r of regions) {
    for (const [arn, f] of r.perId.get('Firewall') ?? []) {
      const fw = isObject(f.body.Firewall) ? f.body.Firewall : {};
      ctx.current = fw;
      const { key } = ctx.register(r, arn, 'firewall');
      ctx.current = undefined;
      const vpc = ctx.lookup(str(fw.VpcId));
      const subnets = list(fw.SubnetMappings).map((s) => ctx.lookup(str(s.SubnetId))).filter((s): s is string => !!s);
      const status = isObject(f.body.FirewallStatus) ? f.body.FirewallStatus : {};
      for (const state of Object.values(isObject(status.SyncStates) ? status.SyncStates : {})) {
        const att = isObject(state) && isObject(state.Attachment) ? state.Attachment : undefined;
        const ep = att ? str(att.EndpointId) : undefined;
        if (ep) firewallByEndpoint.set(ep, key);
      }
      m.firewalls.set(key, { ...ctx.fact(key), vpc, subnets });
    }
  }
  each(items('VpcEndpoints'), (r, e) => endpoint(ctx, r, e));
  each(items('NetworkAcls'), (r, n) => nacl(ctx, r, n));
  each(items('ClientVpnEndpoints'), (r, c) => clientVpn(ctx, r, c));
  each(items('LoadBalancers'), (r, lb) => {
    const arn = str(lb.LoadBalancerArn);
    if (!arn) return;
    const { key } = ctx.register(r, arn, 'lb');
    const subnets = list(lb.AvailabilityZones).map((z) => ctx.lookup(str(z.SubnetId))).filter((s): s is string => !!s);
    const sgs = strings(lb.SecurityGroups).map((g) => ctx.lookup(g)).filter((g): g is string => !!g);
    m.compute.set(key, { ...ctx.fact(key), subnets, securityGroups: sgs });
    if (lb.Scheme === 'internet-facing' && lb.Type !== 'gateway') m.teleworkEntries.push({ ...ctx.fact(key), kind: 'internet-facing-load-balancer', subnets });
  });
  telework(ctx, regions);

  // Phase 3: routes, now that every target exists.
  each(items('RouteTables'), (r, t) => routeTable(ctx, r, t, awsManagedLists, firewallByEndpoint));
  mainRouteTables(ctx, regions);
  tgwTables(ctx, regions);
  declareTiers(m);
  for (const r of regions) {
    for (const u of r.unused) m.coverage.push({ key: 'snapshot-unused-file', file: u.file, why: u.why });
  }
  return { model: m, origins: ctx.origins };
}

/** The municipality / prefecture hub a VPC or transit gateway declares (mic:municipality / mic:hub), as from templates. */
function membership(ctx: SnapshotContext, key: string, item: Json): void {
  const municipality = tagOf(item, MUNICIPALITY_TAG_KEY);
  const hub = tagOf(item, HUB_TAG_KEY);
  if (municipality === undefined && hub === undefined) return;
  ctx.model.membership.set(key, { ref: ctx.ref(key), ...(municipality !== undefined ? { municipality } : {}), ...(hub !== undefined ? { hub } : {}) });
}

function attachedVpcs(ctx: SnapshotContext, key: string, attachments: unknown): string[] {
  const out: string[] = [];
  for (const a of list(attachments)) {
    const state = String(a.State ?? '').toLowerCase();
    if (GONE.has(state)) continue;
    const vpc = ctx.lookup(str(a.VpcId));
    if (vpc) out.push(vpc);
    else ctx.unresolved(key, 'Attachments.VpcId', reason('not-in-snapshot', { thing: 'vpc', id: String(a.VpcId) }));
  }
  return out;
}

function peering(ctx: SnapshotContext, r: RegionSnapshot, p: Json): void {
  const id = str(p.VpcPeeringConnectionId);
  if (!id) return;
  const { key, isNew } = ctx.register(r, id, 'pcx');
  if (!isNew) return; // both accounts list it: one connection
  const req = isObject(p.RequesterVpcInfo) ? p.RequesterVpcInfo : {};
  const acc = isObject(p.AccepterVpcInfo) ? p.AccepterVpcInfo : {};
  const a = ctx.lookup(str(req.VpcId));
  const b = ctx.lookup(str(acc.VpcId));
  const describe = (i: Json): string => `${String(i.VpcId)} (account ${String(i.OwnerId ?? '?')}, ${String(i.Region ?? r.region)}, ${String(i.CidrBlock ?? '?')})`;
  const vpc = a ?? b;
  if (!vpc) return ctx.unresolved(key, 'RequesterVpcInfo.VpcId', reason('peering-not-in-snapshot'));
  const peer = a ? b : undefined;
  const outside = a ? acc : req;
  ctx.model.peerings.set(key, { ...ctx.fact(key), vpc, peerVpcs: peer ? [peer] : [], peerText: peer ? peer : describe(outside) });
  if (!peer) ctx.unresolved(key, 'AccepterVpcInfo.VpcId', reason('peer-vpc-not-in-snapshot', { vpc: describe(outside) }));
}

function transitGatewayAttachments(ctx: SnapshotContext, regions: readonly RegionSnapshot[]): void {
  const m = ctx.model;
  const vpcDetails = new Map<string, Json>();
  for (const r of regions) for (const a of items('TransitGatewayVpcAttachments')(r)) if (str(a.TransitGatewayAttachmentId)) vpcDetails.set(String(a.TransitGatewayAttachmentId), a);
  for (const r of regions) {
    for (const a of items('TransitGatewayAttachments')(r)) {
      ctx.current = vpcDetails.get(String(a.TransitGatewayAttachmentId)) ?? a;
      const id = str(a.TransitGatewayAttachmentId);
      if (!id) continue;
      const { key, isNew } = ctx.register(r, id, 'tgw-attach');
      if (!isNew) continue;
      const tgw = ctx.lookup(str(a.TransitGatewayId));
      if (!tgw) {
        ctx.unresolved(key, 'TransitGatewayId', reason('tgw-owner-not-in-snapshot', { tgw: String(a.TransitGatewayId), owner: String(a.TransitGatewayOwnerId ?? '?') }));
        continue;
      }
      const type = String(a.ResourceType ?? '');
      const resource = str(a.ResourceId);
      let fact: TgwAttachmentFact;
      if (type === 'vpc') {
        const detail = vpcDetails.get(id);
        const vpc = ctx.lookup(str(detail?.VpcId) ?? resource);
        if (!vpc) ctx.unresolved(key, 'VpcId', reason('attachment-vpc-not-in-snapshot', { vpc: resource ?? '?', account: String(a.ResourceOwnerId ?? '?') }));
        const subnets = strings(detail?.SubnetIds).map((s) => ctx.lookup(s)).filter((s): s is string => !!s);
        fact = { ...ctx.fact(key), tgw, kind: 'vpc', ...(vpc ? { vpc } : {}), subnets, tierTag: tierTagOf(a) ?? (detail ? tierTagOf(detail) : undefined) };
        if (!vpc) {
          // Fail closed: an attachment into an unseen VPC leads to an unknown network.
          m.unmodelled.push({ ref: ctx.ref(key), reason: reason('attachment-into-missing-vpc', { vpc: resource ?? '?' }) });
        }
      } else if (type === 'vpn' || type === 'direct-connect-gateway') {
        const link = type === 'vpn' ? ctx.lookup(resource) : undefined;
        if (link) ctx.origins.set(key, { ownedBy: link, what: 'tgwAttachment' });
        const linkTag = link ? m.links.get(link)?.tierTag : m.tgws.get(tgw)?.tierTag;
        fact = { ...ctx.fact(key), tgw, kind: type === 'vpn' ? 'vpn' : 'dx', subnets: [], ...(link ? { link } : {}), tierTag: tierTagOf(a) ?? linkTag };
      } else {
        ctx.unmodelled(key, reason('attachment-type-unmodelled', { type: String(type), resource: resource ?? '?' }));
        continue;
      }
      m.tgwAttachments.set(key, fact);
    }
  }
  ctx.current = undefined;
}

function endpoint(ctx: SnapshotContext, r: RegionSnapshot, e: Json): void {
  const id = str(e.VpcEndpointId);
  if (!id) return;
  const { key } = ctx.register(r, id, 'vpce');
  const type = String(e.VpcEndpointType ?? '');
  if (type !== 'Gateway' && type !== 'Interface' && type !== 'GatewayLoadBalancer') return ctx.unmodelled(key, reason('endpoint-type-unmodelled', { type: String(type) }));
  const vpc = ctx.lookup(str(e.VpcId));
  if (!vpc) return ctx.unresolved(key, 'VpcId', reason('not-in-snapshot', { thing: 'vpc', id: String(e.VpcId) }));
  const serviceName = str(e.ServiceName) ?? '';
  let service: string | undefined;
  if (/^com\.amazonaws\.vpce\./.test(serviceName)) {
    const svc = [...ctx.model.endpointServices.keys()].find((k) => serviceName.endsWith(k.split('::')[1] ?? '\u0000'));
    service = svc;
    if (!svc) ctx.unresolved(key, 'ServiceName', reason('privatelink-not-in-snapshot', { service: String(serviceName) }));
  }
  const ids = (v: unknown): string[] => strings(v).map((x) => ctx.lookup(x)).filter((x): x is string => !!x);
  ctx.model.endpoints.set(key, {
    ...ctx.fact(key), vpc, endpointType: type, serviceName, ...(service ? { service } : {}),
    subnets: ids(e.SubnetIds), securityGroups: list(e.Groups).map((g) => ctx.lookup(str(g.GroupId))).filter((g): g is string => !!g), routeTables: ids(e.RouteTableIds),
  });
  if (/\.highlander$/.test(serviceName)) ctx.model.teleworkEntries.push({ ...ctx.fact(key), kind: 'streaming-endpoint', subnets: ids(e.SubnetIds), vpc });
}

function nacl(ctx: SnapshotContext, r: RegionSnapshot, n: Json): void {
  const id = str(n.NetworkAclId);
  if (!id) return;
  const { key } = ctx.register(r, id, 'acl');
  const vpc = ctx.lookup(str(n.VpcId));
  if (!vpc) return ctx.unresolved(key, 'VpcId', reason('not-in-snapshot', { thing: 'vpc', id: String(n.VpcId) }));
  const entries = [];
  for (const e of list(n.Entries)) {
    const protocol = parseProtocol(e.Protocol as string | undefined);
    const ruleNumber = Number(e.RuleNumber);
    const cidr = e.CidrBlock ?? e.Ipv6CidrBlock;
    const part = `entry ${String(e.RuleNumber)} ${e.Egress ? 'egress' : 'ingress'}`;
    if (protocol === undefined || !Number.isFinite(ruleNumber)) {
      ctx.unresolved(key, 'Entries', reason('snapshot-nacl-entry', { rule: String(e.RuleNumber), egress: !!e.Egress, protocol: String(e.Protocol) }));
      continue;
    }
    const c = ctx.cidr(key, 'Entries.CidrBlock', cidr);
    if (!c) continue;
    const pr = isObject(e.PortRange) ? e.PortRange : undefined;
    const ports = (protocol === 6 || protocol === 17) && pr && Number.isFinite(Number(pr.From)) && Number.isFinite(Number(pr.To)) ? { from: Number(pr.From), to: Number(pr.To) } : undefined;
    entries.push({ ref: ctx.partRef(key, part, 'AWS::EC2::NetworkAclEntry'), ruleNumber, egress: e.Egress === true, allow: e.RuleAction === 'allow', protocol, ...(ports ? { ports } : {}), cidr: setOf([c]), cidrText: c.text });
  }
  // isDefault stays false: the default NACL's entries are listed, so they are evaluated like any other.
  ctx.model.nacls.set(key, { ...ctx.fact(key), vpc, isDefault: false, entries });
  if (n.IsDefault === true) ctx.origins.set(key, { ownedBy: vpc, what: 'defaultNacl' });
  for (const a of list(n.Associations)) {
    const s = ctx.lookup(str(a.SubnetId));
    if (s) ctx.model.subnetNacl.set(s, key);
  }
}

function clientVpn(ctx: SnapshotContext, r: RegionSnapshot, c: Json): void {
  const id = str(c.ClientVpnEndpointId);
  if (!id) return;
  const { key } = ctx.register(r, id, 'cvpn-endpoint');
  const vpc = ctx.lookup(str(c.VpcId));
  const clientCidr = ctx.cidr(key, 'ClientCidrBlock', c.ClientCidrBlock);
  const fact = {
    ...ctx.fact(key), ...(vpc ? { vpc } : {}), ...(clientCidr ? { clientCidr } : {}), tierTag: tierTagOf(c),
    associations: [] as Array<{ subnet: string; ref: ReturnType<SnapshotContext['ref']> }>,
    authorizations: [] as Array<{ cidr: Cidr; allGroups: boolean; ref: ReturnType<SnapshotContext['ref']> }>,
    routes: [] as Array<{ cidr: Cidr; subnet?: string; ref: ReturnType<SnapshotContext['ref']> }>,
    securityGroups: strings(c.SecurityGroupIds).map((g) => ctx.lookup(g)).filter((g): g is string => !!g),
    selfServicePortal: typeof c.SelfServicePortalUrl === 'string' && c.SelfServicePortalUrl !== '',
  };
  const per = (kind: 'ClientVpnTargetNetworks' | 'ClientVpnAuthorizationRules' | 'ClientVpnRoutes', k: string): Json[] =>
    list(r.perId.get(kind)?.get(id)?.body[k]).filter((x) => !GONE.has(stateOf(x)));
  for (const t of per('ClientVpnTargetNetworks', 'ClientVpnTargetNetworks')) {
    const s = ctx.lookup(str(t.TargetNetworkId));
    if (s) fact.associations.push({ subnet: s, ref: ctx.partRef(key, `association ${String(t.AssociationId ?? t.TargetNetworkId)}`, 'AWS::EC2::ClientVpnTargetNetworkAssociation') });
    else ctx.unresolved(key, 'TargetNetworkId', reason('not-in-snapshot', { thing: 'subnet', id: String(t.TargetNetworkId) }));
  }
  for (const a of per('ClientVpnAuthorizationRules', 'AuthorizationRules')) {
    const cidr = ctx.cidr(key, 'AuthorizationRules.DestinationCidr', a.DestinationCidr);
    if (cidr) fact.authorizations.push({ cidr, allGroups: a.AccessAll === true, ref: ctx.partRef(key, `authorization ${cidr.text}`, 'AWS::EC2::ClientVpnAuthorizationRule') });
  }
  for (const rt of per('ClientVpnRoutes', 'Routes')) {
    const cidr = ctx.cidr(key, 'Routes.DestinationCidr', rt.DestinationCidr);
    const subnet = ctx.lookup(str(rt.TargetSubnet));
    if (cidr) fact.routes.push({ cidr, ...(subnet ? { subnet } : {}), ref: ctx.partRef(key, `route ${cidr.text}`, 'AWS::EC2::ClientVpnRoute') });
  }
  ctx.model.clientVpns.set(key, fact);
}

function telework(ctx: SnapshotContext, regions: readonly RegionSnapshot[]): void {
  const m = ctx.model;
  const dsSubnets = new Map<string, string[]>();
  for (const r of regions) {
    for (const d of items('DirectoryDescriptions')(r)) {
      const id = str(d.DirectoryId);
      if (!id) continue;
      const { key } = ctx.register(r, id, 'd');
      const settings = isObject(d.VpcSettings) ? d.VpcSettings : isObject(d.ConnectSettings) ? d.ConnectSettings : {};
      const subnets = strings(settings.SubnetIds).map((s) => ctx.lookup(s)).filter((s): s is string => !!s);
      dsSubnets.set(id, subnets);
      m.compute.set(key, { ...ctx.fact(key), subnets, securityGroups: [] });
    }
  }
  for (const r of regions) {
    for (const d of items('WorkspaceDirectories')(r)) {
      const id = str(d.DirectoryId);
      if (!id) continue;
      const dirKey = ctx.lookup(id) ?? ctx.register(r, id, 'ws-directory').key;
      const subnets = strings(d.SubnetIds).map((s) => ctx.lookup(s)).filter((s): s is string => !!s);
      if (subnets.length === 0) ctx.unresolved(dirKey, 'SubnetIds', reason('desktop-subnets-unknown'));
      m.teleworkEntries.push({ ...ctx.fact(dirKey), ref: { ...ctx.ref(dirKey), type: 'AWS::WorkSpaces::Directory' }, kind: 'workspaces-directory', subnets });
      const ds = dsSubnets.get(id);
      if (ds) m.teleworkEntries.push({ ...ctx.fact(dirKey), kind: 'directory-service', subnets: ds });
    }
    for (const w of items('Workspaces')(r)) {
      const id = str(w.WorkspaceId);
      if (!id) continue;
      const { key } = ctx.register(r, id, 'ws');
      const own = ctx.lookup(str(w.SubnetId));
      const subnets = own ? [own] : (dsSubnets.get(String(w.DirectoryId)) ?? []);
      if (subnets.length === 0) ctx.unresolved(key, 'SubnetId', reason('desktop-subnet-unknown'));
      m.teleworkEntries.push({ ...ctx.fact(key), kind: 'workspace', subnets });
    }
  }
}

function sgPeer(ctx: SnapshotContext, awsManaged: Set<string>, key: string, property: string, p: { cidr4?: unknown; cidr6?: unknown; group?: unknown; prefixList?: unknown }): Array<Pick<SgRuleFact, 'cidr' | 'group' | 'peerText'>> {
  const out: Array<Pick<SgRuleFact, 'cidr' | 'group' | 'peerText'>> = [];
  for (const c of [p.cidr4, p.cidr6]) {
    if (c === undefined) continue;
    const cidr = ctx.cidr(key, property, c);
    if (cidr) out.push({ cidr: setOf([cidr]), peerText: cidr.text });
  }
  if (p.group !== undefined) {
    const g = ctx.lookup(str(p.group));
    if (g) out.push({ group: g, peerText: `security group ${String(p.group)}` });
    else ctx.unresolved(key, property, reason('sg-not-in-snapshot', { group: String(p.group) }));
  }
  if (p.prefixList !== undefined) {
    const id = str(p.prefixList);
    const pl = ctx.lookup(id);
    const fact = pl ? ctx.model.prefixLists.get(pl) : undefined;
    if (fact) out.push({ cidr: setOf(fact.cidrs), peerText: `prefix list ${id}` });
    else if (id && awsManaged.has(id)) out.push({ cidr: [] as IntervalSet, peerText: `AWS-managed prefix list ${id}` });
    else ctx.unresolved(key, property, reason('not-in-snapshot', { thing: 'prefix-list', id: String(p.prefixList) }));
  }
  return out;
}

function sgRulesFromPermission(ctx: SnapshotContext, awsManaged: Set<string>, key: string, p: Json, direction: 'ingress' | 'egress'): SgRuleFact[] {
  const protocol = parseProtocol(p.IpProtocol as string | undefined);
  const property = direction === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress';
  if (protocol === undefined) {
    ctx.unresolved(key, property, reason('unknown-protocol', { value: String(p.IpProtocol) }));
    return [];
  }
  const ports = sgPorts(protocol, p.FromPort, p.ToPort);
  const ref = ctx.partRef(key, `${direction} ${String(p.IpProtocol)}${ports ? ` ${ports.from}-${ports.to}` : ''}`, direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress');
  const peers = [
    ...list(p.IpRanges).flatMap((x) => sgPeer(ctx, awsManaged, key, property, { cidr4: x.CidrIp })),
    ...list(p.Ipv6Ranges).flatMap((x) => sgPeer(ctx, awsManaged, key, property, { cidr6: x.CidrIpv6 })),
    ...list(p.UserIdGroupPairs).flatMap((x) => sgPeer(ctx, awsManaged, key, property, { group: x.GroupId })),
    ...list(p.PrefixListIds).flatMap((x) => sgPeer(ctx, awsManaged, key, property, { prefixList: x.PrefixListId })),
  ];
  return peers.map((peer) => ({ ref, protocol, ...(ports ? { ports } : {}), ...peer }));
}

function sgRuleFromRuleView(ctx: SnapshotContext, awsManaged: Set<string>, rule: Json): void {
  const key = ctx.lookup(str(rule.GroupId));
  const sg = key ? ctx.model.securityGroups.get(key) : undefined;
  if (!key || !sg) return;
  const egress = rule.IsEgress === true;
  const protocol = parseProtocol(rule.IpProtocol as string | undefined);
  if (protocol === undefined) return ctx.unresolved(key, 'SecurityGroupRules', reason('sg-rule-unknown-protocol', { rule: String(rule.SecurityGroupRuleId), value: String(rule.IpProtocol) }));
  const ports = sgPorts(protocol, rule.FromPort, rule.ToPort);
  const ref = ctx.partRef(key, String(rule.SecurityGroupRuleId ?? (egress ? 'egress' : 'ingress')), egress ? 'AWS::EC2::SecurityGroupEgress' : 'AWS::EC2::SecurityGroupIngress');
  const ref2 = isObject(rule.ReferencedGroupInfo) ? rule.ReferencedGroupInfo.GroupId : undefined;
  const peers = sgPeer(ctx, awsManaged, key, 'SecurityGroupRules', { cidr4: rule.CidrIpv4, cidr6: rule.CidrIpv6, group: ref2, prefixList: rule.PrefixListId });
  (egress ? sg.egress : sg.ingress).push(...peers.map((peer) => ({ ref, protocol, ...(ports ? { ports } : {}), ...peer })));
}

function sgPorts(protocol: number, from: unknown, to: unknown): { from: number; to: number } | undefined {
  if (protocol !== 6 && protocol !== 17) return undefined;
  const f = Number(from ?? -1);
  const t = Number(to ?? -1);
  return f === -1 || t === -1 || !Number.isFinite(f) || !Number.isFinite(t) ? undefined : { from: f, to: t };
}

const TARGET_FIELDS: Array<[string, RouteTarget['kind'] | 'by-id']> = [
  ['GatewayId', 'by-id'], ['NatGatewayId', 'nat'], ['TransitGatewayId', 'tgw'], ['VpcPeeringConnectionId', 'peering'],
  ['VpcEndpointId', 'by-id'], ['NetworkInterfaceId', 'eni'], ['InstanceId', 'instance'], ['EgressOnlyInternetGatewayId', 'eigw'],
  ['CarrierGatewayId', 'unmodelled'], ['LocalGatewayId', 'unmodelled'], ['CoreNetworkArn', 'unmodelled'],
];

function routeTable(ctx: SnapshotContext, r: RegionSnapshot, t: Json, awsManaged: Set<string>, firewallByEndpoint: Map<string, string>): void {
  const m = ctx.model;
  const id = str(t.RouteTableId);
  if (!id) return;
  const { key } = ctx.register(r, id, 'rtb');
  const vpc = ctx.lookup(str(t.VpcId));
  if (!vpc) return ctx.unresolved(key, 'VpcId', reason('not-in-snapshot', { thing: 'vpc', id: String(t.VpcId) }));
  const fact = { ...ctx.fact(key), vpc, routes: [] as RouteFact[] };
  m.routeTables.set(key, fact);
  for (const a of list(t.Associations)) {
    if (isObject(a.AssociationState) && GONE.has(String(a.AssociationState.State))) continue;
    const s = ctx.lookup(str(a.SubnetId));
    const g = ctx.lookup(str(a.GatewayId));
    if (s) m.subnetRouteTable.set(s, key);
    if (g) m.gatewayRouteTables.set(g, key);
  }
  for (const vgw of list(t.PropagatingVgws)) {
    const g = ctx.lookup(str(vgw.GatewayId));
    if (g) fact.routes.push({ ref: ctx.partRef(key, 'propagation', 'AWS::EC2::VPNGatewayRoutePropagation'), dest: ALL_ADDRESSES, destText: 'routes propagated from on-premises (BGP)', prefixLength: -1, target: { kind: 'vgw', key: g } });
  }
  for (const route of list(t.Routes)) {
    if (route.GatewayId === 'local') continue; // the router adds the VPC's own blocks as local routes
    if (route.Origin === 'EnableVgwRoutePropagation') continue; // covered by the propagation above
    const destText = str(route.DestinationCidrBlock) ?? str(route.DestinationIpv6CidrBlock) ?? str(route.DestinationPrefixListId) ?? '?';
    const ref = ctx.partRef(key, `route ${destText}`, 'AWS::EC2::Route');
    const target = routeTarget(ctx, key, route, firewallByEndpoint);
    let dest: IntervalSet;
    let prefixLength: number;
    let text = destText;
    if (route.DestinationPrefixListId !== undefined) {
      const plId = String(route.DestinationPrefixListId);
      const pl = ctx.lookup(plId);
      const plFact = pl ? m.prefixLists.get(pl) : undefined;
      if (plFact) {
        dest = setOf(plFact.cidrs);
        prefixLength = Math.max(0, ...plFact.cidrs.map((c) => c.prefixLength));
        text = `prefix list ${plId}`;
      } else if (awsManaged.has(plId) || /^pl-/.test(plId)) {
        if (target.kind === 'vpce' && m.endpoints.get(target.key)?.endpointType === 'Gateway') continue; // AWS service via a gateway endpoint
        // AWS service addresses elsewhere: public addresses, taken as every address (fail closed).
        dest = ALL_ADDRESSES;
        prefixLength = 0;
        text = `AWS-managed prefix list ${plId} (AWS service addresses)`;
        if (!awsManaged.has(plId)) ctx.unresolved(key, 'DestinationPrefixListId', reason('not-in-snapshot', { thing: 'prefix-list', id: String(plId) }));
      } else continue;
    } else {
      const c = ctx.cidr(key, 'DestinationCidrBlock', destText);
      if (!c) continue;
      dest = setOf([c]);
      prefixLength = c.prefixLength;
    }
    fact.routes.push({ ref, dest, destText: text, prefixLength, target: route.State === 'blackhole' ? { kind: 'blackhole', key } : target });
  }
}

function routeTarget(ctx: SnapshotContext, tableKey: string, route: Json, firewallByEndpoint: Map<string, string>): RouteTarget {
  const m = ctx.model;
  for (const [field, kind] of TARGET_FIELDS) {
    const v = str(route[field]);
    if (!v) continue;
    if (kind === 'unmodelled') {
      ctx.unmodelled(tableKey, reason('route-target-unmodelled', { property: field, id: v }));
      return { kind: 'unmodelled', what: `${field} ${v}` };
    }
    const fw = firewallByEndpoint.get(v);
    if (fw) return { kind: 'firewall', key: fw };
    // A route through an interface forwards to whatever owns it (an instance with several interfaces).
    const key = v.startsWith('eni-') ? ctx.eniOwner.get(v) : ctx.lookup(v);
    const found = key && (
      v.startsWith('igw-') ? m.igws.has(key) && 'igw' : v.startsWith('vgw-') ? m.links.has(key) && 'vgw' : v.startsWith('vpce-') ? m.endpoints.has(key) && 'vpce'
        : v.startsWith('nat-') ? m.nats.has(key) && 'nat' : v.startsWith('tgw-') ? m.tgws.has(key) && 'tgw' : v.startsWith('pcx-') ? m.peerings.has(key) && 'peering'
          : v.startsWith('eni-') || v.startsWith('i-') ? m.compute.has(key) && (v.startsWith('eni-') ? 'eni' : 'instance') : v.startsWith('eigw-') ? m.eigws.has(key) && 'eigw' : false);
    if (key && found && (kind === 'by-id' || kind === found)) {
      return { kind: found, key } as RouteTarget;
    }
    ctx.unresolved(tableKey, field, reason('route-target-not-in-snapshot', { target: v, field }));
    return { kind: 'unmodelled', what: `${field} ${v}` };
  }
  ctx.unresolved(tableKey, 'Routes', reason('route-no-target', { route: JSON.stringify(route) }));
  return { kind: 'unmodelled' };
}

/** Subnets with no explicit association use their VPC's main table, whose routes are listed like any other. */
function mainRouteTables(ctx: SnapshotContext, regions: readonly RegionSnapshot[]): void {
  const m = ctx.model;
  const mainByVpc = new Map<string, string>();
  for (const r of regions) {
    for (const t of items('RouteTables')(r)) {
      if (!list(t.Associations).some((a) => a.Main === true)) continue;
      const key = ctx.lookup(str(t.RouteTableId));
      const rt = key ? m.routeTables.get(key) : undefined;
      if (rt && key) {
        mainByVpc.set(rt.vpc, key);
        if (!ctx.origins.has(key)) ctx.origins.set(key, { ownedBy: rt.vpc, what: 'mainRouteTable' });
      }
    }
  }
  for (const s of m.subnets.values()) {
    if (m.subnetRouteTable.has(s.key)) continue;
    const main = mainByVpc.get(s.vpc);
    if (main) m.subnetRouteTable.set(s.key, main);
  }
}

function tgwTables(ctx: SnapshotContext, regions: readonly RegionSnapshot[]): void {
  const m = ctx.model;
  for (const r of regions) {
    for (const t of items('TransitGatewayRouteTables')(r)) {
      const id = str(t.TransitGatewayRouteTableId);
      const key = ctx.lookup(id);
      const rt = key ? m.tgwRouteTables.get(key) : undefined;
      if (!id || !key || !rt) continue;
      const att = (a: Json, what: string): string | undefined => {
        const k = ctx.lookup(str(a.TransitGatewayAttachmentId));
        if (k && m.tgwAttachments.has(k)) return k;
        ctx.unresolved(key, what, reason('tgw-attachment-not-in-snapshot', { attachment: String(a.TransitGatewayAttachmentId), type: String(a.ResourceType ?? '?'), resource: String(a.ResourceId ?? '') }));
        return undefined;
      };
      for (const a of list(r.perId.get('TgwRouteTableAssociations')?.get(id)?.body.Associations)) {
        if (GONE.has(stateOf(a))) continue;
        const k = att(a, 'Associations');
        if (k) rt.associations.push({ attachment: k, ref: ctx.partRef(key, `association ${String(a.TransitGatewayAttachmentId)}`, 'AWS::EC2::TransitGatewayRouteTableAssociation') });
      }
      for (const p of list(r.perId.get('TgwRouteTablePropagations')?.get(id)?.body.TransitGatewayRouteTablePropagations)) {
        if (stateOf(p) === 'disabled' || GONE.has(stateOf(p))) continue;
        const k = att(p, 'Propagations');
        if (k) rt.propagations.push({ attachment: k, ref: ctx.partRef(key, `propagation ${String(p.TransitGatewayAttachmentId)}`, 'AWS::EC2::TransitGatewayRouteTablePropagation') });
      }
      for (const route of list(r.perId.get('TgwRoutes')?.get(id)?.body.Routes)) {
        if (route.Type === 'propagated') continue; // rebuilt from the propagations (BGP prefixes as every address)
        const destText = str(route.DestinationCidrBlock) ?? str(route.PrefixListId) ?? '?';
        const ref = ctx.partRef(key, `route ${destText}`, 'AWS::EC2::TransitGatewayRoute');
        let cidrs: Cidr[];
        if (route.PrefixListId !== undefined) {
          const pl = m.prefixLists.get(ctx.lookup(str(route.PrefixListId)) ?? '');
          if (!pl) {
            ctx.unresolved(key, 'Routes.PrefixListId', reason('not-in-snapshot', { thing: 'prefix-list', id: String(route.PrefixListId) }));
            continue;
          }
          cidrs = pl.cidrs;
        } else {
          const c = ctx.cidr(key, 'Routes.DestinationCidrBlock', route.DestinationCidrBlock);
          if (!c) continue;
          cidrs = [c];
        }
        const dest = setOf(cidrs);
        const prefixLength = Math.max(0, ...cidrs.map((c) => c.prefixLength));
        if (route.State === 'blackhole') {
          rt.routes.push({ ref, dest, destText, prefixLength, blackhole: true });
          continue;
        }
        const atts = list(route.TransitGatewayAttachments).map((a) => att(a, 'Routes.TransitGatewayAttachments')).filter((a): a is string => !!a);
        for (const a of atts) rt.routes.push({ ref, dest, destText, prefixLength, attachment: a, blackhole: false });
      }
    }
  }
  // A transit gateway whose default table was not listed still needs one for the model (empty: nothing joins it).
  for (const tgw of m.tgws.values()) {
    if (m.tgwRouteTables.has(tgw.defaultRouteTable)) continue;
    m.tgwRouteTables.set(tgw.defaultRouteTable, { key: tgw.defaultRouteTable, ref: ctx.partRef(tgw.key, 'default route table', 'AWS::EC2::TransitGatewayRouteTable'), presence: 'present', tgw: tgw.key, isDefault: true, associations: [], propagations: [], routes: [] });
  }
}
