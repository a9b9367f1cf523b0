/**
 * The two readers on identical networks: each mutation of the good city (as in test/checks/rules.test.ts)
 * is verified from its template and from the account deployed from it (test/support/snapshot-from-templates);
 * the rules found and the matrix must be the same. What only templates can express (conditions, parameters,
 * macros, custom resources) is not in this list; see docs/post-deploy.md for what only a snapshot shows.
 */
import { verify, type VerifyResult } from '../../lib/checks';
import { verifySnapshot } from '../../lib/snapshot';
import { asLoaded, buildCity, type Json } from '../fixtures/city';
import { AS_OF, DEFAULT_POLICY, ref, type Resources } from '../checks/helpers';
import { SnapshotDir } from './helpers';

const PN_TAG = [{ Key: 'mic:tier', Value: 'personal-number' }];

const MUTATIONS: Record<string, (R: Resources) => void> = {
  'the good city': () => undefined,
  'peering with routes both ways and open filters': (R) => {
    R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
    R.PeerR1 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '10.30.0.0/20', VpcPeeringConnectionId: ref('Peer') } };
    R.PeerR2 = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtPn'), DestinationCidrBlock: '10.20.0.0/20', VpcPeeringConnectionId: ref('Peer') } };
    R.NaclLgwanOutAll = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclLgwan'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '10.30.0.0/20' } };
    R.NaclPnInAll = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('NaclPn'), RuleNumber: 50, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '10.20.0.0/20' } };
    R.SgPnIn = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgPn'), IpProtocol: 'tcp', FromPort: 445, ToPort: 445, CidrIp: '10.20.0.0/20' } };
  },
  'peering without routes': (R) => {
    R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('VpcLgwan'), PeerVpcId: ref('VpcPn') } };
  },
  'an internet gateway in the LGWAN VPC with a default route': (R) => {
    R.IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } };
    R.RtLgwanDefault = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
  },
  'desktops in the personal-number tier': (R) => {
    R.AdPn = { Type: 'AWS::DirectoryService::MicrosoftAD', Properties: { Name: 'pn.local', Password: 'x', VpcSettings: { VpcId: ref('VpcPn'), SubnetIds: [ref('SubnetPnAppA'), ref('SubnetPnAppB')] } } };
    R.WsPn = { Type: 'AWS::WorkSpaces::Workspace', Properties: { DirectoryId: ref('AdPn'), BundleId: 'b', UserName: 'u' } };
  },
  'a streaming endpoint in the personal-number tier': (R) => {
    R.StreamPn = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcPn'), VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.ap-northeast-1.highlander', SubnetIds: [ref('SubnetPnAppA')] } };
  },
  'Client VPN authorised beyond the desktops (and its security group open)': (R) => {
    R.CvpnLgwanAuthApp = { Type: 'AWS::EC2::ClientVpnAuthorizationRule', Properties: { ClientVpnEndpointId: ref('CvpnLgwan'), TargetNetworkCidr: '10.20.0.0/24', AuthorizeAllGroups: true } };
    (R.CvpnSgLgwan.Properties!.SecurityGroupEgress as unknown[]).push({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.20.0.0/24' });
  },
  'telework clients routed to the LGWAN office network through the VPN': (R) => {
    R.CvpnRouteOffice = { Type: 'AWS::EC2::ClientVpnRoute', Properties: { ClientVpnEndpointId: ref('CvpnLgwan'), DestinationCidrBlock: '172.16.20.0/22', TargetVpcSubnetId: ref('SubnetLgwanDesktopA') } };
    R.CvpnAuthOffice = { Type: 'AWS::EC2::ClientVpnAuthorizationRule', Properties: { ClientVpnEndpointId: ref('CvpnLgwan'), TargetNetworkCidr: '172.16.20.0/22', AuthorizeAllGroups: true } };
    (R.CvpnSgLgwan.Properties!.SecurityGroupEgress as unknown[]).push({ IpProtocol: 'tcp', FromPort: 445, ToPort: 445, CidrIp: '172.16.20.0/22' });
  },
  'Client VPN authorised to the whole VPC': (R) => {
    R.CvpnLgwanAuthDesktop.Properties!.TargetNetworkCidr = '10.20.0.0/20';
  },
  'a TGW propagation joining two tiers\' route domains': (R) => {
    R.TgwRtLgwanPropPn = { Type: 'AWS::EC2::TransitGatewayRouteTablePropagation', Properties: { TransitGatewayRouteTableId: ref('TgwRtLgwan'), TransitGatewayAttachmentId: ref('TgwAttPn') } };
  },
  'TGW defaults enabled, one attachment left to them': (R) => {
    delete R.Tgw.Properties!.DefaultRouteTablePropagation;
    delete R.Tgw.Properties!.DefaultRouteTableAssociation;
    delete R.TgwRtPnAssoc;
  },
  'an instance with interfaces in two tiers': (R) => {
    R.Bridge = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: ref('SubnetLgwanAppA') }, { DeviceIndex: '1', SubnetId: ref('SubnetPnAppA') }] } };
  },
  'a PrivateLink service of the personal-number tier consumed by the LGWAN tier': (R) => {
    R.Nlb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', Subnets: [ref('SubnetPnAppA')] } };
    R.Svc = { Type: 'AWS::EC2::VPCEndpointService', Properties: { NetworkLoadBalancerArns: [ref('Nlb')], AcceptanceRequired: false } };
    R.Ep = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('VpcLgwan'), VpcEndpointType: 'Interface', ServiceName: { 'Fn::Join': ['', ['com.amazonaws.vpce.', { Ref: 'AWS::Region' }, '.', ref('Svc')]] }, SubnetIds: [ref('SubnetLgwanAppA')] } };
  },
  'the LGWAN VPN on the internet tier\'s gateway': (R) => {
    R.VpnLgwan.Properties!.VpnGatewayId = ref('VgwInet');
  },
  'two tiers\' customer gateways at one address': (R) => {
    R.CgwLgwan.Properties!.IpAddress = '203.0.113.10';
  },
  'two tiers on one Direct Connect gateway': (R) => {
    R.DxLgwan = { Type: 'AWS::DirectConnect::DirectConnectGatewayAssociation', Properties: { DirectConnectGatewayId: '5f294f92-bafb-4011-916d-9b0b12345678', AssociatedGatewayId: ref('VgwLgwan') } };
  },
  'an on-premises route wider than the declared office range': (R) => {
    R.RtPnOnPrem.Properties!.DestinationCidrBlock = '172.16.0.0/16';
  },
  'an untagged VPC': (R) => {
    R.VpcLgwan.Properties!.Tags = [];
  },
  'an untagged virtual private gateway': (R) => {
    R.VgwLgwan.Properties!.Tags = [];
  },
  'VPCs declaring two municipalities, one declaring none': (R) => {
    (R.VpcLgwan.Properties!.Tags as unknown[]).push({ Key: 'mic:municipality', Value: 'city-a' });
    (R.VpcPn.Properties!.Tags as unknown[]).push({ Key: 'mic:municipality', Value: 'city-b' });
  },
  'a subnet tagged with another tier': (R) => {
    (R.SubnetLgwanAppA.Properties as Json).Tags = PN_TAG;
  },
};

function summary(r: VerifyResult): { rules: string[]; errors: number; matrix: string[] } {
  return {
    rules: [...new Set(r.findings.map((f) => f.rule))].sort(),
    errors: r.findings.filter((f) => f.severity === 'error').length > 0 ? 1 : 0,
    matrix: r.matrix.map((c) => `${c.from} → ${c.to}: ${c.reachable ? 'reachable' : c.routeConnected ? 'filtered' : '-'}`),
  };
}

describe('the template reader and the snapshot reader give the same verdict on the same network', () => {
  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    test(name, () => {
      const t = buildCity();
      mutate(t.Resources as Resources);
      const templates = [asLoaded('City', t)];
      const snap = new SnapshotDir(templates);
      try {
        const fromTemplates = summary(verify(templates, DEFAULT_POLICY, { asOf: AS_OF }));
        const fromSnapshot = summary(verifySnapshot(snap.root, DEFAULT_POLICY, { asOf: AS_OF }));
        expect(fromSnapshot).toEqual(fromTemplates);
        if (name !== 'the good city') expect(fromTemplates.rules.length).toBeGreaterThan(0);
      } finally {
        snap.remove();
      }
    });
  }
});
