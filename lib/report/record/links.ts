/**
 * Each link to networks outside AWS and what it carries: site-to-site IPsec VPNs (over the internet; their
 * static routes), Direct Connect gateway associations (the routes the tier sends to the link, the prefixes AWS
 * advertises), and closed-SIM pools declared in the tier policy (a carrier's closed network has no
 * CloudFormation resource; the policy is where the proof learns of it).
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { LoadedTemplate } from '../../model/load/template';
import type { TierPolicy } from '../../policy/schema';
import { ofType, prop, refId, resolveRef, sourceOf, str, tierOf, type Located } from './cfn';
import type { LinkRecord } from './record';

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** Destinations the templates route to a gateway (by its logical id, same template). */
function routedTo(templates: readonly LoadedTemplate[], gateway: Located): string[] {
  return uniqueSorted(
    ofType(templates, 'AWS::EC2::Route')
      .filter((r) => r.t === gateway.t && refId(r, prop(r, 'GatewayId')) === gateway.id)
      .map((r) => str(prop(r, 'DestinationCidrBlock')) ?? str(prop(r, 'DestinationIpv6CidrBlock')) ?? '?'),
  );
}

export function linkRecords(templates: readonly LoadedTemplate[], policy?: TierPolicy): LinkRecord[] {
  const out: LinkRecord[] = [];
  const vpnRoutes = ofType(templates, 'AWS::EC2::VPNConnectionRoute');
  for (const vpn of ofType(templates, 'AWS::EC2::VPNConnection')) {
    const tier = tierOf(vpn, 'VpnGatewayId');
    const cgw = resolveRef(vpn, prop(vpn, 'CustomerGatewayId'));
    const staticOnly = prop(vpn, 'StaticRoutesOnly');
    out.push({
      ...(tier ? { tier } : {}),
      kind: 'ipsec-internet',
      source: sourceOf(vpn),
      carriedRanges: uniqueSorted(vpnRoutes.filter((r) => r.t === vpn.t && refId(r, prop(r, 'VpnConnectionId')) === vpn.id).map((r) => str(prop(r, 'DestinationCidrBlock')) ?? '?')),
      ...(typeof staticOnly === 'boolean' ? { staticRoutesOnly: staticOnly } : {}),
      ...(cgw && str(prop(cgw, 'IpAddress')) ? { peerAddress: str(prop(cgw, 'IpAddress')) } : {}),
    });
  }
  for (const dx of ofType(templates, 'AWS::DirectConnect::DirectConnectGatewayAssociation')) {
    const vgw = resolveRef(dx, prop(dx, 'AssociatedGatewayId'));
    const tier = vgw ? tierOf(vgw) : tierOf(dx);
    const advertised = prop(dx, 'AllowedPrefixesToDirectConnectGateway');
    out.push({
      ...(tier ? { tier } : {}),
      kind: 'direct-connect',
      source: sourceOf(dx),
      carriedRanges: vgw ? routedTo(templates, vgw) : [],
      ...(Array.isArray(advertised) ? { advertisedRanges: advertised.map((a) => (typeof a === 'string' ? a : '?')) } : {}),
    });
  }
  for (const pool of policy?.teleworkClients ?? []) {
    if (pool.via !== 'closed-sim') continue;
    out.push({ tier: pool.tier, kind: 'closed-sim', source: { stack: 'tier policy', logicalId: pool.name }, carriedRanges: [...pool.cidrs].sort() });
  }
  return out;
}
