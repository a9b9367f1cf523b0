import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ClosedClientVpn, ClosedClientVpnProps } from '../../lib/access/closed-client-vpn';

const ENDPOINT_SUBNET_CIDRS = ['10.20.0.0/27', '10.20.0.32/27'];

function build(overrides: Partial<ClosedClientVpnProps> = {}): { template: Template; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'Vpn', { env: { account: '123456789012', region: 'ap-northeast-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'endpoints', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 27 }],
  });
  new ClosedClientVpn(stack, 'Telework', {
    tier: 'lgwan',
    vpc,
    associationSubnets: vpc.isolatedSubnets,
    clientCidr: '10.250.0.0/22',
    serverCertificateArn: 'arn:aws:acm:ap-northeast-1:123456789012:certificate/server',
    clientRootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:123456789012:certificate/client-root',
    authorizedCidrs: ENDPOINT_SUBNET_CIDRS,
    vpcCidr: '10.20.0.0/16',
    sessionTimeoutHours: 8,
    banner: { ja: '許可された職員のみ利用できます。', en: 'Authorised staff only.' },
    logRetention: logs.RetentionDays.ONE_YEAR,
    ...overrides,
  });
  return { template: Template.fromStack(stack), stack };
}

describe('ClosedClientVpn', () => {
  const { template } = build();

  test('mutual TLS with the configured server certificate and client root CA', () => {
    template.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      ServerCertificateArn: 'arn:aws:acm:ap-northeast-1:123456789012:certificate/server',
      AuthenticationOptions: [
        { Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:123456789012:certificate/client-root' } },
      ],
      ClientCidrBlock: '10.250.0.0/22',
    });
  });

  test('full tunnel, enforced routes, no self-service portal', () => {
    template.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      SplitTunnel: false,
      ClientRouteEnforcementOptions: { Enforced: true },
      SelfServicePortal: 'disabled',
    });
  });

  test('session timeout with disconnect', () => {
    template.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', { SessionTimeoutHours: 8, DisconnectOnSessionTimeout: true });
  });

  test('login banner in Japanese then English', () => {
    template.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      ClientLoginBannerOptions: { Enabled: true, BannerText: '許可された職員のみ利用できます。\n\nAuthorised staff only.' },
    });
  });

  test('connection logs go to a KMS-encrypted log group with retention, kept on delete', () => {
    template.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      ConnectionLogOptions: { Enabled: true, CloudwatchLogGroup: { Ref: Match.stringLikeRegexp('ConnectionLogs') } },
    });
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ConnectionLogKey'), 'Arn'] } },
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowCloudWatchLogsEncryption', Principal: { Service: 'logs.ap-northeast-1.amazonaws.com' } })]) },
    });
  });

  test('authorisation rules only to the streaming endpoint CIDRs — never the VPC or everything', () => {
    const rules = template.findResources('AWS::EC2::ClientVpnAuthorizationRule');
    const targets = Object.values(rules).map((r) => r.Properties.TargetNetworkCidr).sort();
    expect(targets).toEqual([...ENDPOINT_SUBNET_CIDRS].sort());
    for (const r of Object.values(rules)) expect(r.Properties.AuthorizeAllGroups).toBe(true);
  });

  test('DNS through the tier resolver: pushed, authorised as a /32, allowed on port 53 only', () => {
    const t = build({ dnsResolverIp: '10.20.0.2' }).template;
    t.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', { DnsServers: ['10.20.0.2'] });
    const targets = Object.values(t.findResources('AWS::EC2::ClientVpnAuthorizationRule')).map((r) => r.Properties.TargetNetworkCidr).sort();
    expect(targets).toEqual([...ENDPOINT_SUBNET_CIDRS, '10.20.0.2/32'].sort());
    const [sg] = Object.values(t.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('Client VPN lgwan') } }));
    const dns = (sg.Properties.SecurityGroupEgress as any[]).filter((e) => e.CidrIp === '10.20.0.2/32').map((e) => `${e.IpProtocol}/${e.FromPort}`).sort();
    expect(dns).toEqual(['tcp/53', 'udp/53']);
  });

  test('without a resolver no DNS server is pushed', () => {
    expect(Object.values(template.findResources('AWS::EC2::ClientVpnEndpoint'))[0].Properties.DnsServers).toBeUndefined();
  });

  test('one association per given subnet', () => {
    template.resourceCountIs('AWS::EC2::ClientVpnTargetNetworkAssociation', 2);
  });

  test('security group egress only to streaming ports on the authorised CIDRs', () => {
    const groups = template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('Client VPN lgwan') } });
    const [sg] = Object.values(groups);
    const egress = sg.Properties.SecurityGroupEgress as Array<{ CidrIp: string; IpProtocol: string; FromPort: number; ToPort: number }>;
    const rules = egress.map((e) => `${e.IpProtocol}/${e.FromPort}-${e.ToPort}->${e.CidrIp}`).sort();
    const expected = ENDPOINT_SUBNET_CIDRS.flatMap((c) => [`tcp/443-443->${c}`, `tcp/4195-4195->${c}`, `udp/4195-4195->${c}`]).sort();
    expect(rules).toEqual(expected);
    expect(sg.Properties.SecurityGroupIngress).toBeUndefined();
  });

  test('endpoint carries the tier tag', () => {
    template.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      TagSpecifications: [{ ResourceType: 'client-vpn-endpoint', Tags: Match.arrayWith([{ Key: 'mic:tier', Value: 'lgwan' }]) }],
    });
  });

  test('SAML federation adds federated authentication and binds rules to the tier group', () => {
    const saml = build({ saml: { samlProviderArn: 'arn:aws:iam::123456789012:saml-provider/idp', accessGroupId: 'lgwan-telework' } }).template;
    saml.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      AuthenticationOptions: Match.arrayWith([{ Type: 'federated-authentication', FederatedAuthentication: { SAMLProviderArn: 'arn:aws:iam::123456789012:saml-provider/idp' } }]),
    });
    for (const r of Object.values(saml.findResources('AWS::EC2::ClientVpnAuthorizationRule'))) {
      expect(r.Properties.AccessGroupId).toBe('lgwan-telework');
      expect(r.Properties.AuthorizeAllGroups).toBeUndefined();
    }
  });

  test.each([
    ['personal-number tier', { tier: 'personal-number' as const }, /"personal-number" may never have a telework entry point/],
    ['authorisation to the VPC CIDR', { authorizedCidrs: ['10.20.0.0/16'] }, /authorise clients to the whole VPC/],
    ['authorisation to everything', { authorizedCidrs: ['0.0.0.0/0'] }, /whole internet/],
    ['no authorised CIDRs', { authorizedCidrs: [] }, /authorizedCidrs: give/],
    ['a session timeout Client VPN does not offer', { sessionTimeoutHours: 6 as 8 }, /sessionTimeoutHours: 6/],
    ['a banner without Japanese', { banner: { ja: '', en: 'x' } }, /both Japanese and English/],
    ['a resolver that is not a literal IP', { dnsResolverIp: 'resolver.internal' }, /dnsResolverIp: "resolver.internal" must be a literal IPv4 address/],
    ['a banner over 1400 characters', { banner: { ja: 'あ'.repeat(1400), en: 'x' } }, /allows 1400/],
  ])('rejects %s', (_label, overrides, message) => {
    expect(() => build(overrides as Partial<ClosedClientVpnProps>)).toThrow(message);
  });
});
