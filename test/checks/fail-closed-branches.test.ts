/**
 * Every place where fact extraction gives up must say so: one row per fail-closed branch of lib/model/facts,
 * each a one-resource change to the good city that reaches exactly that branch, and the finding it must give
 * (the rule, the resource, the property and the reason a reader is shown).
 *
 * Why this file exists: a line-coverage run of the engine's own tests (test/model, test/checks, test/cidr)
 * showed some forty `ctx.unresolved(…)` / `ctx.unmodelled(…)` calls that no test reached, and mutating several
 * of them away (`if (false)`) failed no test — so deleting a fail-closed branch would have turned a refusal into
 * a silent pass unnoticed. The rows below are the branches that coverage run found unreached; a branch added
 * later belongs here too.
 */
import type { Finding } from '../../lib/checks';
import { ref, rules, run, type Resources } from './helpers';
import { said } from '../support/finding-words';
import type { CfnTemplate } from '../../lib/model/load/template';

const TAG = (tier: string): { Key: string; Value: string }[] => [{ Key: 'mic:tier', Value: tier }];
const getAtt = (id: string, attr: string): { 'Fn::GetAtt': [string, string] } => ({ 'Fn::GetAtt': [id, attr] });

/** The Cloud WAN core network of newer-services-paths.test.ts: one segment per tier, attachments by tag. */
const corePolicy = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: '2021.12',
  'core-network-configuration': { 'asn-ranges': ['64512-64555'], 'edge-locations': [{ location: 'ap-northeast-1' }] },
  segments: [{ name: 'lgwan', 'require-attachment-acceptance': false }, { name: 'internet', 'require-attachment-acceptance': false }],
  'attachment-policies': [{ 'rule-number': 100, conditions: [{ type: 'tag-exists', key: 'segment' }], action: { 'association-method': 'tag', 'tag-value-of-key': 'segment' } }],
  ...extra,
});
function coreNetwork(R: Resources, doc: unknown = corePolicy()): void {
  R.GlobalNet = { Type: 'AWS::NetworkManager::GlobalNetwork', Properties: {} };
  R.Core = { Type: 'AWS::NetworkManager::CoreNetwork', Properties: { GlobalNetworkId: ref('GlobalNet'), PolicyDocument: doc } };
}
function wanVpcAttachment(R: Resources, id: string, tier: 'Lgwan' | 'Inet', segment: string): void {
  R[id] = {
    Type: 'AWS::NetworkManager::VpcAttachment',
    Properties: {
      CoreNetworkId: getAtt('Core', 'CoreNetworkId'),
      VpcArn: { 'Fn::Sub': `arn:\${AWS::Partition}:ec2:\${AWS::Region}:\${AWS::AccountId}:vpc/\${Vpc${tier}}` },
      SubnetArns: [{ 'Fn::Sub': `arn:aws:ec2:ap-northeast-1:111122223333:subnet/\${Subnet${tier}Tgw}` }],
      Tags: [{ Key: 'segment', Value: segment }],
    },
  };
}

interface Row {
  /** What the template does, and why the engine cannot judge it. */
  what: string;
  mutate: (R: Resources, t: CfnTemplate) => void;
  rule: 'UNRESOLVED-VALUE' | 'UNMODELLED-RESOURCE' | 'TIER-TAG-CONFLICT';
  /** The resource the finding names. */
  id: string;
  /** The reason's key (lib/model/reason.ts). */
  reason: string;
  /** For UNRESOLVED-VALUE: the property named. */
  property?: string;
}

