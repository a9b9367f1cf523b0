/**
 * What the snapshot builder shares across resource families: model keys, ResourceRefs, the id index
 * that joins accounts and Regions, and the fail-closed records (unresolved / unmodelled facts).
 *
 * Keys are `<folder>::<id>` where folder is `<account>/<region>` (or `<region>`): every account is its own
 * address space, so two VPCs with the same CIDR in two accounts stay two VPCs. Ids of resources that more
 * than one account lists (a shared transit gateway's attachments, a peering connection seen from both
 * sides) resolve through one index, so they become one fact, and only they join the address spaces.
 */
import type { ResourceRef } from '../model/path';
import { TIER_TAG_KEY } from '../tiers/tier';
import { parseCidr, type Cidr } from '../cidr/address-sets';
import { emptyModel, type NetworkModel } from '../model/facts/types';
import { isObject, type Json, type RegionSnapshot } from './read-snapshot';
import { reason, type Reason } from '../model/reason';

/** CloudFormation type names, so reports describe live resources in the same words as templates. */
export const CFN_TYPE: Record<string, string> = {
  vpc: 'AWS::EC2::VPC', subnet: 'AWS::EC2::Subnet', rtb: 'AWS::EC2::RouteTable', acl: 'AWS::EC2::NetworkAcl', sg: 'AWS::EC2::SecurityGroup',
  igw: 'AWS::EC2::InternetGateway', eigw: 'AWS::EC2::EgressOnlyInternetGateway', nat: 'AWS::EC2::NatGateway', vgw: 'AWS::EC2::VPNGateway',
  cgw: 'AWS::EC2::CustomerGateway', vpn: 'AWS::EC2::VPNConnection', pcx: 'AWS::EC2::VPCPeeringConnection', tgw: 'AWS::EC2::TransitGateway',
  'tgw-attach': 'AWS::EC2::TransitGatewayAttachment', 'tgw-rtb': 'AWS::EC2::TransitGatewayRouteTable', vpce: 'AWS::EC2::VPCEndpoint',
  'vpce-svc': 'AWS::EC2::VPCEndpointService', pl: 'AWS::EC2::PrefixList', eni: 'AWS::EC2::NetworkInterface', i: 'AWS::EC2::Instance',
  'cvpn-endpoint': 'AWS::EC2::ClientVpnEndpoint', firewall: 'AWS::NetworkFirewall::Firewall', ws: 'AWS::WorkSpaces::Workspace',
  'ws-directory': 'AWS::WorkSpaces::Directory', d: 'AWS::DirectoryService::MicrosoftAD', lb: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  dxassoc: 'AWS::DirectConnect::DirectConnectGatewayAssociation',
};

export class SnapshotContext {
  readonly model: NetworkModel = emptyModel();
  /** Resource id → model key, across every account and Region of the snapshot. */
  private readonly index = new Map<string, string>();
  private readonly refs = new Map<string, ResourceRef>();
  /** Network interface id → the compute fact that owns it (its instance, or the interface itself). */
  readonly eniOwner = new Map<string, string>();
  /**
   * Where a resource came from, for drift: its CloudFormation stack and logical id (the aws:cloudformation:*
   * tags CloudFormation puts on what it creates), or what AWS created it with (`<vpc key>#defaultNacl`…).
   */
  readonly origins = new Map<string, { stack: string; logicalId: string } | { ownedBy: string; what: string }>();
  /** The listing item being read, so register() can note its origin tags. */
  current?: Json;

  key(region: RegionSnapshot, id: string): string {
    return `${region.folder}::${id}`;
  }

  /** Registers an id once; a second account listing the same id (shared, peered) reuses the first key. */
  register(region: RegionSnapshot, id: string, kind: keyof typeof CFN_TYPE): { key: string; isNew: boolean } {
    const known = this.index.get(id);
    if (known) return { key: known, isNew: false };
    const key = this.key(region, id);
    this.index.set(id, key);
    const stack = this.current ? tagOf(this.current, 'aws:cloudformation:stack-name') : undefined;
    const logicalId = this.current ? tagOf(this.current, 'aws:cloudformation:logical-id') : undefined;
    // Only the item's own id takes its tags (an interface's item also names its instance).
    if (stack && logicalId && Object.values(this.current ?? {}).includes(id)) this.origins.set(key, { stack, logicalId });
    this.refs.set(key, { stack: region.folder, logicalId: id, type: CFN_TYPE[kind] });
    this.model.resourceCount++;
    return { key, isNew: true };
  }

  /** The key of an id anywhere in the snapshot, or undefined when no account in it lists the resource. */
  lookup(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.index.get(id);
  }

  /** A key for something that has no id of its own (a route, a rule): the resource it belongs to. */
  ref(key: string): ResourceRef {
    const r = this.refs.get(key);
    if (r) return r;
    const [stack, id] = key.split('::');
    return { stack, logicalId: id ?? key, type: 'unknown' };
  }

  /** A ref for a part of a resource (`rtb-0abc` route 10.0.0.0/8), so findings point at the exact entry. */
  partRef(key: string, part: string, type?: string): ResourceRef {
    const r = this.ref(key);
    return { ...r, logicalId: `${r.logicalId} ${part}`, ...(type ? { type } : {}) };
  }

  fact(key: string): { key: string; ref: ResourceRef; presence: 'present' } {
    return { key, ref: this.ref(key), presence: 'present' };
  }

  unresolved(key: string, property: string, why: Reason): void {
    this.model.unresolved.push({ ref: this.ref(key), property, reason: why });
  }

  unmodelled(key: string, why: Reason): void {
    this.model.unmodelled.push({ ref: this.ref(key), reason: why });
  }

  cidr(key: string, property: string, text: unknown): Cidr | undefined {
    const c = parseCidr(text);
    if (!c) this.unresolved(key, property, reason('not-a-cidr', { value: String(text) }));
    return c;
  }
}

/** The `mic:tier` tag as written (Tags: [{Key, Value}]), or undefined. */
export function tierTagOf(item: Json): string | undefined {
  const tags = item.Tags ?? item.tags;
  if (!Array.isArray(tags)) return undefined;
  for (const t of tags) if (isObject(t) && t.Key === TIER_TAG_KEY && typeof t.Value === 'string') return t.Value;
  return undefined;
}

export function tagOf(item: Json, key: string): string | undefined {
  const tags = item.Tags;
  if (!Array.isArray(tags)) return undefined;
  for (const t of tags) if (isObject(t) && t.Key === key && typeof t.Value === 'string') return t.Value;
  return undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function list(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The State / Status.Code of an item, lower-cased, for filtering out deleted resources. */
export function stateOf(item: Json): string {
  const s = item.State ?? (isObject(item.Status) ? item.Status.Code : item.Status) ?? item.Stage;
  return typeof s === 'string' ? s.toLowerCase() : '';
}

/** States in which a resource no longer carries traffic and never will again. */
export const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected', 'expired', 'disassociated', 'detached', 'association-failed', 'revoking']);
