/**
 * English wording of the model's path vocabulary (lib/model/path.ts): places, hop steps, address lists.
 * `verify --format json` writes this wording as each hop's `description` and each sanctioned flow's ends,
 * so it is the engine's historical English, word for word (tools/parity proves it unchanged); tiers are
 * named by their ids here, as the JSON always did. Keep in step with hops.ja.ts (both implement PathWords).
 */
import type { AddressList, EdgeName, HopStep, Layer, LinkKind, NaclReason, PlaceName, RelayStep, RouteDestName, RouteTargetName } from '../../model/path';
import type { PathWords } from './path-words';
import { detailWordsEn } from './reasons.en';

function place(p: PlaceName): string {
  switch (p.kind) {
    case 'subnet':
      return `subnet ${p.subnet} (${p.cidrs.join(', ')})`;
    case 'internet':
      return 'the internet';
    case 'unknown':
      return 'an unmodelled or external network';
    case 'on-prem':
      return `the ${p.tier} on-premises network`;
    case 'on-prem-untagged':
      return `the on-premises network behind untagged ${p.link}`;
    case 'peered':
      return `the ${p.tier ?? 'untagged'} network behind TGW peering ${p.attachment}`;
    case 'telework-pool':
      return `telework clients ${p.pool} (${p.via})`;
    case 'client-vpn-clients':
      return `Client VPN clients of ${p.endpoint}${p.cidr ? ` (${p.cidr})` : ''}`;
  }
}

/** The engine's compact listing (JSON); the reports print CIDR blocks instead (addressesForReport). */
function addresses(a: AddressList): string {
  return a.ranges;
}

function addressesForReport(a: AddressList): string {
  if (a.cidrs.length === 0) return '(none)';
  return `${a.cidrs.join(', ')}${a.more > 0 ? ` and ${a.more} more block(s)` : ''}`;
}

function dest(d: RouteDestName): string {
  switch (d.kind) {
    case 'cidr':
      return d.cidr;
    case 'prefix-list':
      return `prefix list ${d.id}`;
    case 'aws-prefix-list':
      return `AWS-managed prefix list ${d.id} (AWS service addresses)`;
    case 'propagated':
      return `${d.cidr} (propagated)`;
    case 'bgp':
      return d.over === 'vgw' ? 'routes propagated from on-premises (BGP)' : 'on-premises prefixes (propagated over BGP)';
  }
}

/** The path layers by name (a finding's "blocked only by …", the English report's evidence lines). */
export const LAYER_EN: Record<Layer, string> = {
  entry: 'entry',
  route: 'route table',
  tgw: 'transit gateway',
  peering: 'peering',
  vpn: 'VPN / Direct Connect',
  endpoint: 'endpoint',
  nacl: 'network ACL',
  sg: 'security group',
  'client-vpn': 'Client VPN',
  compute: 'multi-homed compute',
  exit: 'arrival',
};

/** The shared edge, as the engine has always worded it. */
function edge(e: EdgeName): string {
  if (e.kind === 'dxgw') return `the same Direct Connect gateway (${e.id})`;
  if (e.kind === 'cgw-ip') return `a customer gateway at the same address (${e.id})`;
  return `the same customer gateway (${e.id})`;
}

function target(t: RouteTargetName): string {
  if (t.kind === 'local') return 'local';
  if (t.kind === 'unmodelled') return `unmodelled target (${t.what ?? 'no resolvable target'})`;
  return `${t.type} ${t.id}`;
}

function nacl(r: NaclReason): string {
  switch (r.kind) {
    case 'default':
      return 'default network ACL (allows all)';
    case 'rule':
      return `rule ${r.rule} ${r.allow ? 'allows' : 'denies'} ${r.cidr}`;
    case 'implicit-deny':
      return 'no rule matches (implicit deny *)';
  }
}

export function relay(r: RelayStep): string {
  switch (r.kind) {
    case 'target':
      return detailWordsEn.relayWhat(r.what);
    case 'function-outside-vpc':
      return `${detailWordsEn.relayWhat(r.what)}: function ${r.function} runs outside any VPC, with internet access`;
    case 'runs-in-tier':
      return `${detailWordsEn.relayWhat(r.what)}: runs in ${r.tier} subnets`;
  }
}

const LINK: Record<LinkKind, string> = { vgw: 'virtual private gateway', vpn: 'site-to-site VPN', dx: 'Direct Connect', connect: 'Connect attachment (GRE tunnel to an SD-WAN appliance)' };

const AUTH_EN: Record<string, string> = {
  'certificate-authentication': 'mutual TLS (client certificate)',
  'directory-service-authentication': 'Active Directory user',
  'federated-authentication': 'SAML federation',
};

/** WorkSpaces streaming: registration and authentication on TCP 443, PCoIP on TCP/UDP 4172, WSP on TCP/UDP 4195 (AWS documentation). */
const STREAMING_PORTS = 'TCP 443, TCP/UDP 4172 (PCoIP), TCP/UDP 4195 (WSP)';

/** The telework cell in the English report: through what, authenticated how, arriving where, on which ports. */
function screenTransferForReport(s: Extract<HopStep, { kind: 'screen-transfer' }>): string {
  const vpn = s.clientVpn ? `through Client VPN ${s.clientVpn.endpoint} (${s.clientVpn.authentication.map((a) => AUTH_EN[a] ?? a).join(' + ') || 'authentication not stated in the template'}), ` : '';
  const arrival = s.arrival === 'streaming-endpoint' ? 'the WorkSpaces streaming interface endpoint in the tier VPC' : "WorkSpaces' AWS-managed streaming gateway";
  return `screen transfer only (WorkSpaces streaming): clients connect ${vpn}to ${arrival}${s.entry ? ` for ${s.entry}` : ''} on ${STREAMING_PORTS}; pixels reach the client, data stays in the tier`;
}

