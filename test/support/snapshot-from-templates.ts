/**
 * A stand-in for `cdk deploy` followed by the AWS CLI: turns templates into the describe-* outputs an
 * account deployed from them would give, in the shapes of the EC2 / Network Firewall / WorkSpaces /
 * Directory Service API references, laid out as `aws_configs/[<account>/]<region>/*.json`.
 *
 * Why it exists: the snapshot reader (lib/snapshot) and the template reader (lib/model) must give the
 * same verdict on the same network. Deriving the snapshot from the templates makes "the same network"
 * exact, so tests compare the two readers, and then mutate the snapshot as someone in the console would.
 *
 * It does what AWS does on deploy: physical ids, each VPC's main route table (local routes only), default
 * NACL (allow all) and default security group, CloudFormation's default allow-all egress, a transit
 * gateway's default route table when its defaults are enabled, the aws:cloudformation:* tags, and the
 * Client VPN route an association adds. It is test support, not a deployment simulator: anything it does
 * not know throws, so a test never runs on a half-derived account.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { Resolver, type ResourceEntry } from '../../lib/model/resolve/resolver';
import { NO_VALUE, ResRef, Unresolved, type Value, isPlainObject, refsInString } from '../../lib/model/resolve/values';
import { reasonEn } from '../../lib/report/i18n/reasons.en';

export type Json = Record<string, unknown>;

export interface DeriveOptions {
  account?: string;
  region?: string;
  /** Put the Region folder under an account folder (aws_configs/<account>/<region>/). */
  accountFolder?: boolean;
}

/** file path relative to the snapshot root (aws_configs/...) → JSON body. */
export type SnapshotFiles = Map<string, Json>;

const PREFIX: Record<string, string> = {
  'AWS::EC2::VPC': 'vpc', 'AWS::EC2::Subnet': 'subnet', 'AWS::EC2::RouteTable': 'rtb', 'AWS::EC2::NetworkAcl': 'acl',
  'AWS::EC2::SecurityGroup': 'sg', 'AWS::EC2::InternetGateway': 'igw', 'AWS::EC2::EgressOnlyInternetGateway': 'eigw',
  'AWS::EC2::NatGateway': 'nat', 'AWS::EC2::VPNGateway': 'vgw', 'AWS::EC2::CustomerGateway': 'cgw', 'AWS::EC2::VPNConnection': 'vpn',
  'AWS::EC2::VPCPeeringConnection': 'pcx', 'AWS::EC2::TransitGateway': 'tgw', 'AWS::EC2::TransitGatewayAttachment': 'tgw-attach',
  'AWS::EC2::TransitGatewayVpcAttachment': 'tgw-attach', 'AWS::EC2::TransitGatewayRouteTable': 'tgw-rtb', 'AWS::EC2::VPCEndpoint': 'vpce',
  'AWS::EC2::VPCEndpointService': 'vpce-svc', 'AWS::EC2::PrefixList': 'pl', 'AWS::EC2::NetworkInterface': 'eni', 'AWS::EC2::Instance': 'i',
  'AWS::EC2::ClientVpnEndpoint': 'cvpn-endpoint', 'AWS::EC2::EIP': 'eipalloc', 'AWS::WorkSpaces::Workspace': 'ws',
  'AWS::DirectoryService::MicrosoftAD': 'd', 'AWS::DirectoryService::SimpleAD': 'd',
};

export class TemplateDeployment {
  readonly account: string;
  readonly region: string;
  readonly resolver: Resolver;
  private readonly ids = new Map<string, string>();
  private readonly byType = new Map<string, ResourceEntry[]>();

  constructor(readonly templates: readonly LoadedTemplate[], opts: DeriveOptions = {}) {
    this.account = opts.account ?? '111122223333';
    this.region = opts.region ?? 'ap-northeast-1';
    this.resolver = new Resolver(templates);
    for (const e of this.resolver.resources.values()) {
      if (e.presence !== 'present') throw new Error(`${e.key} is conditional: the derivation deploys only certain resources`);
      this.byType.set(e.resource.Type, [...(this.byType.get(e.resource.Type) ?? []), e]);
    }
  }

  of(type: string): ResourceEntry[] {
    return this.byType.get(type) ?? [];
  }

