/**
 * The snapshot's vocabulary: every AWS CLI output the reader understands, the top-level key that
 * recognises it (a file's name does not matter, except for the id of per-id calls), and the exact
 * command that produces it. The collector (`closed-telework snapshot`) writes the same list, and the
 * error for a missing file quotes the command from here, so the three can never disagree.
 */

/** Listing outputs: one call per account and Region, no id needed. */
export type ListingKind =
  | 'Vpcs' | 'Subnets' | 'RouteTables' | 'NetworkAcls' | 'SecurityGroups' | 'SecurityGroupRules'
  | 'InternetGateways' | 'EgressOnlyInternetGateways' | 'NatGateways' | 'VpnGateways' | 'CustomerGateways' | 'VpnConnections'
  | 'VpcPeeringConnections' | 'TransitGateways' | 'TransitGatewayAttachments' | 'TransitGatewayVpcAttachments' | 'TransitGatewayRouteTables'
  | 'VpcEndpoints' | 'ServiceConfigurations' | 'ManagedPrefixLists' | 'NetworkInterfaces' | 'ClientVpnEndpoints'
  | 'Firewalls' | 'LoadBalancers' | 'DirectConnectGatewayAssociations'
  | 'WorkspaceDirectories' | 'Workspaces' | 'DirectoryDescriptions';

/** Outputs of calls that need an id: the id is in the file name (or, for describe-firewall, in the content). */
export type PerIdKind =
  | 'TgwRouteTableAssociations' | 'TgwRouteTablePropagations' | 'TgwRoutes'
  | 'ClientVpnTargetNetworks' | 'ClientVpnAuthorizationRules' | 'ClientVpnRoutes'
  | 'PrefixListEntries' | 'Firewall';

export interface ListingSpec {
  kind: ListingKind;
  /** The top-level JSON key of the output. */
  key: string;
  /** A file name to write it to (the collector, the documented script). */
  file: string;
  /** The AWS CLI command, without --region / --profile / --output. */
  command: string;
  /**
   * Optional output: the model works without it (what it loses is a coverage note, worded by
   * lib/report/i18n/coverage.{en,ja}.ts); undefined when the file is required (missing → exit 2).
   */
  optional?: true;
}

export const LISTINGS: readonly ListingSpec[] = [
  { kind: 'Vpcs', key: 'Vpcs', file: 'vpcs.json', command: 'aws ec2 describe-vpcs' },
  { kind: 'Subnets', key: 'Subnets', file: 'subnets.json', command: 'aws ec2 describe-subnets' },
  { kind: 'RouteTables', key: 'RouteTables', file: 'route-tables.json', command: 'aws ec2 describe-route-tables' },
  { kind: 'NetworkAcls', key: 'NetworkAcls', file: 'network-acls.json', command: 'aws ec2 describe-network-acls' },
  { kind: 'SecurityGroups', key: 'SecurityGroups', file: 'security-groups.json', command: 'aws ec2 describe-security-groups' },
  {
    kind: 'SecurityGroupRules', key: 'SecurityGroupRules', file: 'security-group-rules.json', command: 'aws ec2 describe-security-group-rules',
    optional: true,
  },
  { kind: 'InternetGateways', key: 'InternetGateways', file: 'internet-gateways.json', command: 'aws ec2 describe-internet-gateways' },
  { kind: 'EgressOnlyInternetGateways', key: 'EgressOnlyInternetGateways', file: 'egress-only-internet-gateways.json', command: 'aws ec2 describe-egress-only-internet-gateways' },
  { kind: 'NatGateways', key: 'NatGateways', file: 'nat-gateways.json', command: 'aws ec2 describe-nat-gateways' },
  { kind: 'VpnGateways', key: 'VpnGateways', file: 'vpn-gateways.json', command: 'aws ec2 describe-vpn-gateways' },
  { kind: 'CustomerGateways', key: 'CustomerGateways', file: 'customer-gateways.json', command: 'aws ec2 describe-customer-gateways' },
  { kind: 'VpnConnections', key: 'VpnConnections', file: 'vpn-connections.json', command: 'aws ec2 describe-vpn-connections' },
  { kind: 'VpcPeeringConnections', key: 'VpcPeeringConnections', file: 'vpc-peering-connections.json', command: 'aws ec2 describe-vpc-peering-connections' },
  { kind: 'TransitGateways', key: 'TransitGateways', file: 'transit-gateways.json', command: 'aws ec2 describe-transit-gateways' },
  { kind: 'TransitGatewayAttachments', key: 'TransitGatewayAttachments', file: 'transit-gateway-attachments.json', command: 'aws ec2 describe-transit-gateway-attachments' },
  { kind: 'TransitGatewayVpcAttachments', key: 'TransitGatewayVpcAttachments', file: 'transit-gateway-vpc-attachments.json', command: 'aws ec2 describe-transit-gateway-vpc-attachments' },
  { kind: 'TransitGatewayRouteTables', key: 'TransitGatewayRouteTables', file: 'transit-gateway-route-tables.json', command: 'aws ec2 describe-transit-gateway-route-tables' },
  { kind: 'VpcEndpoints', key: 'VpcEndpoints', file: 'vpc-endpoints.json', command: 'aws ec2 describe-vpc-endpoints' },
  {
    kind: 'ServiceConfigurations', key: 'ServiceConfigurations', file: 'vpc-endpoint-service-configurations.json', command: 'aws ec2 describe-vpc-endpoint-service-configurations',
    optional: true,
  },
  { kind: 'ManagedPrefixLists', key: 'PrefixLists', file: 'managed-prefix-lists.json', command: 'aws ec2 describe-managed-prefix-lists' },
  { kind: 'NetworkInterfaces', key: 'NetworkInterfaces', file: 'network-interfaces.json', command: 'aws ec2 describe-network-interfaces' },
  { kind: 'ClientVpnEndpoints', key: 'ClientVpnEndpoints', file: 'client-vpn-endpoints.json', command: 'aws ec2 describe-client-vpn-endpoints' },
  { kind: 'Firewalls', key: 'Firewalls', file: 'network-firewalls.json', command: 'aws network-firewall list-firewalls' },
  {
    kind: 'LoadBalancers', key: 'LoadBalancers', file: 'load-balancers.json', command: 'aws elbv2 describe-load-balancers',
    optional: true,
  },
  {
    kind: 'DirectConnectGatewayAssociations', key: 'directConnectGatewayAssociations', file: 'direct-connect-gateway-associations.json',
    command: 'aws directconnect describe-direct-connect-gateway-associations --virtual-gateway-id <vgw-id>',
    optional: true,
  },
  { kind: 'WorkspaceDirectories', key: 'Directories', file: 'workspaces-directories.json', command: 'aws workspaces describe-workspace-directories' },
  { kind: 'Workspaces', key: 'Workspaces', file: 'workspaces.json', command: 'aws workspaces describe-workspaces' },
  { kind: 'DirectoryDescriptions', key: 'DirectoryDescriptions', file: 'directories.json', command: 'aws ds describe-directories' },
];