function hop(s: HopStep, addr: (a: AddressList) => string): string {
  switch (s.kind) {
    case 'leave-subnet':
      return `leaves ${place(s.from)}`;
    case 'from-internet':
      return s.carrier ? "from the carrier's network (and the internet) through the carrier gateway" : 'from the internet through the internet gateway';
    case 'enter-vgw':
      return `from ${place(s.from)} through the virtual private gateway`;
    case 'enter-tgw-attachment':
      return `from ${place(s.from)} through the TGW ${s.attachment.toUpperCase()} attachment`;
    case 'client-vpn-connect':
      return `telework clients connect to Client VPN ${s.endpoint}`;
    case 'client-vpn-enter':
      return `enter through associated subnet ${s.subnet}; authorised ${addr(s.authorised)}`;
    case 'screen-transfer':
      return 'screen transfer only (WorkSpaces streaming): pixels reach the client, data stays in the tier';
    case 'nacl':
      if (s.passed) return `${s.direction} network ACL ${s.reason ? nacl(s.reason) : ''}`.trim();
      return `${s.direction} network ACL${s.deniesAll ? ' denies every such packet' : ''}`;
    case 'sg':
      if (s.passed) return `${s.direction} allowed by security group ${s.group}`;
      if (s.direction === 'egress') return `egress security groups${s.noneAdmits ? ': none allows it' : ''}`;
      return `ingress security groups${s.noneAdmits ? ': none in the destination VPC admits it' : ''}`;
    case 'arrive':
      return `arrives in ${place(s.at)}${s.municipality ? ` (${s.municipality})` : ''}`;
    case 'route':
      return `${s.table === 'tgw' ? 'TGW route table' : 'route table'}: ${addr(s.matched)} matches ${dest(s.dest)} → ${target(s.target)}`;
    case 'igw-out':
      return s.carrier ? "carrier gateway: out to the carrier's network and the internet" : 'internet gateway: out to the internet';
    case 'eigw-out':
      return 'egress-only internet gateway: IPv6 out to the internet';
    case 'nat':
      return `NAT gateway (${s.connectivity}): source address becomes the NAT's, routed on from its subnet`;
    case 'tgw-to-table':
      return `TGW attachment → associated route table ${s.table}`;
    case 'peering-outside':
      return `peering to ${s.peer}, outside the templates given`;
    case 'peering-into':
      return `VPC peering into ${s.vpc}`;
    case 'gwlb-endpoint':
      return 'Gateway Load Balancer endpoint: inspected, then routed on from its subnet';
    case 'firewall-endpoint':
      return 'Network Firewall endpoint (rules not modelled): routed on from its subnet';
    case 'forwarded':
      return `forwarded by ${s.by === 'eni' ? 'network interface' : 'instance'} ${s.id} from subnet ${s.subnet}`;
    case 'link-out':
      return `${LINK[s.link]}: out to the ${s.tier ?? 'UNTAGGED'} on-premises network`;
    case 'link-out-to-pool':
      return `${LINK[s.link]}: out to ${place(s.to)}`;
    case 'tgw-peering-out':
      return `TGW peering attachment: out to the peered transit gateway (${s.tier ?? 'UNTAGGED'} network)`;
    case 'tgw-link-attachment':
      return `TGW ${s.attachment.toUpperCase()} attachment`;
    case 'tgw-into-vpc':
      return `TGW attachment into VPC ${s.vpc}`;
    case 'leave-municipality-subnet':
      return `leaves subnet ${s.subnet} of ${s.municipality}`;
    case 'interface-endpoint-in':
      return `interface endpoint in ${s.tier}`;
    case 'endpoint-service-lb-in':
      return `endpoint service backed by a load balancer in ${s.tier}`;
    case 'interface-endpoint-to':
      return `interface endpoint to ${s.service} in ${s.tier}`;
    case 'relay':
      return relay(s.relay);
    case 'link-from-on-prem':
      return `${s.link === 'vpn-connection' ? 'VPN connection' : 'Direct Connect gateway association'} from the ${s.tiers.join('/')} on-premises network${s.customerGateway ? ` (customer gateway ${s.customerGateway})` : ''}`;
    case 'vgw-attached':
      return `virtual private gateway${s.taggedTier ? ` tagged ${s.taggedTier}` : ''}, attached to VPC ${s.vpc}`;
    case 'vpc-of-tier':
      return `VPC of the ${s.tier} tier`;
    case 'tgw-table-shared':
      return `route table shared with ${s.attachment} (${s.tier})`;
    case 'attachment-of-tier':
      return `attachment of the ${s.tier} tier`;
    case 'public-invoke':
      return detailWordsEn.publicInvoke(s.surface);
    case 'function-in-subnets':
      return `the function runs in ${s.tier} subnets ${s.subnets.join(', ')}`;
    case 'service-network-in':
      return `service network associated with a ${s.tier} VPC`;
    case 'target-group-in':
      return `target group in ${s.tier}`;
    case 'edge-link':
      return `link of the ${s.tier} tier, ending at ${edge(s.edge)}`;
    case 'edge-link-same':
      return `link of the ${s.tier} tier, ending at the same edge`;
  }
}

export const pathWordsEn: PathWords = {
  place,
  hop: (s) => hop(s, addresses),
  hopForReport: (s) =>
    s.kind === 'screen-transfer' && s.entry
      ? screenTransferForReport(s)
      : s.kind === 'client-vpn-connect' && s.authentication?.length
        ? `${hop(s, addressesForReport)} (${s.authentication.map((a) => AUTH_EN[a] ?? a).join(' + ')})`
        : hop(s, addressesForReport),
  addresses: addressesForReport,
};