  /** The physical id AWS would give a resource (stable: a hash of its identity). */
  id(key: string): string {
    let id = this.ids.get(key);
    if (id) return id;
    const [base, suffix] = key.split('#');
    const type = this.resolver.resources.get(base)?.resource.Type ?? '';
    const hex = createHash('sha256').update(key).digest('hex');
    if (suffix === 'defaultNacl') id = `acl-${hex.slice(0, 17)}`;
    else if (suffix === 'defaultSg') id = `sg-${hex.slice(0, 17)}`;
    else if (suffix === 'mainRouteTable') id = `rtb-${hex.slice(0, 17)}`;
    else if (suffix === 'endpoint') id = `vpce-${hex.slice(0, 17)}`;
    else if (suffix === 'defaultRouteTable') id = `tgw-rtb-${hex.slice(0, 17)}`;
    else if (suffix === 'attachment') id = `tgw-attach-${hex.slice(0, 17)}`;
    else if (type === 'AWS::NetworkFirewall::Firewall') id = `arn:aws:network-firewall:${this.region}:${this.account}:firewall/${base.split('::')[1]}`;
    else if (type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') id = `arn:aws:elasticloadbalancing:${this.region}:${this.account}:loadbalancer/net/${base.split('::')[1]}/${hex.slice(0, 16)}`;
    else if (type.startsWith('AWS::DirectoryService::')) id = `d-${hex.slice(0, 10)}`;
    else if (PREFIX[type]) id = `${PREFIX[type]}-${hex.slice(0, 17)}`;
    else id = `${base.split('::')[1]}-${hex.slice(0, 8)}`;
    this.ids.set(key, id);
    return id;
  }

  /** A property as deployed: references become physical ids; anything undecidable throws. */
  prop(e: ResourceEntry, name: string): unknown {
    const vs = this.resolver.prop(e, name);
    return this.physical(vs[0], `${e.key}.${name}`);
  }

  physical(v: Value | undefined, where: string): unknown {
    if (v === undefined || v === NO_VALUE) return undefined;
    if (v instanceof Unresolved) throw new Error(`${where}: ${reasonEn(v.reason)}`);
    if (v instanceof ResRef) return this.refId(v.key);
    if (typeof v === 'string') {
      let s = v.replace(/\$\{AWS::Region\}/g, this.region).replace(/\$\{AWS::AccountId\}/g, this.account).replace(/\$\{AZ(\d)\}/g, (_m, n: string) => `${this.region}${'abcd'[Number(n) - 1]}`);
      for (const k of refsInString(s)) s = s.replace(/\u0001R\d+\u0001/, this.refId(k));
      return s;
    }
    if (Array.isArray(v)) return v.filter((x) => x !== NO_VALUE).map((x, i) => this.physical(x, `${where}[${i}]`));
    if (isPlainObject(v)) {
      const out: Json = {};
      for (const [k, x] of Object.entries(v)) if (x !== NO_VALUE) out[k] = this.physical(x, `${where}.${k}`);
      return out;
    }
    return v;
  }

  /** A reference to a firewall as a route target is a reference to its endpoint. */
  private refId(key: string): string {
    const type = this.resolver.resources.get(key.split('#')[0])?.resource.Type;
    if (type === 'AWS::NetworkFirewall::Firewall' && !key.includes('#')) return this.id(`${key}#endpoint`);
    return this.id(key);
  }

  tags(e: ResourceEntry, extra: Json[] = []): Json[] {
    const declared = this.prop(e, 'Tags');
    const list = Array.isArray(declared) ? (declared as Json[]) : [];
    return [
      ...list,
      ...extra,
      { Key: 'aws:cloudformation:stack-name', Value: e.stack.replace(/\//g, '-') },
      { Key: 'aws:cloudformation:logical-id', Value: e.logicalId },
    ];
  }
}

/** Derives every snapshot file from the templates. */
export function snapshotFromTemplates(templates: readonly LoadedTemplate[], opts: DeriveOptions = {}): SnapshotFiles {
  const d = new TemplateDeployment(templates, opts);
  const folder = opts.accountFolder ? `aws_configs/${d.account}/${d.region}` : `aws_configs/${d.region}`;
  const files: SnapshotFiles = new Map();
  const put = (name: string, body: Json): void => void files.set(`${folder}/${name}`, body);
  const ref = (e: ResourceEntry, name: string): string | undefined => d.prop(e, name) as string | undefined;
  const owner = d.account;

  // VPCs, their CIDR blocks, and what AWS creates with each VPC.
  const vpcs = d.of('AWS::EC2::VPC');
  const vpcCidrs = new Map<string, { v4: string[]; v6: string[] }>();
  for (const v of vpcs) vpcCidrs.set(d.id(v.key), { v4: [ref(v, 'CidrBlock')!], v6: [] });
  for (const b of d.of('AWS::EC2::VPCCidrBlock')) {
    const vpc = ref(b, 'VpcId')!;
    const v4 = ref(b, 'CidrBlock');
    if (v4) vpcCidrs.get(vpc)!.v4.push(v4);
    const v6 = d.resolver.resolve(b.stack, { 'Fn::GetAtt': [b.logicalId, 'Ipv6CidrBlock'] })[0];
    if (typeof v6 === 'string') vpcCidrs.get(vpc)!.v6.push(v6);
  }
  put('vpcs.json', {
    Vpcs: vpcs.map((v) => {
      const c = vpcCidrs.get(d.id(v.key))!;
      return {
        CidrBlock: c.v4[0], DhcpOptionsId: 'dopt-0123456789abcdef0', State: 'available', VpcId: d.id(v.key), OwnerId: owner, InstanceTenancy: 'default',
        CidrBlockAssociationSet: c.v4.map((cidr, i) => ({ AssociationId: `vpc-cidr-assoc-${i}${d.id(v.key).slice(4, 16)}`, CidrBlock: cidr, CidrBlockState: { State: 'associated' } })),
        ...(c.v6.length ? { Ipv6CidrBlockAssociationSet: c.v6.map((cidr, i) => ({ AssociationId: `vpc-cidr-assoc-6${i}${d.id(v.key).slice(4, 15)}`, Ipv6CidrBlock: cidr, Ipv6CidrBlockState: { State: 'associated' }, NetworkBorderGroup: d.region })) } : {}),
        IsDefault: false, Tags: d.tags(v),
      };
    }),
  });
  const subnets = d.of('AWS::EC2::Subnet');
  const subnetVpc = new Map<string, string>();
  put('subnets.json', {
    Subnets: subnets.map((s, i) => {
      const vpc = ref(s, 'VpcId')!;
      subnetVpc.set(d.id(s.key), vpc);
      const v6 = [ref(s, 'Ipv6CidrBlock'), ...d.of('AWS::EC2::SubnetCidrBlock').filter((b) => ref(b, 'SubnetId') === d.id(s.key)).map((b) => ref(b, 'Ipv6CidrBlock'))].filter((x): x is string => !!x);
      return {
        AvailabilityZone: `${d.region}${'acd'[i % 3]}`, AvailableIpAddressCount: 250, CidrBlock: ref(s, 'CidrBlock'), DefaultForAz: false, MapPublicIpOnLaunch: false,
        State: 'available', SubnetId: d.id(s.key), VpcId: vpc, OwnerId: owner,
        Ipv6CidrBlockAssociationSet: v6.map((cidr, j) => ({ AssociationId: `subnet-cidr-assoc-${j}${d.id(s.key).slice(7, 18)}`, Ipv6CidrBlock: cidr, Ipv6CidrBlockState: { State: 'associated' } })),
        Tags: d.tags(s),
      };
    }),
  });

  // Route tables: the templates' tables plus each VPC's main table (local routes only).
  const localRoutes = (vpc: string): Json[] => [
    ...vpcCidrs.get(vpc)!.v4.map((c) => ({ DestinationCidrBlock: c, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' })),
    ...vpcCidrs.get(vpc)!.v6.map((c) => ({ DestinationIpv6CidrBlock: c, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' })),
  ];
  const tables: Json[] = vpcs.map((v) => ({
    Associations: [{ Main: true, RouteTableAssociationId: `rtbassoc-${d.id(`${v.key}#mainRouteTable`).slice(4)}`, RouteTableId: d.id(`${v.key}#mainRouteTable`), AssociationState: { State: 'associated' } }],
    PropagatingVgws: [], RouteTableId: d.id(`${v.key}#mainRouteTable`), Routes: localRoutes(d.id(v.key)), Tags: [], VpcId: d.id(v.key), OwnerId: owner,
  }));
  const tableById = new Map<string, Json>();
  for (const t of d.of('AWS::EC2::RouteTable')) {
    const vpc = ref(t, 'VpcId')!;
    const body: Json = { Associations: [], PropagatingVgws: [], RouteTableId: d.id(t.key), Routes: localRoutes(vpc), Tags: d.tags(t), VpcId: vpc, OwnerId: owner };
    tables.push(body);
    tableById.set(d.id(t.key), body);
  }
  const table = (id: string | undefined, where: string): Json => {
    const t = id ? tableById.get(id) : undefined;
    if (!t) throw new Error(`${where}: route table ${id} is not in the templates`);
    return t;
  };
  for (const a of d.of('AWS::EC2::SubnetRouteTableAssociation')) {
    const rt = ref(a, 'RouteTableId');
    (table(rt, a.key).Associations as Json[]).push({ Main: false, RouteTableAssociationId: `rtbassoc-${d.id(a.key).slice(-17)}`, RouteTableId: rt, SubnetId: ref(a, 'SubnetId'), AssociationState: { State: 'associated' } });
  }
  for (const a of d.of('AWS::EC2::GatewayRouteTableAssociation')) {
    const rt = ref(a, 'RouteTableId');
    (table(rt, a.key).Associations as Json[]).push({ Main: false, RouteTableAssociationId: `rtbassoc-${d.id(a.key).slice(-17)}`, RouteTableId: rt, GatewayId: ref(a, 'GatewayId'), AssociationState: { State: 'associated' } });
  }
  for (const p of d.of('AWS::EC2::VPNGatewayRoutePropagation')) {
    for (const rt of d.prop(p, 'RouteTableIds') as string[]) (table(rt, p.key).PropagatingVgws as Json[]).push({ GatewayId: ref(p, 'VpnGatewayId') });
  }
  for (const r of d.of('AWS::EC2::Route')) {
    const route: Json = { Origin: 'CreateRoute', State: 'active' };
    for (const k of ['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId']) if (r.resource.Properties?.[k] !== undefined) route[k] = ref(r, k);
    for (const k of ['GatewayId', 'NatGatewayId', 'TransitGatewayId', 'VpcPeeringConnectionId', 'NetworkInterfaceId', 'InstanceId', 'EgressOnlyInternetGatewayId', 'CarrierGatewayId', 'LocalGatewayId', 'CoreNetworkArn']) {
      if (r.resource.Properties?.[k] !== undefined) route[k] = ref(r, k);
    }
    // describe-route-tables reports Gateway Load Balancer / Network Firewall endpoints under GatewayId.
    if (r.resource.Properties?.VpcEndpointId !== undefined) route.GatewayId = ref(r, 'VpcEndpointId');
    (table(ref(r, 'RouteTableId'), r.key).Routes as Json[]).push(route);
  }
  put('route-tables.json', { RouteTables: tables });

  // NACLs: each VPC's default (allow all), then the templates' (their entries plus the final deny).
  const naclAssoc = new Map<string, string>();
  for (const a of d.of('AWS::EC2::SubnetNetworkAclAssociation')) naclAssoc.set(ref(a, 'SubnetId')!, ref(a, 'NetworkAclId')!);
  const finalDeny = (vpc: string): Json[] =>
    [true, false].flatMap((egress) => [
      { CidrBlock: '0.0.0.0/0', Egress: egress, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
      ...(vpcCidrs.get(vpc)!.v6.length ? [{ Ipv6CidrBlock: '::/0', Egress: egress, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32768 }] : []),
    ]);
  const assocOf = (naclId: string, pick: (subnet: string) => boolean): Json[] =>
    [...subnetVpc.keys()].filter(pick).map((s) => ({ NetworkAclAssociationId: `aclassoc-${createHash('sha256').update(s + naclId).digest('hex').slice(0, 17)}`, NetworkAclId: naclId, SubnetId: s }));
  const nacls: Json[] = vpcs.map((v) => {
    const vpc = d.id(v.key);
    const id = d.id(`${v.key}#defaultNacl`);
    return {
      Associations: assocOf(id, (s) => subnetVpc.get(s) === vpc && !naclAssoc.has(s)),
      Entries: [...[true, false].flatMap((egress): Json[] => [{ CidrBlock: '0.0.0.0/0', Egress: egress, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 }, ...(vpcCidrs.get(vpc)!.v6.length ? [{ Ipv6CidrBlock: '::/0', Egress: egress, Protocol: '-1', RuleAction: 'allow', RuleNumber: 101 }] : [])]), ...finalDeny(vpc)],
      IsDefault: true, NetworkAclId: id, Tags: [], VpcId: vpc, OwnerId: owner,
    };
  });
  for (const n of d.of('AWS::EC2::NetworkAcl')) {
    const id = d.id(n.key);
    const vpc = ref(n, 'VpcId')!;
    const entries = d.of('AWS::EC2::NetworkAclEntry').filter((e) => ref(e, 'NetworkAclId') === id).map((e) => {
      const pr = d.prop(e, 'PortRange') as Json | undefined;
      const icmp = d.prop(e, 'Icmp') as Json | undefined;
      return {
        ...(e.resource.Properties?.CidrBlock !== undefined ? { CidrBlock: ref(e, 'CidrBlock') } : { Ipv6CidrBlock: ref(e, 'Ipv6CidrBlock') }),
        Egress: d.prop(e, 'Egress') === true || d.prop(e, 'Egress') === 'true',
        ...(icmp ? { IcmpTypeCode: { Code: icmp.Code, Type: icmp.Type } } : {}),
        ...(pr ? { PortRange: { From: Number(pr.From), To: Number(pr.To) } } : {}),
        Protocol: String(d.prop(e, 'Protocol')), RuleAction: d.prop(e, 'RuleAction'), RuleNumber: Number(d.prop(e, 'RuleNumber')),
      };
    });
    nacls.push({ Associations: assocOf(id, (s) => naclAssoc.get(s) === id), Entries: [...entries, ...finalDeny(vpc)], IsDefault: false, NetworkAclId: id, Tags: d.tags(n), VpcId: vpc, OwnerId: owner });
  }
  put('network-acls.json', { NetworkAcls: nacls });

  // Security groups: default groups, inline rules, separate rule resources, CloudFormation's default egress.
  const restricted = new Set(d.of('Custom::VpcRestrictDefaultSG').map((c) => ref(c, 'DefaultSecurityGroupId')));
  const groups: Json[] = vpcs.map((v) => {
    const id = d.id(`${v.key}#defaultSg`);
    const open = !restricted.has(id);
    return {
      Description: 'default VPC security group', GroupName: 'default', GroupId: id, OwnerId: owner, VpcId: d.id(v.key), Tags: [],
      IpPermissions: open ? [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: id, UserId: owner }] }] : [],
      IpPermissionsEgress: open ? [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }] : [],
    };
  });
  const sgById = new Map<string, Json>();
  for (const g of d.of('AWS::EC2::SecurityGroup')) {
    const id = d.id(g.key);
    const ingress = ((d.prop(g, 'SecurityGroupIngress') as Json[] | undefined) ?? []).map((r) => permission(r, 'ingress', owner));
    const egress = ((d.prop(g, 'SecurityGroupEgress') as Json[] | undefined) ?? []).map((r) => permission(r, 'egress', owner));
    const body: Json = { Description: d.prop(g, 'GroupDescription'), GroupName: `${g.logicalId}-${id.slice(3, 11)}`, GroupId: id, OwnerId: owner, VpcId: ref(g, 'VpcId'), IpPermissions: ingress, IpPermissionsEgress: egress, Tags: d.tags(g) };
    groups.push(body);
    sgById.set(id, body);
  }
  for (const r of [...d.of('AWS::EC2::SecurityGroupIngress'), ...d.of('AWS::EC2::SecurityGroupEgress')]) {
    const egress = r.resource.Type.endsWith('Egress');
    const g = sgById.get(ref(r, 'GroupId')!);
    if (!g) throw new Error(`${r.key}: group ${ref(r, 'GroupId')} is not in the templates`);
    const props = d.physical(d.resolver.resolve(r.stack, r.resource.Properties ?? {})[0], r.key) as Json;
    (g[egress ? 'IpPermissionsEgress' : 'IpPermissions'] as Json[]).push(permission(props, egress ? 'egress' : 'ingress', owner));
  }
  for (const g of sgById.values()) {
    if ((g.IpPermissionsEgress as Json[]).length === 0) g.IpPermissionsEgress = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }];
  }
  // Registering a WorkSpaces directory (this package's custom resource) makes WorkSpaces create the desktops'
  // security group in its VPC, allowing all outbound traffic (the id deriveTelework reports for the directory).
  for (const w of d.of('Custom::WorkSpacesDirectoryHardening')) {
    const settings = JSON.parse(d.prop(w, 'Settings') as string) as Json;
    const vpc = subnetVpc.get(((settings.SubnetIds as string[] | undefined) ?? [])[0]);
    if (!vpc) continue;
    groups.push({
      Description: 'Amazon WorkSpaces Security Group', GroupName: `${String(settings.DirectoryId)}_workspacesMembers`, OwnerId: owner, VpcId: vpc, Tags: [],
      GroupId: `sg-${createHash('sha256').update(String(settings.DirectoryId)).digest('hex').slice(0, 17)}`,
      IpPermissions: [], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    });
  }
  put('security-groups.json', { SecurityGroups: groups });

  // Gateways and links.
  const attachments = d.of('AWS::EC2::VPCGatewayAttachment');
  const attachedTo = (gw: string, prop: string): string[] => attachments.filter((a) => a.resource.Properties?.[prop] !== undefined && ref(a, prop) === gw).map((a) => ref(a, 'VpcId')!);
  put('internet-gateways.json', { InternetGateways: d.of('AWS::EC2::InternetGateway').map((g) => ({ Attachments: attachedTo(d.id(g.key), 'InternetGatewayId').map((VpcId) => ({ State: 'available', VpcId })), InternetGatewayId: d.id(g.key), OwnerId: owner, Tags: d.tags(g) })) });
  put('egress-only-internet-gateways.json', { EgressOnlyInternetGateways: d.of('AWS::EC2::EgressOnlyInternetGateway').map((g) => ({ Attachments: [{ State: 'attached', VpcId: ref(g, 'VpcId') }], EgressOnlyInternetGatewayId: d.id(g.key), Tags: d.tags(g) })) });
  const natEnis: Json[] = [];
  put('nat-gateways.json', {
    NatGateways: d.of('AWS::EC2::NatGateway').map((n) => {
      const subnet = ref(n, 'SubnetId')!;
      const eni = `eni-${d.id(n.key).slice(4)}`;
      natEnis.push({ NetworkInterfaceId: eni, SubnetId: subnet, VpcId: subnetVpc.get(subnet), InterfaceType: 'nat_gateway', Groups: [], Status: 'in-use', RequesterManaged: true, Description: `Interface for NAT Gateway ${d.id(n.key)}` });
      return { CreateTime: '2026-12-01T00:00:00.000Z', NatGatewayAddresses: [{ NetworkInterfaceId: eni, PrivateIp: '10.0.0.1', IsPrimary: true, Status: 'succeeded' }], NatGatewayId: d.id(n.key), State: 'available', SubnetId: subnet, VpcId: subnetVpc.get(subnet), ConnectivityType: n.resource.Properties?.ConnectivityType ?? 'public', Tags: d.tags(n) };
    }),
  });
  put('vpn-gateways.json', { VpnGateways: d.of('AWS::EC2::VPNGateway').map((g) => ({ State: 'available', Type: 'ipsec.1', VpcAttachments: attachedTo(d.id(g.key), 'VpnGatewayId').map((VpcId) => ({ State: 'attached', VpcId })), VpnGatewayId: d.id(g.key), AmazonSideAsn: 64512, Tags: d.tags(g) })) });
  put('customer-gateways.json', { CustomerGateways: d.of('AWS::EC2::CustomerGateway').map((g) => ({ BgpAsn: String(d.prop(g, 'BgpAsn') ?? 65000), CustomerGatewayId: d.id(g.key), IpAddress: ref(g, 'IpAddress'), State: 'available', Type: 'ipsec.1', Tags: d.tags(g) })) });
  const vpnRoutes = d.of('AWS::EC2::VPNConnectionRoute');
  const vpns = d.of('AWS::EC2::VPNConnection');
  put('vpn-connections.json', {
    VpnConnections: vpns.map((v) => ({
      CustomerGatewayId: ref(v, 'CustomerGatewayId'), State: 'available', Type: 'ipsec.1', VpnConnectionId: d.id(v.key), Category: 'VPN',
      ...(v.resource.Properties?.VpnGatewayId !== undefined ? { VpnGatewayId: ref(v, 'VpnGatewayId') } : {}),
      ...(v.resource.Properties?.TransitGatewayId !== undefined ? { TransitGatewayId: ref(v, 'TransitGatewayId') } : {}),
      Options: { StaticRoutesOnly: d.prop(v, 'StaticRoutesOnly') === true },
      Routes: vpnRoutes.filter((r) => ref(r, 'VpnConnectionId') === d.id(v.key)).map((r) => ({ DestinationCidrBlock: ref(r, 'DestinationCidrBlock'), Source: 'Static', State: 'available' })),
      Tags: d.tags(v),
    })),
  });
  put('vpc-peering-connections.json', {
    VpcPeeringConnections: d.of('AWS::EC2::VPCPeeringConnection').map((p) => {
      const side = (vpc: string | undefined, ownerId: string): Json => ({ CidrBlock: vpc ? vpcCidrs.get(vpc)?.v4[0] : undefined, OwnerId: ownerId, VpcId: vpc, Region: d.region });
      return { AccepterVpcInfo: side(ref(p, 'PeerVpcId'), (d.prop(p, 'PeerOwnerId') as string | undefined) ?? owner), RequesterVpcInfo: side(ref(p, 'VpcId'), owner), Status: { Code: 'active', Message: 'Active' }, VpcPeeringConnectionId: d.id(p.key), Tags: d.tags(p) };
    }),
  });

  deriveTransitGateways(d, put, vpcCidrs);
  deriveEndpointsAndInterfaces(d, put, subnetVpc, natEnis);
  deriveTelework(d, put, subnetVpc, vpcCidrs);
  put('vpc-endpoint-service-configurations.json', {
    ServiceConfigurations: d.of('AWS::EC2::VPCEndpointService').map((s) => ({
      ServiceId: d.id(s.key), ServiceName: `com.amazonaws.vpce.${d.region}.${d.id(s.key)}`, ServiceState: 'Available',
      NetworkLoadBalancerArns: (d.prop(s, 'NetworkLoadBalancerArns') as string[] | undefined) ?? [], GatewayLoadBalancerArns: (d.prop(s, 'GatewayLoadBalancerArns') as string[] | undefined) ?? [],
    })),
  });
  const lists = d.of('AWS::EC2::PrefixList');
  put('managed-prefix-lists.json', {
    PrefixLists: [
      { PrefixListId: 'pl-61a54008', AddressFamily: 'IPv4', State: 'create-complete', PrefixListArn: `arn:aws:ec2:${d.region}:aws:prefix-list/pl-61a54008`, PrefixListName: `com.amazonaws.${d.region}.s3`, Tags: [], OwnerId: 'AWS' },
      ...lists.map((l) => ({ PrefixListId: d.id(l.key), AddressFamily: d.prop(l, 'AddressFamily'), State: 'create-complete', PrefixListName: d.prop(l, 'PrefixListName'), MaxEntries: d.prop(l, 'MaxEntries'), Version: 1, OwnerId: owner, Tags: d.tags(l) })),
    ],
  });
  for (const l of lists) put(`prefix-list-entries-${d.id(l.key)}.json`, { Entries: ((d.prop(l, 'Entries') as Json[] | undefined) ?? []).map((e) => ({ Cidr: e.Cidr, Description: e.Description })) });
  put('load-balancers.json', {
    LoadBalancers: d.of('AWS::ElasticLoadBalancingV2::LoadBalancer').map((lb) => ({
      LoadBalancerArn: d.id(lb.key), Scheme: d.prop(lb, 'Scheme') ?? 'internet-facing', Type: d.prop(lb, 'Type') ?? 'application', State: { Code: 'active' },
      AvailabilityZones: ((d.prop(lb, 'Subnets') as string[] | undefined) ?? []).map((s) => ({ SubnetId: s, ZoneName: `${d.region}a` })),
      SecurityGroups: (d.prop(lb, 'SecurityGroups') as string[] | undefined) ?? [],
    })),
  });
  return files;
}

function permission(r: Json, direction: 'ingress' | 'egress', owner: string): Json {
  const peer = direction === 'ingress' ? 'Source' : 'Destination';
  const proto = String(r.IpProtocol).toLowerCase();
  const ipProtocol = proto === 'all' ? '-1' : proto;
  const ports = ipProtocol === '-1' ? {} : { FromPort: Number(r.FromPort ?? -1), ToPort: Number(r.ToPort ?? -1) };
  const desc = r.Description !== undefined ? { Description: r.Description } : {};
  return {
    IpProtocol: ipProtocol, ...ports,
    IpRanges: r.CidrIp !== undefined ? [{ CidrIp: r.CidrIp, ...desc }] : [],
    Ipv6Ranges: r.CidrIpv6 !== undefined ? [{ CidrIpv6: r.CidrIpv6, ...desc }] : [],
    PrefixListIds: r[`${peer}PrefixListId`] !== undefined ? [{ PrefixListId: r[`${peer}PrefixListId`], ...desc }] : [],
    UserIdGroupPairs: r[`${peer}SecurityGroupId`] !== undefined ? [{ GroupId: r[`${peer}SecurityGroupId`], UserId: owner, ...desc }] : [],
  };
}

function deriveTransitGateways(d: TemplateDeployment, put: (n: string, b: Json) => void, vpcCidrs: Map<string, { v4: string[] }>): void {
  const ref = (e: ResourceEntry, name: string): string | undefined => d.prop(e, name) as string | undefined;
  const tgws = d.of('AWS::EC2::TransitGateway');
  const enabled = (e: ResourceEntry, p: string): boolean => d.prop(e, p) !== 'disable';
  interface Att { id: string; tgw: string; type: 'vpc' | 'vpn' | 'direct-connect-gateway'; resource: string; tags: Json[]; subnets?: string[]; vpc?: string }
  const atts: Att[] = [];
  for (const a of [...d.of('AWS::EC2::TransitGatewayAttachment'), ...d.of('AWS::EC2::TransitGatewayVpcAttachment')]) {
    atts.push({ id: d.id(a.key), tgw: ref(a, 'TransitGatewayId')!, type: 'vpc', resource: ref(a, 'VpcId')!, vpc: ref(a, 'VpcId'), subnets: d.prop(a, 'SubnetIds') as string[], tags: d.tags(a) });
  }
  for (const v of d.of('AWS::EC2::VPNConnection')) {
    if (v.resource.Properties?.TransitGatewayId === undefined) continue;
    atts.push({ id: d.id(`${v.key}#attachment`), tgw: ref(v, 'TransitGatewayId')!, type: 'vpn', resource: d.id(v.key), tags: [] });
  }
  for (const x of d.of('AWS::DirectConnect::DirectConnectGatewayAssociation')) {
    const gw = ref(x, 'AssociatedGatewayId')!;
    if (!gw.startsWith('tgw-')) continue;
    atts.push({ id: d.id(`${x.key}#attachment`), tgw: gw, type: 'direct-connect-gateway', resource: ref(x, 'DirectConnectGatewayId')!, tags: [] });
  }
  const tables = d.of('AWS::EC2::TransitGatewayRouteTable').map((t) => ({ id: d.id(t.key), tgw: ref(t, 'TransitGatewayId')!, isDefault: false, tags: d.tags(t) }));
  const assoc = new Map<string, string>();
  const props: Array<{ table: string; att: string }> = [];
  for (const a of d.of('AWS::EC2::TransitGatewayRouteTableAssociation')) assoc.set(ref(a, 'TransitGatewayAttachmentId')!, ref(a, 'TransitGatewayRouteTableId')!);
  for (const p of d.of('AWS::EC2::TransitGatewayRouteTablePropagation')) props.push({ table: ref(p, 'TransitGatewayRouteTableId')!, att: ref(p, 'TransitGatewayAttachmentId')! });
  const tgwBodies = tgws.map((t) => {
    const id = d.id(t.key);
    const assocOn = enabled(t, 'DefaultRouteTableAssociation');
    const propOn = enabled(t, 'DefaultRouteTablePropagation');
    const def = assocOn || propOn ? d.id(`${t.key}#defaultRouteTable`) : undefined;
    if (def) {
      tables.push({ id: def, tgw: id, isDefault: true, tags: [] });
      for (const a of atts.filter((x) => x.tgw === id)) {
        if (assocOn && !assoc.has(a.id)) assoc.set(a.id, def);
        if (propOn) props.push({ table: def, att: a.id });
      }
    }
    return {
      TransitGatewayId: id, TransitGatewayArn: `arn:aws:ec2:${d.region}:${d.account}:transit-gateway/${id}`, State: 'available', OwnerId: d.account,
      Options: {
        AmazonSideAsn: 64512, AutoAcceptSharedAttachments: 'disable', DefaultRouteTableAssociation: assocOn ? 'enable' : 'disable', DefaultRouteTablePropagation: propOn ? 'enable' : 'disable',
        ...(def && assocOn ? { AssociationDefaultRouteTableId: def } : {}), ...(def && propOn ? { PropagationDefaultRouteTableId: def } : {}), VpnEcmpSupport: 'enable', DnsSupport: 'enable',
      },
      Tags: d.tags(t),
    };
  });
  put('transit-gateways.json', { TransitGateways: tgwBodies });
  put('transit-gateway-attachments.json', {
    TransitGatewayAttachments: atts.map((a) => ({
      TransitGatewayAttachmentId: a.id, TransitGatewayId: a.tgw, TransitGatewayOwnerId: d.account, ResourceOwnerId: d.account, ResourceType: a.type, ResourceId: a.resource, State: 'available',
      ...(assoc.has(a.id) ? { Association: { TransitGatewayRouteTableId: assoc.get(a.id), State: 'associated' } } : {}), Tags: a.tags,
    })),
  });
  put('transit-gateway-vpc-attachments.json', {
    TransitGatewayVpcAttachments: atts.filter((a) => a.type === 'vpc').map((a) => ({ TransitGatewayAttachmentId: a.id, TransitGatewayId: a.tgw, VpcId: a.vpc, VpcOwnerId: d.account, State: 'available', SubnetIds: a.subnets, Options: { DnsSupport: 'enable', Ipv6Support: 'disable', ApplianceModeSupport: 'disable' }, Tags: a.tags })),
  });
  put('transit-gateway-route-tables.json', { TransitGatewayRouteTables: tables.map((t) => ({ TransitGatewayRouteTableId: t.id, TransitGatewayId: t.tgw, State: 'available', DefaultAssociationRouteTable: t.isDefault, DefaultPropagationRouteTable: t.isDefault, Tags: t.tags })) });
  const attById = new Map(atts.map((a) => [a.id, a]));
  const attRef = (id: string): Json => ({ TransitGatewayAttachmentId: id, ResourceId: attById.get(id)?.resource, ResourceType: attById.get(id)?.type });
  for (const t of tables) {
    put(`tgw-associations-${t.id}.json`, { Associations: [...assoc.entries()].filter(([, tb]) => tb === t.id).map(([att]) => ({ ...attRef(att), State: 'associated' })) });
    const mine = props.filter((p) => p.table === t.id);
    put(`tgw-propagations-${t.id}.json`, { TransitGatewayRouteTablePropagations: mine.map((p) => ({ ...attRef(p.att), State: 'enabled' })) });
    const routes: Json[] = [];
    for (const r of d.of('AWS::EC2::TransitGatewayRoute')) {
      if (ref(r, 'TransitGatewayRouteTableId') !== t.id) continue;
      const blackhole = d.prop(r, 'Blackhole') === true || d.prop(r, 'Blackhole') === 'true';
      const att = r.resource.Properties?.TransitGatewayAttachmentId !== undefined ? ref(r, 'TransitGatewayAttachmentId') : undefined;
      routes.push({ DestinationCidrBlock: ref(r, 'DestinationCidrBlock'), ...(att ? { TransitGatewayAttachments: [attRef(att)] } : {}), Type: 'static', State: blackhole ? 'blackhole' : 'active' });
    }
    for (const p of mine) {
      const a = attById.get(p.att);
      if (a?.type === 'vpc') for (const c of vpcCidrs.get(a.vpc!)?.v4 ?? []) routes.push({ DestinationCidrBlock: c, TransitGatewayAttachments: [attRef(a.id)], Type: 'propagated', State: 'active' });
    }
    put(`tgw-routes-${t.id}.json`, { Routes: routes, AdditionalRoutesAvailable: false });
  }
}

function deriveEndpointsAndInterfaces(d: TemplateDeployment, put: (n: string, b: Json) => void, subnetVpc: Map<string, string>, natEnis: Json[]): void {
  const enis: Json[] = [...natEnis];
  const endpoints = d.of('AWS::EC2::VPCEndpoint').map((e) => {
    const id = d.id(e.key);
    const type = (d.prop(e, 'VpcEndpointType') as string | undefined) ?? 'Gateway';
    const subnets = (d.prop(e, 'SubnetIds') as string[] | undefined) ?? [];
    const groups = (d.prop(e, 'SecurityGroupIds') as string[] | undefined) ?? [];
    const eniIds = type === 'Gateway' ? [] : subnets.map((_s, i) => `eni-${createHash('sha256').update(`${id}${i}`).digest('hex').slice(0, 17)}`);
    eniIds.forEach((eni, i) => enis.push({ NetworkInterfaceId: eni, SubnetId: subnets[i], VpcId: subnetVpc.get(subnets[i]), InterfaceType: type === 'Interface' ? 'vpc_endpoint' : 'gateway_load_balancer_endpoint', Groups: groups.map((g) => ({ GroupId: g })), Status: 'in-use', RequesterManaged: true, Description: `VPC Endpoint Interface ${id}` }));
    return {
      VpcEndpointId: id, VpcEndpointType: type, VpcId: d.prop(e, 'VpcId'), ServiceName: d.prop(e, 'ServiceName'), State: 'available',
      RouteTableIds: (d.prop(e, 'RouteTableIds') as string[] | undefined) ?? [], SubnetIds: subnets, Groups: groups.map((g) => ({ GroupId: g, GroupName: g })),
      PrivateDnsEnabled: d.prop(e, 'PrivateDnsEnabled') === true, RequesterManaged: false, NetworkInterfaceIds: eniIds, OwnerId: d.account, Tags: d.tags(e),
    };
  });
  put('vpc-endpoints.json', { VpcEndpoints: endpoints });
  for (const i of d.of('AWS::EC2::NetworkInterface')) {
    enis.push({ NetworkInterfaceId: d.id(i.key), SubnetId: d.prop(i, 'SubnetId'), VpcId: subnetVpc.get(d.prop(i, 'SubnetId') as string), InterfaceType: 'interface', Groups: ((d.prop(i, 'GroupSet') as string[] | undefined) ?? []).map((g) => ({ GroupId: g })), Status: 'available', TagSet: d.tags(i) });
  }
  for (const inst of d.of('AWS::EC2::Instance')) {
    const nis = (d.prop(inst, 'NetworkInterfaces') as Json[] | undefined) ?? [];
    const primary = d.prop(inst, 'SubnetId') as string | undefined;
    const list = primary ? [{ SubnetId: primary, GroupSet: d.prop(inst, 'SecurityGroupIds') }] : nis;
    list.forEach((ni, n) => {
      const existing = ni.NetworkInterfaceId as string | undefined;
      const attachment = { InstanceId: d.id(inst.key), InstanceOwnerId: d.account, DeviceIndex: n, Status: 'attached' };
      if (existing) {
        const eni = enis.find((x) => x.NetworkInterfaceId === existing);
        if (eni) Object.assign(eni, { Attachment: attachment, Status: 'in-use' });
        return;
      }
      const subnet = ni.SubnetId as string;
      enis.push({ NetworkInterfaceId: `eni-${createHash('sha256').update(`${inst.key}${n}`).digest('hex').slice(0, 17)}`, SubnetId: subnet, VpcId: subnetVpc.get(subnet), InterfaceType: 'interface', Groups: ((ni.GroupSet as string[] | undefined) ?? []).map((g) => ({ GroupId: g })), Attachment: attachment, Status: 'in-use' });
    });
  }
  for (const a of d.of('AWS::EC2::NetworkInterfaceAttachment')) {
    const eni = enis.find((x) => x.NetworkInterfaceId === d.prop(a, 'NetworkInterfaceId'));
    if (eni) Object.assign(eni, { Attachment: { InstanceId: d.prop(a, 'InstanceId'), DeviceIndex: Number(d.prop(a, 'DeviceIndex') ?? 1), Status: 'attached' }, Status: 'in-use' });
  }
  put('network-interfaces.json', { NetworkInterfaces: enis });
  const firewalls = d.of('AWS::NetworkFirewall::Firewall');
  put('network-firewalls.json', { Firewalls: firewalls.map((f) => ({ FirewallName: d.prop(f, 'FirewallName') ?? f.logicalId, FirewallArn: d.id(f.key) })) });
  for (const f of firewalls) {
    const mappings = (d.prop(f, 'SubnetMappings') as Json[] | undefined) ?? [];
    const endpoint = d.id(`${f.key}#endpoint`);
    put(`network-firewall-${f.logicalId}.json`, {
      UpdateToken: 'token',
      Firewall: { FirewallName: d.prop(f, 'FirewallName') ?? f.logicalId, FirewallArn: d.id(f.key), FirewallPolicyArn: d.prop(f, 'FirewallPolicyArn'), VpcId: d.prop(f, 'VpcId'), SubnetMappings: mappings.map((m) => ({ SubnetId: m.SubnetId, IPAddressType: 'IPV4' })), DeleteProtection: true, FirewallId: endpoint.slice(5), Tags: d.tags(f) },
      // One endpoint per Availability Zone; the templates route to the first (Fn::Select [0, EndpointIds]).
      FirewallStatus: { Status: 'READY', ConfigurationSyncStateSummary: 'IN_SYNC', SyncStates: Object.fromEntries(mappings.map((m, i) => [`${d.region}${'acd'[i % 3]}`, { Attachment: { SubnetId: m.SubnetId, EndpointId: i === 0 ? endpoint : `vpce-${createHash('sha256').update(`${f.key}${i}`).digest('hex').slice(0, 17)}`, Status: 'READY' } }])) },
    });
  }
}

function deriveTelework(d: TemplateDeployment, put: (n: string, b: Json) => void, subnetVpc: Map<string, string>, vpcCidrs: Map<string, { v4: string[] }>): void {
  const cvpns = d.of('AWS::EC2::ClientVpnEndpoint');
  put('client-vpn-endpoints.json', {
    ClientVpnEndpoints: cvpns.map((c) => {
      const specs = (d.prop(c, 'TagSpecifications') as Json[] | undefined) ?? [];
      const tags = specs.flatMap((s) => (Array.isArray(s.Tags) ? (s.Tags as Json[]) : []));
      return {
        ClientVpnEndpointId: d.id(c.key), Description: d.prop(c, 'Description'), Status: { Code: 'available' }, ClientCidrBlock: d.prop(c, 'ClientCidrBlock'),
        SplitTunnel: d.prop(c, 'SplitTunnel') === true, VpnProtocol: 'openvpn', TransportProtocol: 'udp', VpnPort: 443, ServerCertificateArn: d.prop(c, 'ServerCertificateArn'),
        SecurityGroupIds: (d.prop(c, 'SecurityGroupIds') as string[] | undefined) ?? [], VpcId: d.prop(c, 'VpcId'),
        ...(d.prop(c, 'SelfServicePortal') === 'enabled' ? { SelfServicePortalUrl: `https://self-service.clientvpn.amazonaws.com/endpoints/${d.id(c.key)}` } : {}),
        Tags: [...tags, { Key: 'aws:cloudformation:stack-name', Value: c.stack.replace(/\//g, '-') }, { Key: 'aws:cloudformation:logical-id', Value: c.logicalId }],
      };
    }),
  });
  for (const c of cvpns) {
    const id = d.id(c.key);
    const assocs = d.of('AWS::EC2::ClientVpnTargetNetworkAssociation').filter((a) => d.prop(a, 'ClientVpnEndpointId') === id);
    put(`client-vpn-target-networks-${id}.json`, { ClientVpnTargetNetworks: assocs.map((a) => ({ AssociationId: `cvpn-assoc-${d.id(a.key).slice(-17)}`, VpcId: subnetVpc.get(d.prop(a, 'SubnetId') as string), TargetNetworkId: d.prop(a, 'SubnetId'), ClientVpnEndpointId: id, Status: { Code: 'associated' }, SecurityGroups: (d.prop(c, 'SecurityGroupIds') as string[] | undefined) ?? [] })) });
    put(`client-vpn-authorization-rules-${id}.json`, {
      AuthorizationRules: d.of('AWS::EC2::ClientVpnAuthorizationRule').filter((a) => d.prop(a, 'ClientVpnEndpointId') === id).map((a) => ({ ClientVpnEndpointId: id, Description: d.prop(a, 'Description'), GroupId: d.prop(a, 'AccessGroupId') ?? '', AccessAll: d.prop(a, 'AuthorizeAllGroups') === true, DestinationCidr: d.prop(a, 'TargetNetworkCidr'), Status: { Code: 'active' } })),
    });
    put(`client-vpn-routes-${id}.json`, {
      Routes: [
        // Associating a subnet adds a route to the VPC's CIDR through it.
        ...assocs.map((a) => {
          const subnet = d.prop(a, 'SubnetId') as string;
          return { ClientVpnEndpointId: id, DestinationCidr: vpcCidrs.get(subnetVpc.get(subnet)!)!.v4[0], TargetSubnet: subnet, Type: 'Nat', Origin: 'associate', Status: { Code: 'active' }, Description: 'Default Route' };
        }),
        ...d.of('AWS::EC2::ClientVpnRoute').filter((r) => d.prop(r, 'ClientVpnEndpointId') === id).map((r) => ({ ClientVpnEndpointId: id, DestinationCidr: d.prop(r, 'DestinationCidrBlock'), TargetSubnet: d.prop(r, 'TargetVpcSubnetId'), Type: 'Nat', Origin: 'add-route', Status: { Code: 'active' } })),
      ],
    });
  }
  const dirs = [...d.of('AWS::DirectoryService::MicrosoftAD'), ...d.of('AWS::DirectoryService::SimpleAD')];
  const dirSubnets = new Map<string, string[]>();
  put('directories.json', {
    DirectoryDescriptions: dirs.map((x) => {
      const settings = d.prop(x, 'VpcSettings') as Json;
      dirSubnets.set(d.id(x.key), settings.SubnetIds as string[]);
      return { DirectoryId: d.id(x.key), Name: d.prop(x, 'Name'), Type: x.resource.Type.endsWith('MicrosoftAD') ? 'MicrosoftAD' : 'SimpleAD', Edition: d.prop(x, 'Edition'), Stage: 'Active', VpcSettings: { VpcId: settings.VpcId, SubnetIds: settings.SubnetIds, AvailabilityZones: [`${d.region}a`, `${d.region}c`] } };
    }),
  });
  // WorkSpaces directories: AWS::WorkSpaces::Directory, or this package's custom resource that registers one.
  const registered: Json[] = [];
  for (const w of d.of('Custom::WorkSpacesDirectoryHardening')) {
    const settings = JSON.parse(d.prop(w, 'Settings') as string) as Json;
    registered.push({ DirectoryId: settings.DirectoryId, SubnetIds: settings.SubnetIds, DirectoryType: 'AD_CONNECTOR', State: 'REGISTERED', Tenancy: settings.Tenancy, WorkspaceSecurityGroupId: `sg-${createHash('sha256').update(String(settings.DirectoryId)).digest('hex').slice(0, 17)}` });
  }
  for (const w of d.of('AWS::WorkSpaces::Directory')) registered.push({ DirectoryId: d.prop(w, 'DirectoryId'), SubnetIds: d.prop(w, 'SubnetIds'), State: 'REGISTERED' });
  put('workspaces-directories.json', { Directories: registered });
  put('workspaces.json', {
    Workspaces: d.of('AWS::WorkSpaces::Workspace').map((w) => {
      const dir = d.prop(w, 'DirectoryId') as string;
      const subnet = ((registered.find((r) => r.DirectoryId === dir)?.SubnetIds as string[] | undefined) ?? dirSubnets.get(dir) ?? [])[0];
      return { WorkspaceId: d.id(w.key), DirectoryId: dir, UserName: d.prop(w, 'UserName'), State: 'AVAILABLE', BundleId: d.prop(w, 'BundleId'), SubnetId: subnet };
    }),
  });
  const dx = d.of('AWS::DirectConnect::DirectConnectGatewayAssociation');
  if (dx.length > 0) {
    put('direct-connect-gateway-associations.json', {
      directConnectGatewayAssociations: dx.map((x) => {
        const gw = d.prop(x, 'AssociatedGatewayId') as string;
        return { directConnectGatewayId: d.prop(x, 'DirectConnectGatewayId'), associatedGateway: { id: gw, type: gw.startsWith('tgw-') ? 'transitGateway' : 'virtualPrivateGateway', ownerAccount: d.account, region: d.region }, associationId: `dxassoc-${d.id(x.key).slice(-12)}`, associationState: 'associated' };
      }),
    });
  }
}

/** Writes the files under `root` (which becomes the folder holding aws_configs). */
export function writeSnapshotFiles(root: string, files: SnapshotFiles): void {
  for (const [rel, body] of files) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  }
}
