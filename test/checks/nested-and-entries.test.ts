/** End to end through the loader: nested stacks (parameters in, outputs out) and more telework entry kinds. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { verify } from '../../lib/checks';
import { loadPaths } from '../../lib/model/load';
import { AS_OF, DEFAULT_POLICY, ref, rules, run } from './helpers';
import { said } from '../support/finding-words';

describe('nested stacks', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nested-'));
    const parent = {
      Resources: {
        VpcLgwan: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.20.0.0/20', Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } },
        VpcPn: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.30.0.0/20', Tags: [{ Key: 'mic:tier', Value: 'personal-number' }] } },
        Child: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: { TemplateURL: 'https://s3.example/child.json', Parameters: { LgwanVpc: ref('VpcLgwan'), PnVpc: ref('VpcPn') } },
          Metadata: { 'aws:asset:path': 'ParentChild.nested.template.json' },
        },
        // The parent routes through a peering created inside the child, via the child's output.
        Rt: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('VpcLgwan') } },
        Route: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Rt'), DestinationCidrBlock: '10.30.0.0/20', VpcPeeringConnectionId: { 'Fn::GetAtt': ['Child', 'Outputs.PeeringId'] } } },
        Rta: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { RouteTableId: ref('Rt'), SubnetId: { 'Fn::GetAtt': ['Child', 'Outputs.LgwanSubnet'] } } },
      },
    };
    const child = {
      Parameters: { LgwanVpc: { Type: 'String' }, PnVpc: { Type: 'String' } },
      Resources: {
        SubL: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('LgwanVpc'), CidrBlock: '10.20.0.0/24' } },
        SubP: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('PnVpc'), CidrBlock: '10.30.0.0/24' } },
        Peer: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('LgwanVpc'), PeerVpcId: ref('PnVpc') } },
      },
      Outputs: { PeeringId: { Value: ref('Peer') }, LgwanSubnet: { Value: ref('SubL') } },
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ artifacts: { Parent: { type: 'aws:cloudformation:stack', displayName: 'Parent', properties: { templateFile: 'Parent.template.json' } } } }));
    fs.writeFileSync(path.join(dir, 'Parent.template.json'), JSON.stringify(parent));
    fs.writeFileSync(path.join(dir, 'ParentChild.nested.template.json'), JSON.stringify(child));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('parameters flow into the nested stack and outputs back: the peering crossing is found across both', () => {
    const r = verify(loadPaths([dir]), DEFAULT_POLICY, { asOf: AS_OF });
    expect(rules(r)).toEqual(['TIER-CROSSING', 'TIER-JOIN-PEERING']);
    const peering = r.findings.find((f) => f.rule === 'TIER-JOIN-PEERING')!;
    expect(peering.resource).toMatchObject({ stack: 'Parent/Child', logicalId: 'Peer' });
    const crossing = r.findings.find((f) => f.rule === 'TIER-CROSSING')!;
    expect(crossing.path.map((h) => `${h.resource.stack}/${h.resource.logicalId}`)).toEqual(expect.arrayContaining(['Parent/Route', 'Parent/Child/Peer', 'Parent/Child/SubP']));
  });

  test('a nested stack whose template is not available is reported (fail closed)', () => {
    fs.unlinkSync(path.join(dir, 'ParentChild.nested.template.json'));
    const r = verify(loadPaths([dir]), DEFAULT_POLICY, { asOf: AS_OF });
    expect(rules(r)).toContain('UNMODELLED-RESOURCE');
    expect(said(r.findings.find((f) => f.rule === 'UNMODELLED-RESOURCE')!).message).toMatch(/nested stack not analysed/);
    expect(rules(r)).toContain('UNRESOLVED-VALUE');
  });
});

describe('telework entry kinds in the personal-number tier', () => {
  test('a Client VPN endpoint associated with a personal-number subnet', () => {
    const r = run((R) => {
      R.CvpnPn = { Type: 'AWS::EC2::ClientVpnEndpoint', Properties: { ClientCidrBlock: '10.210.0.0/22', ServerCertificateArn: 'arn:x', AuthenticationOptions: [], ConnectionLogOptions: { Enabled: false }, VpcId: ref('VpcPn') } };
    });
    expect(rules(r)).toEqual(['TELEWORK-ENTRY-PERSONAL-NUMBER']);
  });
  test('an internet-facing load balancer (the ELBv2 default scheme) in the personal-number tier', () => {
    const r = run((R) => {
      R.Alb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: [ref('SubnetPnAppA'), ref('SubnetPnAppB')] } };
    });
    expect(rules(r)).toEqual(['TELEWORK-ENTRY-PERSONAL-NUMBER']);
  });
  test('an internal load balancer there is not an entry', () => {
    const r = run((R) => {
      R.Alb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal', Subnets: [ref('SubnetPnAppA'), ref('SubnetPnAppB')] } };
    });
    expect(rules(r)).toEqual([]);
  });
  test('an instance bridging tiers through an attached second interface', () => {
    const r = run((R) => {
      R.Vm = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', SubnetId: ref('SubnetLgwanAppA') } };
      R.Eni = { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: ref('SubnetPnAppA') } };
      R.Att = { Type: 'AWS::EC2::NetworkInterfaceAttachment', Properties: { InstanceId: ref('Vm'), NetworkInterfaceId: ref('Eni'), DeviceIndex: '1' } };
    });
    expect(rules(r)).toEqual(['TIER-JOIN-MULTIHOMED']);
    expect(r.findings[0].resource?.logicalId).toBe('Vm');
  });
});

describe('more bridges and telework paths', () => {
  test('a launch template with interfaces in two tiers is a bridge (every instance launched from it)', () => {
    const r = run((R) => {
      R.Lt = { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: ref('SubnetLgwanAppA') }, { DeviceIndex: 1, SubnetId: ref('SubnetInetAppA') }] } } };
    });
    expect(rules(r)).toEqual(['TIER-JOIN-MULTIHOMED']);
  });
  test('a closed-SIM telework pool entering through the LGWAN VPN reaches application subnets: TELEWORK-BEYOND-DESKTOP', () => {
    const policy = { ...DEFAULT_POLICY, teleworkClients: [{ name: 'closed-sim', tier: 'lgwan' as const, cidrs: ['10.200.0.0/22'], via: 'closed-sim' as const }] };
    const r = run((R) => {
      R.SgSim = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('SgLgwan'), IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.200.0.0/22' } };
    }, { policy });
    expect(rules(r)).toEqual(['TELEWORK-BEYOND-DESKTOP']);
    expect(r.findings.every((f) => f.from.kind === 'telework-clients' && f.path[0].layer === 'vpn')).toBe(true);
  });
});
