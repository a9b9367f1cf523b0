/**
 * Which resource types matter to the network. Anything that can carry traffic and is not modelled is
 * a finding (fail closed); known-inert types are listed explicitly so a new AWS type is never
 * silently ignored: an `AWS::EC2::*` type missing from both lists is treated as unmodelled.
 */

/** EC2 types that cannot carry traffic between networks on their own (or only restrict it). */
export const INERT_EC2_TYPES = new Set([
  'AWS::EC2::EIP', 'AWS::EC2::EIPAssociation', 'AWS::EC2::KeyPair', 'AWS::EC2::LaunchTemplate', 'AWS::EC2::FlowLog',
  'AWS::EC2::Volume', 'AWS::EC2::VolumeAttachment', 'AWS::EC2::Host', 'AWS::EC2::PlacementGroup', 'AWS::EC2::CapacityReservation',
  'AWS::EC2::CapacityReservationFleet', 'AWS::EC2::DHCPOptions', 'AWS::EC2::VPCDHCPOptionsAssociation',
  'AWS::EC2::NetworkInsightsAccessScope', 'AWS::EC2::NetworkInsightsAccessScopeAnalysis', 'AWS::EC2::NetworkInsightsPath',
  'AWS::EC2::NetworkInsightsAnalysis', 'AWS::EC2::IPAM', 'AWS::EC2::IPAMPool', 'AWS::EC2::IPAMPoolCidr', 'AWS::EC2::IPAMScope',
  'AWS::EC2::IPAMAllocation', 'AWS::EC2::IPAMResourceDiscovery', 'AWS::EC2::IPAMResourceDiscoveryAssociation',
  'AWS::EC2::VPCEndpointConnectionNotification',
  'AWS::EC2::EnclaveCertificateIamRoleAssociation', 'AWS::EC2::NetworkPerformanceMetricSubscription',
  'AWS::EC2::SnapshotBlockPublicAccess',
  'AWS::EC2::VPCBlockPublicAccessOptions', 'AWS::EC2::VPCBlockPublicAccessExclusion',
  // Verified Access configuration: the endpoint is the entry (modelled); these only decide who passes it.
  'AWS::EC2::VerifiedAccessGroup', 'AWS::EC2::VerifiedAccessInstance', 'AWS::EC2::VerifiedAccessTrustProvider',
]);

/** EC2 types the model reads (see the extractors). */
export const MODELLED_EC2_TYPES = new Set([
  'AWS::EC2::VPC', 'AWS::EC2::VPCCidrBlock', 'AWS::EC2::Subnet', 'AWS::EC2::SubnetCidrBlock', 'AWS::EC2::RouteTable', 'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::GatewayRouteTableAssociation', 'AWS::EC2::InternetGateway',
  'AWS::EC2::EgressOnlyInternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::VPNGateway',
  'AWS::EC2::CustomerGateway', 'AWS::EC2::VPNConnection', 'AWS::EC2::VPNConnectionRoute', 'AWS::EC2::VPNGatewayRoutePropagation',
  'AWS::EC2::TransitGateway', 'AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment',
  'AWS::EC2::TransitGatewayRouteTable', 'AWS::EC2::TransitGatewayRouteTableAssociation', 'AWS::EC2::TransitGatewayRouteTablePropagation',
  'AWS::EC2::TransitGatewayRoute', 'AWS::EC2::VPCPeeringConnection', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::VPCEndpointService',
  'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation', 'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress', 'AWS::EC2::PrefixList', 'AWS::EC2::ClientVpnEndpoint',
  'AWS::EC2::ClientVpnTargetNetworkAssociation', 'AWS::EC2::ClientVpnAuthorizationRule', 'AWS::EC2::ClientVpnRoute',
  'AWS::EC2::Instance', 'AWS::EC2::NetworkInterface', 'AWS::EC2::NetworkInterfaceAttachment',
  // Grants into a tier (access-grants.ts).
  'AWS::EC2::VPCEndpointServicePermissions', 'AWS::EC2::NetworkInterfacePermission',
  // Newer connectivity (tgw-peering.ts, remote-entries.ts).
  'AWS::EC2::TransitGatewayPeeringAttachment', 'AWS::EC2::InstanceConnectEndpoint', 'AWS::EC2::VerifiedAccessEndpoint',
  'AWS::EC2::TransitGatewayConnect', 'AWS::EC2::TransitGatewayConnectPeer', 'AWS::EC2::CarrierGateway',
]);