const ROWS: Row[] = [
  // ---- Cloud WAN (lib/model/facts/cloud-wan.ts)
  {
    what: 'a core network policy that is not a JSON document: its segments cannot be known',
    mutate: (R) => coreNetwork(R, '{ "version": "2021.12", segments: [ oops'),
    rule: 'UNRESOLVED-VALUE', id: 'Core', property: 'PolicyDocument', reason: 'core-policy-not-json',
  },
  {
    what: 'a core network policy chosen by a free-text parameter: two policies, two sets of segments',
    mutate: (R, t) => {
      t.Parameters = { ...(t.Parameters ?? {}), Layout: { Type: 'String', Default: 'split' } };
      t.Conditions = { ...(t.Conditions ?? {}), Split: { 'Fn::Equals': [ref('Layout'), 'split'] } };
      coreNetwork(R, { 'Fn::If': ['Split', corePolicy(), corePolicy({ segments: [{ name: 'shared' }] })] });
    },
    rule: 'UNRESOLVED-VALUE', id: 'Core', property: 'PolicyDocument', reason: 'core-policy-alternatives',
  },
  {
    what: 'a segment action the model does not know (send-via: service insertion)',
    mutate: (R) => coreNetwork(R, corePolicy({ 'segment-actions': [{ action: 'send-via', segment: 'lgwan', mode: 'single-hop', via: { 'network-function-groups': ['fw'] } }] })),
    rule: 'UNMODELLED-RESOURCE', id: 'Core', reason: 'core-policy-unmodelled',
  },
  {
    what: 'a create-route whose destination is not a CIDR block',
    mutate: (R) => {
      coreNetwork(R, corePolicy({ 'segment-actions': [{ action: 'create-route', segment: 'lgwan', 'destination-cidr-blocks': ['lgwan-offices'], destinations: ['blackhole'] }] }));
      wanVpcAttachment(R, 'WanLgwan', 'Lgwan', 'lgwan');
    },
    rule: 'UNRESOLVED-VALUE', id: 'Core', property: 'PolicyDocument', reason: 'route-destination-not-cidr',
  },
  {
    what: 'a Cloud WAN attachment whose core network is not named',
    mutate: (R) => {
      coreNetwork(R);
      wanVpcAttachment(R, 'WanLgwan', 'Lgwan', 'lgwan');
      delete R.WanLgwan.Properties!.CoreNetworkId;
    },
    rule: 'UNRESOLVED-VALUE', id: 'WanLgwan', property: 'CoreNetworkId', reason: 'cloud-wan-no-core-network',
  },
  {
    what: 'an attachment whose segment tag names a segment the policy does not declare',
    mutate: (R) => {
      coreNetwork(R);
      wanVpcAttachment(R, 'WanLgwan', 'Lgwan', 'lgwan-dr');
    },
    rule: 'UNRESOLVED-VALUE', id: 'WanLgwan', property: 'Tags', reason: 'segment-undeclared',
  },
  {
    what: 'a Cloud WAN site-to-site VPN attachment with no mic:tier tag and a VPN outside the templates: the network behind it has no tier',
    mutate: (R) => {
      coreNetwork(R);
      R.WanVpn = { Type: 'AWS::NetworkManager::SiteToSiteVpnAttachment', Properties: { CoreNetworkId: getAtt('Core', 'CoreNetworkId'), VpnConnectionArn: 'arn:aws:ec2:ap-northeast-1:111122223333:vpn-connection/vpn-0abc', Tags: [{ Key: 'segment', Value: 'lgwan' }] } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'WanVpn', property: 'Tags.mic:tier', reason: 'cloud-wan-needs-tag',
  },
  {
    what: 'a Cloud WAN Connect attachment tagged personal-number riding the LGWAN VPC attachment',
    mutate: (R) => {
      coreNetwork(R);
      wanVpcAttachment(R, 'WanLgwan', 'Lgwan', 'lgwan');
      R.WanConnect = { Type: 'AWS::NetworkManager::ConnectAttachment', Properties: { CoreNetworkId: getAtt('Core', 'CoreNetworkId'), EdgeLocation: 'ap-northeast-1', TransportAttachmentId: ref('WanLgwan'), Options: { Protocol: 'GRE' }, Tags: [...TAG('personal-number'), { Key: 'segment', Value: 'lgwan' }] } };
    },
    rule: 'TIER-TAG-CONFLICT', id: 'WanConnect', reason: 'tag-connect-transport',
  },
  {
    what: 'an untagged Cloud WAN Connect attachment whose transport is outside the templates: no tier to inherit',
    mutate: (R) => {
      coreNetwork(R);
      R.WanConnect = { Type: 'AWS::NetworkManager::ConnectAttachment', Properties: { CoreNetworkId: getAtt('Core', 'CoreNetworkId'), EdgeLocation: 'ap-northeast-1', TransportAttachmentId: 'attachment-0123456789abcdef0', Options: { Protocol: 'GRE' }, Tags: [{ Key: 'segment', Value: 'lgwan' }] } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'WanConnect', property: 'Tags.mic:tier', reason: 'cloud-wan-needs-tag',
  },
  // ---- Transit Gateway Connect and peering
  {
    what: 'a TGW Connect attachment whose transport attachment is not in the templates',
    mutate: (R) => {
      R.Connect = { Type: 'AWS::EC2::TransitGatewayConnect', Properties: { TransportTransitGatewayAttachmentId: 'tgw-attach-0123456789abcdef0', Options: { Protocol: 'gre' } } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Connect', property: 'TransportTransitGatewayAttachmentId', reason: 'connect-transport-outside',
  },
  {
    what: 'a TGW Connect attachment whose tier tag names no tier',
    mutate: (R) => {
      R.Connect = { Type: 'AWS::EC2::TransitGatewayConnect', Properties: { TransportTransitGatewayAttachmentId: ref('TgwAttLgwan'), Options: { Protocol: 'gre' }, Tags: TAG('sd-wan') } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Connect', property: 'Tags.mic:tier', reason: 'connect-needs-tag',
  },
  {
    what: 'a TGW peering tagged LGWAN to a transit gateway tagged internet',
    mutate: (R) => {
      R.Tgw.Properties = { ...R.Tgw.Properties, Tags: TAG('lgwan') };
      R.TgwDr = { Type: 'AWS::EC2::TransitGateway', Properties: { Tags: TAG('internet') } };
      R.Peering = { Type: 'AWS::EC2::TransitGatewayPeeringAttachment', Properties: { TransitGatewayId: ref('Tgw'), PeerTransitGatewayId: ref('TgwDr'), PeerAccountId: '111122223333', PeerRegion: 'ap-northeast-3', Tags: TAG('lgwan') } };
    },
    rule: 'TIER-TAG-CONFLICT', id: 'Peering', reason: 'tag-peering-tgw',
  },
  // ---- Tier declarations that contradict the VPC (lib/model/facts/tier-declarations.ts)
  {
    what: 'a TGW VPC attachment tagged internet on the LGWAN VPC',
    mutate: (R) => {
      R.TgwAttLgwan.Properties = { ...R.TgwAttLgwan.Properties, Tags: TAG('internet') };
    },
    rule: 'TIER-TAG-CONFLICT', id: 'TgwAttLgwan', reason: 'tag-attachment-vpc',
  },
  {
    what: 'a virtual private gateway tagged internet attached to the LGWAN VPC',
    mutate: (R) => {
      R.VgwLgwan.Properties = { ...R.VgwLgwan.Properties, Tags: TAG('internet') };
      // Its VPN and customer gateway follow it, so only the gateway contradicts its VPC.
      for (const id of ['VpnLgwan', 'CgwLgwan']) R[id].Properties = { ...R[id].Properties, Tags: TAG('internet') };
    },
    rule: 'TIER-TAG-CONFLICT', id: 'VgwLgwan', reason: 'tag-vgw-vpc',
  },
  {
    what: 'the Client VPN endpoint tagged internet in the LGWAN VPC',
    mutate: (R) => {
      R.CvpnLgwan.Properties = { ...R.CvpnLgwan.Properties, TagSpecifications: [{ ResourceType: 'client-vpn-endpoint', Tags: TAG('internet') }] };
    },
    rule: 'TIER-TAG-CONFLICT', id: 'CvpnLgwan', reason: 'tag-client-vpn-vpc',
  },
  // ---- Compute, gateways, addresses
  {
    what: 'an instance with neither SubnetId nor NetworkInterfaces: it lands in the default VPC',
    mutate: (R) => {
      R.Box = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro' } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Box', property: 'SubnetId', reason: 'instance-default-vpc',
  },
  {
    what: 'a regional NAT gateway (AvailabilityMode regional, no subnet)',
    mutate: (R) => {
      R.NatRegional = { Type: 'AWS::EC2::NatGateway', Properties: { VpcId: ref('VpcInet'), AvailabilityMode: 'regional' } };
    },
    rule: 'UNMODELLED-RESOURCE', id: 'NatRegional', reason: 'regional-nat',
  },
  {
    what: 'a VPC whose block IPAM allocates: its addresses cannot be placed',
    mutate: (R) => {
      R.VpcIpam = { Type: 'AWS::EC2::VPC', Properties: { Ipv4IpamPoolId: 'ipam-pool-0123456789abcdef0', Ipv4NetmaskLength: 24, Tags: TAG('internet') } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'VpcIpam', property: 'CidrBlock', reason: 'vpc-ipam',
  },
  {
    what: 'an extra VPC block from an IPv6 pool',
    mutate: (R) => {
      R.VpcLgwanV6 = { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref('VpcLgwan'), Ipv6Pool: 'ipv6pool-ec2-0123456789abcdef0', Ipv6CidrBlock: { 'Fn::ImportValue': 'no-such-export' } } };
      delete R.VpcLgwanV6.Properties!.Ipv6CidrBlock;
    },
    rule: 'UNRESOLVED-VALUE', id: 'VpcLgwanV6', property: 'Ipv6Pool', reason: 'ipv6-pool',
  },
  {
    what: 'a subnet with no address block',
    mutate: (R) => {
      R.SubnetBare = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('VpcLgwan'), Ipv6Native: true } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'SubnetBare', property: 'CidrBlock', reason: 'subnet-no-cidr',
  },
  {
    what: 'a managed prefix list whose entry is not a literal CIDR',
    mutate: (R) => {
      R.Offices = { Type: 'AWS::EC2::PrefixList', Properties: { PrefixListName: 'offices', AddressFamily: 'IPv4', MaxEntries: 2, Entries: [{ Cidr: { 'Fn::ImportValue': 'office-range' } }] } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Offices', property: 'Entries', reason: 'prefix-list-entry-not-literal',
  },
  // ---- VPN and routes
  {
    what: 'a VPN connection attached to neither a virtual private gateway nor a transit gateway',
    mutate: (R) => {
      R.VpnLoose = { Type: 'AWS::EC2::VPNConnection', Properties: { Type: 'ipsec.1', CustomerGatewayId: ref('CgwLgwan'), Tags: TAG('lgwan') } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'VpnLoose', property: 'VpnGatewayId', reason: 'vpn-no-gateway',
  },
  {
    what: 'a route to an Outposts local gateway (a target the model does not know)',
    mutate: (R) => {
      R.RtLgwanLocalGw = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '192.168.0.0/16', LocalGatewayId: 'lgw-0123456789abcdef0' } };
    },
    rule: 'UNMODELLED-RESOURCE', id: 'RtLgwanLocalGw', reason: 'route-target-unmodelled',
  },
  {
    what: 'a route whose NatGatewayId names an internet gateway',
    mutate: (R) => {
      R.RtLgwanOdd = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '192.168.0.0/16', NatGatewayId: ref('Igw') } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'RtLgwanOdd', property: 'NatGatewayId', reason: 'route-target-wrong',
  },
  {
    what: 'a reference of the wrong type: a NAT gateway whose SubnetId names a VPC',
    mutate: (R) => {
      R.Nat.Properties = { ...R.Nat.Properties, SubnetId: ref('VpcInet') };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Nat', property: 'SubnetId', reason: 'wrong-reference-type',
  },
  {
    what: 'a reference that is a number, not a resource',
    mutate: (R) => {
      R.Nat.Properties = { ...R.Nat.Properties, SubnetId: 42 };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Nat', property: 'SubnetId', reason: 'unexpected-value',
  },
  {
    what: 'a string property given a mapping (the connectivity type of a NAT gateway)',
    mutate: (R) => {
      R.Nat.Properties = { ...R.Nat.Properties, ConnectivityType: { public: true } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Nat', property: 'ConnectivityType', reason: 'expected-string',
  },
  {
    what: 'a security-group rule that is not a mapping',
    mutate: (R) => {
      R.SgLgwan.Properties = { ...R.SgLgwan.Properties, SecurityGroupIngress: ['tcp 443 from anywhere'] };
    },
    rule: 'UNRESOLVED-VALUE', id: 'SgLgwan', property: 'SecurityGroupIngress', reason: 'sg-rule-not-object',
  },
  {
    what: 'a security-group rule imported from a stack that no template is: the rule is unknown',
    mutate: (R) => {
      R.SgLgwan.Properties = { ...R.SgLgwan.Properties, SecurityGroupIngress: [{ 'Fn::ImportValue': 'shared-ingress-rule' }] };
    },
    rule: 'UNRESOLVED-VALUE', id: 'SgLgwan', property: 'SecurityGroupIngress', reason: 'import-no-export',
  },
  {
    what: 'a flag (a TGW route\'s Blackhole) that a parameter without a default decides: both values are taken',
    mutate: (R, t) => {
      t.Parameters = { ...(t.Parameters ?? {}), Drop: { Type: 'String' } };
      R.TgwRtLgwanBlackholeInet.Properties = { ...R.TgwRtLgwanBlackholeInet.Properties, Blackhole: ref('Drop') };
    },
    rule: 'UNRESOLVED-VALUE', id: 'TgwRtLgwanBlackholeInet', property: 'Blackhole', reason: 'parameter-no-default',
  },
  {
    what: 'a function URL whose target is not a function (it names a VPC)',
    mutate: (R) => {
      R.Url = { Type: 'AWS::Lambda::Url', Properties: { AuthType: 'NONE', TargetFunctionArn: ref('VpcLgwan') } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Url', property: 'TargetFunctionArn', reason: 'invoke-wrong-reference',
  },
  // ---- Tags that are not literal
  {
    what: 'a mic:tier tag imported from another stack that no template exports',
    mutate: (R) => {
      R.SubnetLgwanAppA.Properties = { ...R.SubnetLgwanAppA.Properties, Tags: [{ Key: 'mic:tier', Value: { 'Fn::ImportValue': 'tier-of-app-a' } }] };
    },
    rule: 'UNRESOLVED-VALUE', id: 'SubnetLgwanAppA', property: 'Tags.mic:tier', reason: 'tag-not-literal',
  },
  {
    what: 'a municipality tag that is not a literal',
    mutate: (R) => {
      R.VpcLgwan.Properties = { ...R.VpcLgwan.Properties, Tags: [...TAG('lgwan'), { Key: 'mic:municipality', Value: { 'Fn::ImportValue': 'city-code' } }] };
    },
    rule: 'UNRESOLVED-VALUE', id: 'VpcLgwan', property: 'Tags.mic:municipality', reason: 'tag-not-literal',
  },
  // ---- Endpoints, remote entries, streaming, desktops
  {
    what: 'an interface endpoint with no service name',
    mutate: (R) => {
      R.EpBare = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcLgwan'), VpcEndpointType: 'Interface', SubnetIds: [ref('SubnetLgwanAppA')] } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'EpBare', property: 'ServiceName', reason: 'endpoint-service-unknown',
  },
  {
    what: 'an endpoint to a PrivateLink service outside the templates (any account may run it)',
    mutate: (R) => {
      R.EpOther = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcLgwan'), VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0', SubnetIds: [ref('SubnetLgwanAppA')] } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'EpOther', property: 'ServiceName', reason: 'privatelink-service-outside',
  },
  {
    what: 'a VPC Lattice service-network endpoint (a resource endpoint is not modelled)',
    mutate: (R) => {
      R.EpLattice = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcLgwan'), VpcEndpointType: 'ServiceNetwork', ServiceNetworkArn: 'arn:aws:vpc-lattice:ap-northeast-1:111122223333:servicenetwork/sn-0123456789abcdef0', SubnetIds: [ref('SubnetLgwanAppA')] } };
    },
    rule: 'UNMODELLED-RESOURCE', id: 'EpLattice', reason: 'lattice-endpoint',
  },
  {
    what: 'an API Gateway v2 integration through a VPC link outside the templates',
    mutate: (R) => {
      R.HttpApi = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'portal', ProtocolType: 'HTTP' } };
      R.Integration = { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: ref('HttpApi'), IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'ANY', ConnectionType: 'VPC_LINK', ConnectionId: { 'Fn::ImportValue': 'shared-vpc-link' }, IntegrationUri: 'arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:listener/app/x/1/2', PayloadFormatVersion: '1.0' } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Integration', property: 'ConnectionId', reason: 'vpc-link-outside',
  },
  {
    what: 'a Verified Access endpoint whose target is outside the templates',
    mutate: (R) => {
      R.VaEndpoint = { Type: 'AWS::EC2::VerifiedAccessEndpoint', Properties: { AttachmentType: 'vpc', EndpointType: 'load-balancer', VerifiedAccessGroupId: 'vagr-0123456789abcdef0', ApplicationDomain: 'app.example.jp', DomainCertificateArn: 'arn:aws:acm:ap-northeast-1:111122223333:certificate/x', EndpointDomainPrefix: 'app', LoadBalancerOptions: { LoadBalancerArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:loadbalancer/app/x/1', Port: 443, Protocol: 'https' } } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'VaEndpoint', property: 'LoadBalancerOptions', reason: 'verified-access-target-outside',
  },
  {
    what: 'an AppStream fleet whose VPC configuration names no subnet',
    mutate: (R) => {
      R.Fleet = { Type: 'AWS::AppStream::Fleet', Properties: { Name: 'f', InstanceType: 'stream.standard.medium', ComputeCapacity: { DesiredInstances: 1 }, VpcConfig: { SecurityGroupIds: [ref('SgLgwan')] } } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Fleet', property: 'VpcConfig.SubnetIds', reason: 'streaming-subnets-unknown',
  },
  {
    what: 'a Secure Browser portal whose network settings are outside the templates',
    mutate: (R) => {
      R.Portal = { Type: 'AWS::WorkSpacesWeb::Portal', Properties: { DisplayName: 'p', NetworkSettingsArn: 'arn:aws:workspaces-web:ap-northeast-1:111122223333:networkSettings/x' } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Portal', property: 'NetworkSettingsArn', reason: 'secure-browser-settings-outside',
  },
  {
    what: 'a desktop whose directory is not a directory (DirectoryId names a security group)',
    mutate: (R) => {
      R.WsLgwan.Properties = { ...R.WsLgwan.Properties, DirectoryId: ref('SgLgwan') };
    },
    rule: 'UNRESOLVED-VALUE', id: 'WsLgwan', property: 'DirectoryId', reason: 'not-a-directory',
  },
  {
    what: 'a Managed Microsoft AD without VPC settings (its desktops have no known subnets)',
    mutate: (R) => {
      const { VpcSettings: _dropped, ...rest } = R.AdLgwan.Properties as Record<string, unknown>;
      R.AdLgwan.Properties = rest;
    },
    rule: 'UNRESOLVED-VALUE', id: 'AdLgwan', property: 'VpcSettings', reason: 'directory-no-vpc-settings',
  },
  {
    what: 'a desktop whose directory is outside the templates: where it lands is unknown',
    mutate: (R) => {
      R.WsLgwan.Properties = { ...R.WsLgwan.Properties, DirectoryId: { 'Fn::ImportValue': 'shared-directory' } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'WsLgwan', property: 'DirectoryId', reason: 'desktop-subnets-unknown',
  },
  {
    what: 'this package\'s desktop directory resource whose Settings name no subnets',
    mutate: (R) => {
      R.Hardening = { Type: 'Custom::WorkSpacesDirectoryHardening', Properties: { ServiceToken: 'arn:aws:lambda:ap-northeast-1:111122223333:function:x', Settings: { DirectoryId: ref('AdLgwan') } } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Hardening', property: 'Settings.SubnetIds', reason: 'desktop-settings-no-subnets',
  },
  {
    what: 'a Lattice target group of instances whose VPC is outside the templates',
    mutate: (R) => {
      R.Tg = { Type: 'AWS::VpcLattice::TargetGroup', Properties: { Type: 'INSTANCE', Config: { Port: 443, Protocol: 'HTTPS', VpcIdentifier: 'vpc-0123456789abcdef0' }, Targets: [] } };
    },
    rule: 'UNRESOLVED-VALUE', id: 'Tg', property: 'Config.VpcIdentifier', reason: 'lattice-target-vpc-outside',
  },
];

/** The findings of `rule` on resource `id`. */
function on(findings: Finding[], rule: string, id: string): Finding[] {
  return findings.filter((f) => f.rule === rule && f.resource?.logicalId === id);
}

describe('fail-closed branches of fact extraction: each gives its own finding', () => {
  test.each(ROWS.map((r) => [r.what, r] as const))('%s', (_what, row) => {
    const result = run(row.mutate);
    expect(rules(result)).toContain(row.rule);
    const mine = on(result.findings, row.rule, row.id);
    const text = mine.map((f) => f.text as { reason?: { key: string }; property?: string });
    // The reason a reader is shown, and (for an unresolved value) the property it is about.
    expect(text.map((t) => t.reason?.key)).toContain(row.reason);
    if (row.property !== undefined) {
      expect(text.filter((t) => t.reason?.key === row.reason).map((t) => t.property)).toContain(row.property);
    }
    // Worded for the reader without a gap (the reason has its sentence in the catalogue).
    for (const f of mine) expect(said(f).message).not.toMatch(/undefined|\[object Object\]/);
  });

  test('the good city gives none of these reasons', () => {
    const result = run();
    expect(rules(result)).toEqual([]);
  });
});
