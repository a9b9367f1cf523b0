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
 * the size of a prefecture. Keyed by (stack, logical id) exactly as the resource key splits into them.
 */
type TeleworkIndex = Map<string, TeleworkEntryFact[]>;

function teleworkIndex(m: NetworkModel): TeleworkIndex {
  const index: TeleworkIndex = new Map();
  for (const e of m.teleworkEntries) {
    const k = `${e.ref.stack}\u0000${e.ref.logicalId}`;
    const list = index.get(k);
    if (list) list.push(e);
    else index.set(k, [e]);
  }
  return index;
}

function vpcsOf(ctx: ExtractContext, key: string, telework: TeleworkIndex): string[] {
  const m = ctx.model;
  const out = new Set<string>();
  const add = (v: string | undefined): void => {
    if (v && m.vpcs.has(v)) out.add(v);
  };
  add(m.securityGroups.get(key)?.vpc);
  add(m.routeTables.get(key)?.vpc);
  add(m.nacls.get(key)?.vpc);
  add(m.endpoints.get(key)?.vpc);
  add(m.firewalls.get(key)?.vpc);
  for (const s of m.compute.get(key)?.subnets ?? []) add(m.subnets.get(s)?.vpc);
  const nat = m.nats.get(key);
  if (nat) add(m.subnets.get(nat.subnet)?.vpc);
  const [stack, logicalId] = key.split('::');
  for (const e of telework.get(`${stack}\u0000${logicalId}`) ?? []) for (const s of e.subnets) add(m.subnets.get(s)?.vpc);
  return [...out];
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
    for (const vpc of vpcsOf(ctx, e.key, telework)) {
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