/** Non-EC2 services whose resources carry traffic between networks or let it in; not modelled → finding. */
export const UNMODELLED_NETWORK_PREFIXES = [
  // Cloud WAN: the core network and its VPC / VPN / Direct Connect / Connect attachments are modelled (cloud-wan.ts).
  'AWS::NetworkManager::TransitGatewayPeering', 'AWS::NetworkManager::TransitGatewayRouteTableAttachment',
  'AWS::NetworkManager::CoreNetworkPrefixListAssociation', 'AWS::GlobalAccelerator::',
  // VPC Lattice: service networks, services and target groups are modelled (vpc-lattice.ts); these are not.
  'AWS::VpcLattice::ResourceGateway', 'AWS::VpcLattice::ResourceConfiguration', 'AWS::VpcLattice::ServiceNetworkResourceAssociation', 'AWS::VpcLattice::ResourcePolicy',
  'AWS::Route53Resolver::ResolverEndpoint', 'AWS::Route53Resolver::ResolverRule', 'AWS::ApiGateway::VpcLink',
  'AWS::CloudFront::VpcOrigin', 'AWS::VerifiedAccess', 'AWS::Transfer::Server',
];

/** Types handled by a dedicated non-EC2 extractor. */
export const MODELLED_OTHER_TYPES = new Set([
  'AWS::DirectConnect::DirectConnectGateway', 'AWS::DirectConnect::DirectConnectGatewayAssociation',
  'AWS::WorkSpaces::Workspace', 'AWS::WorkSpaces::WorkspacesPool', 'AWS::WorkSpaces::Directory',
  'AWS::DirectoryService::MicrosoftAD', 'AWS::DirectoryService::SimpleAD', 'AWS::NetworkFirewall::Firewall',
  // Judged share by share: lib/model/facts/resource-shares.ts.
  'AWS::RAM::ResourceShare',
  // Cloud WAN (cloud-wan.ts).
  'AWS::NetworkManager::CoreNetwork', 'AWS::NetworkManager::VpcAttachment', 'AWS::NetworkManager::SiteToSiteVpnAttachment',
  'AWS::NetworkManager::DirectConnectGatewayAttachment', 'AWS::NetworkManager::ConnectAttachment',
  // Telework streaming (streaming-services.ts) and HTTP API integrations through VPC links (api-gateway-v2.ts).
  'AWS::AppStream::Fleet', 'AWS::AppStream::ImageBuilder', 'AWS::AppStream::AppBlockBuilder', 'AWS::AppStream::Stack',
  'AWS::AppStream::StackFleetAssociation', 'AWS::WorkSpacesWeb::Portal', 'AWS::ApiGatewayV2::Integration',
]);

export type Classification = 'modelled' | 'inert' | 'unmodelled' | 'other';

export function classify(type: string): Classification {
  if (MODELLED_EC2_TYPES.has(type) || MODELLED_OTHER_TYPES.has(type)) return 'modelled';
  if (UNMODELLED_NETWORK_PREFIXES.some((p) => type.startsWith(p))) return 'unmodelled';
  if (type.startsWith('AWS::EC2::')) return INERT_EC2_TYPES.has(type) ? 'inert' : 'unmodelled';
  if (type.startsWith('AWS::DirectConnect::')) return 'inert'; // connections / VIFs: the association is what links a gateway
  return 'other';
}