export interface PerIdSpec {
  kind: PerIdKind;
  key: string;
  /** The id's shape, found in the file name. */
  idPattern: RegExp;
  /** File name for one id. */
  file(id: string): string;
  command(id: string): string;
}

export const PER_ID: readonly PerIdSpec[] = [
  {
    kind: 'TgwRouteTableAssociations', key: 'Associations', idPattern: /tgw-rtb-[0-9a-f]+/,
    file: (id) => `tgw-associations-${id}.json`,
    command: (id) => `aws ec2 get-transit-gateway-route-table-associations --transit-gateway-route-table-id ${id}`,
  },
  {
    kind: 'TgwRouteTablePropagations', key: 'TransitGatewayRouteTablePropagations', idPattern: /tgw-rtb-[0-9a-f]+/,
    file: (id) => `tgw-propagations-${id}.json`,
    command: (id) => `aws ec2 get-transit-gateway-route-table-propagations --transit-gateway-route-table-id ${id}`,
  },
  {
    kind: 'TgwRoutes', key: 'Routes', idPattern: /tgw-rtb-[0-9a-f]+/,
    file: (id) => `tgw-routes-${id}.json`,
    command: (id) => `aws ec2 search-transit-gateway-routes --transit-gateway-route-table-id ${id} --filters Name=type,Values=static,propagated`,
  },
  {
    kind: 'ClientVpnTargetNetworks', key: 'ClientVpnTargetNetworks', idPattern: /cvpn-endpoint-[0-9a-f]+/,
    file: (id) => `client-vpn-target-networks-${id}.json`,
    command: (id) => `aws ec2 describe-client-vpn-target-networks --client-vpn-endpoint-id ${id}`,
  },
  {
    kind: 'ClientVpnAuthorizationRules', key: 'AuthorizationRules', idPattern: /cvpn-endpoint-[0-9a-f]+/,
    file: (id) => `client-vpn-authorization-rules-${id}.json`,
    command: (id) => `aws ec2 describe-client-vpn-authorization-rules --client-vpn-endpoint-id ${id}`,
  },
  {
    kind: 'ClientVpnRoutes', key: 'Routes', idPattern: /cvpn-endpoint-[0-9a-f]+/,
    file: (id) => `client-vpn-routes-${id}.json`,
    command: (id) => `aws ec2 describe-client-vpn-routes --client-vpn-endpoint-id ${id}`,
  },
  {
    kind: 'PrefixListEntries', key: 'Entries', idPattern: /pl-[0-9a-f]+/,
    file: (id) => `prefix-list-entries-${id}.json`,
    command: (id) => `aws ec2 get-managed-prefix-list-entries --prefix-list-id ${id}`,
  },
  {
    // describe-firewall names its firewall in the content; the file name only has to be unique.
    kind: 'Firewall', key: 'Firewall', idPattern: /.*/,
    file: (name) => `network-firewall-${name.replace(/[^A-Za-z0-9_-]/g, '_')}.json`,
    command: (arn) => `aws network-firewall describe-firewall --firewall-arn ${arn}`,
  },
];

export function listingSpec(kind: ListingKind): ListingSpec {
  return LISTINGS.find((l) => l.kind === kind)!;
}

export function perIdSpec(kind: PerIdKind): PerIdSpec {
  return PER_ID.find((p) => p.kind === kind)!;
}

/** The full command line for one Region (and profile, when several accounts are collected). */
export function commandLine(command: string, region: string, outFile: string): string {
  return `${command} --region ${region} --output json > ${outFile}`;
}
