/**
 * Facts that need every tier decided first (run after finalise):
 * - Tier tags on resources of any other type: a security group, endpoint, instance, load balancer… tagged
 *   `mic:tier` = lgwan inside an internet-tier VPC is a TIER-TAG-CONFLICT like a subnet is.
 * - The security group WorkSpaces creates at registration (`<directory>_workspacesMembers`) is in no
 *   template. AWS documents it as allowing all outbound traffic; it is added to every VPC whose subnets hold
 *   WorkSpaces desktops, pools or directories, so egress from those subnets is never "blocked by security
 *   groups" on the strength of groups that do not include it. Its inbound side (from the directory's
 *   controllers) is modelled as from itself.
 */
import { isTier } from '../../tiers/tier';
import { ALL_ADDRESSES } from '../../cidr/address-sets';
import type { ExtractContext } from './context';
import type { NetworkModel, TeleworkEntryFact } from './types';
import type { ResourceEntry } from '../resolve/resolver';
import { reason } from '../reason';

/** Types whose tier tag finalise() already compares with their VPC or link. */
const HANDLED = new Set([
  'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::VPNConnection',
  'AWS::EC2::VPNGateway', 'AWS::EC2::CustomerGateway', 'AWS::EC2::ClientVpnEndpoint', 'AWS::EC2::TransitGateway',
  'AWS::DirectConnect::DirectConnectGateway', 'AWS::DirectConnect::DirectConnectGatewayAssociation',
]);

/**
 * Telework entries by the resource they were read from. CDK tags every resource of a tier's stacks with
 * `mic:tier`, so vpcsOf runs for nearly every resource: scanning all entries each time was quadratic in
 * the size of a prefecture. Keyed by stack, then logical id (no key string made per look-up).
 */
type TeleworkIndex = Map<string, Map<string, TeleworkEntryFact[]>>;

function teleworkIndex(m: NetworkModel): TeleworkIndex {
  const index: TeleworkIndex = new Map();
  for (const e of m.teleworkEntries) {
    let byId = index.get(e.ref.stack);
    if (!byId) index.set(e.ref.stack, (byId = new Map()));
    const list = byId.get(e.ref.logicalId);
    if (list) list.push(e);
    else byId.set(e.ref.logicalId, [e]);
  }
  return index;
}

/** Adds a VPC of the model to a short list, once (the lists hold one or two VPCs: no set needed). */
function addVpc(m: NetworkModel, out: string[], v: string | undefined): void {
  if (v && m.vpcs.has(v) && !out.includes(v)) out.push(v);
}

/**
 * The VPCs a resource is in, through whatever fact the model holds under its key. Runs for ~30,000 tagged
 * resources of a country, so it makes nothing but its result.
 */
function vpcsOf(ctx: ExtractContext, e: ResourceEntry, telework: TeleworkIndex): string[] {
  const m = ctx.model;
  const key = e.key;
  const out: string[] = [];
  addVpc(m, out, m.securityGroups.get(key)?.vpc);
  addVpc(m, out, m.routeTables.get(key)?.vpc);
  addVpc(m, out, m.nacls.get(key)?.vpc);
  addVpc(m, out, m.endpoints.get(key)?.vpc);
  addVpc(m, out, m.firewalls.get(key)?.vpc);
  const compute = m.compute.get(key);
  if (compute) for (const s of compute.subnets) addVpc(m, out, m.subnets.get(s)?.vpc);
  const nat = m.nats.get(key);
  if (nat) addVpc(m, out, m.subnets.get(nat.subnet)?.vpc);
  if (telework.size > 0) {
    // The (stack, logical id) the key names as `key.split('::')` reads it: the entry's own, unless a name holds '::'.
    let stack = e.stack;
    let logicalId = e.logicalId;
    if (key.indexOf('::') !== stack.length || logicalId.includes('::')) [stack, logicalId] = key.split('::');
    const entries = telework.get(stack)?.get(logicalId);
    if (entries) for (const t of entries) for (const s of t.subnets) addVpc(m, out, m.subnets.get(s)?.vpc);
  }
  return out;
}

export function tierTagConflictsOfAnyType(ctx: ExtractContext): void {
  const telework = teleworkIndex(ctx.model);
  const all = ctx.resolver.entryList;
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    const type = e.resource.Type;
    if (HANDLED.has(type) || !e.resource.Properties || !('Tags' in e.resource.Properties)) continue;
    const tag = ctx.tierTag(e);
    if (tag === undefined || tag === '?') continue;
    for (const vpc of vpcsOf(ctx, e, telework)) {
      const expected = ctx.model.vpcs.get(vpc)?.tier;
      if (expected && tag !== expected) {
        ctx.model.tagConflicts.push({ ref: ctx.ref(e), tag, expected, reason: reason('tag-resource-vpc', { type, tag, vpc: ctx.model.vpcs.get(vpc)!.ref.logicalId, vpcTier: expected, notTier: !isTier(tag) }) });
      }
    }
  }
}

export function addWorkspacesMembersGroups(ctx: ExtractContext): void {
  const m = ctx.model;
  const vpcs = new Set<string>();
  for (const e of m.teleworkEntries) {
    if (e.kind !== 'workspace' && e.kind !== 'workspaces-pool' && e.kind !== 'workspaces-directory') continue;
    for (const s of e.subnets) {
      const v = m.subnets.get(s)?.vpc;
      if (v) vpcs.add(v);
    }
  }
  for (const vpc of vpcs) {
    const key = `${vpc}#workspacesMembers`;
    if (m.securityGroups.has(key)) continue;
    const ref = ctx.refForKey(key, 'AWS::EC2::SecurityGroup');
    m.securityGroups.set(key, {
      key, ref, presence: m.vpcs.get(vpc)?.presence ?? 'present', vpc, isDefault: false,
      ingress: [{ ref, protocol: -1, group: key, peerText: 'the directory (WorkSpaces-created group, modelled as itself)' }],
      egress: [{ ref, protocol: -1, cidr: ALL_ADDRESSES, peerText: 'everywhere (the security group WorkSpaces creates for desktops)' }],
      explicitEgress: true,
    });
  }
  if (vpcs.size > 0) {
    m.coverage.push({ key: 'workspaces-security-group' });
  }
}
