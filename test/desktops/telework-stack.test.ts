/**
 * The telework stack of the example municipality (LGWAN tier), one control per test, plus variants that
 * each change one thing in the configuration.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { App } from 'aws-cdk-lib';
import { parseConfig } from '../../lib/config';
import { exampleCity } from '../../lib/config/municipalities/example-city';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { TeleworkStack } from '../../lib/stacks/telework-stack';
import { buildStage, renderString, resourcesOfType, type Built } from './stack-helpers';

let base: Built;
let settings: any;
beforeAll(() => {
  base = buildStage();
  const [[, cr]] = resourcesOfType(base.telework, 'Custom::WorkSpacesDirectoryHardening');
  settings = JSON.parse(renderString(cr.Properties.Settings));
});

describe('telework stack (example city, LGWAN tier)', () => {
  test('only telework tiers get a stack; never personal-number', () => {
    expect(Object.keys(base.stage.teleworkStacks)).toEqual(['lgwan']);
  });

  test('AWS Managed Microsoft AD on two directory subnets, password only as a Secrets Manager dynamic reference, retained', () => {
    const [[, ad]] = resourcesOfType(base.telework, 'AWS::DirectoryService::MicrosoftAD');
    expect(ad.Properties.Name).toBe('lgwan.example-city.internal');
    expect(ad.Properties.Edition).toBe('Standard');
    expect(ad.Properties.VpcSettings.SubnetIds).toHaveLength(2);
    expect(renderString(ad.Properties.Password)).toMatch(/^\{\{resolve:secretsmanager:<Ref:DirectoryAdminPassword.*>:SecretString:::\}\}$/);
    expect(ad.DeletionPolicy).toBe('Retain');
    base.telework.hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('TeleworkLogKey'), 'Arn'] } });
  });

  test('highlander interface endpoint for private DCV streaming, no private DNS override', () => {
    base.telework.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.ap-northeast-1.highlander',
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: false,
    });
  });

  test('the streaming endpoint admits only the telework client pool on DCV ports', () => {
    const groups = resourcesOfType(base.telework, 'AWS::EC2::SecurityGroup').filter(([, r]) => /highlander/.test(r.Properties.GroupDescription));
    expect(groups).toHaveLength(1);
    const [[, sg]] = groups;
    const ingress = (sg.Properties.SecurityGroupIngress as any[]).map((r) => `${r.IpProtocol}/${r.FromPort}-${r.ToPort}<-${r.CidrIp}`).sort();
    expect(ingress).toEqual(['tcp/443-443<-10.200.0.0/22', 'tcp/4195-4195<-10.200.0.0/22', 'udp/4195-4195<-10.200.0.0/22'].sort());
    // CDK's placeholder egress for "no outbound": nothing can leave through the endpoint's group.
    expect(sg.Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32' })]);
  });

  test('directory hardening: web access denied, only Windows approved', () => {
    const access = settings.WorkspaceAccessProperties;
    expect(access.DeviceTypeWeb).toBe('DENY');
    expect(access.DeviceTypeWindows).toBe('ALLOW');
    for (const t of ['DeviceTypeOsx', 'DeviceTypeIos', 'DeviceTypeAndroid', 'DeviceTypeChromeOs', 'DeviceTypeZeroClient', 'DeviceTypeLinux', 'DeviceTypeWorkSpacesThinClient']) {
      expect(access[t]).toBe('DENY');
    }
  });

  test('directory hardening: streaming only through the tier endpoint, no internet fallback', () => {
    expect(settings.WorkspaceAccessProperties.AccessEndpointConfig).toEqual({
      AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: expect.stringMatching(/^<Ref:StreamingEndpoint/) }],
    });
  });

  test('directory hardening: no internet access, no local administrator', () => {
    expect(settings.WorkspaceCreationProperties).toEqual({ EnableInternetAccess: false, UserEnabledAsLocalAdministrator: false });
  });

  test('directory hardening: self-service limited', () => {
    expect(settings.SelfservicePermissions).toEqual({ IncreaseVolumeSize: 'DISABLED', ChangeComputeType: 'DISABLED', SwitchRunningMode: 'DISABLED', RebuildWorkspace: 'DISABLED' });
  });

  test('directory hardening: clipboard both ways and printing off', () => {
    expect(settings.StreamingProperties.UserSettings).toEqual([
      { Action: 'CLIPBOARD_COPY_FROM_LOCAL_DEVICE', Permission: 'DISABLED' },
      { Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
      { Action: 'PRINTING_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
    ]);
  });

  test('directory hardening: credential caching and client log upload off (API-only settings)', () => {
    expect(settings.ClientProperties).toEqual({ ReconnectEnabled: 'DISABLED', LogUploadEnabled: 'DISABLED' });
  });

  test('the directory is registered on the desktop subnets and deregistered on delete (created here)', () => {
    expect(settings.DirectoryId).toMatch(/^<Ref:Directory/);
    expect(settings.SubnetIds).toHaveLength(2);
    expect(settings.DeregisterOnDelete).toBe(true);
    expect(settings.IpGroupIds).toEqual([]);
  });

  test('the hardening function: current Node.js runtime, outside the tier VPCs, transpiled handler asset', () => {
    const [[, fn]] = resourcesOfType(base.telework, 'AWS::Lambda::Function');
    expect(fn.Properties.Runtime).toBe('nodejs24.x');
    expect(fn.Properties.Handler).toBe('index.handler');
    expect(fn.Properties.Timeout).toBe(900);
    expect(fn.Properties.VpcConfig).toBeUndefined();
  });

  test('the hardening role may modify only this directory', () => {
    const [[, policy]] = resourcesOfType(base.telework, 'AWS::IAM::ManagedPolicy');
    const modify = (policy.Properties.PolicyDocument.Statement as any[]).find((s) => s.Sid === 'HardenThisDirectory');
    expect(modify.Action).toEqual(expect.arrayContaining(['workspaces:ModifyWorkspaceAccessProperties', 'workspaces:ModifyClientProperties']));
    expect([modify.Resource].flat().map(renderString)).toEqual([expect.stringMatching(/:workspaces:ap-northeast-1:111122223333:directoryid\/<Ref:Directory/)]);
  });

  test('volumes: a rotated customer-managed key usable only through WorkSpaces/EC2, grants only for AWS resources', () => {
    const keys = resourcesOfType(base.telework, 'AWS::KMS::Key').filter(([, k]) => /WorkSpaces volume encryption/.test(k.Properties.Description));
    expect(keys).toHaveLength(1);
    const [[, key]] = keys;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
    const statements = key.Properties.KeyPolicy.Statement as any[];
    const use = statements.find((s) => s.Sid === 'AllowUseThroughWorkSpacesOnly');
    expect(use.Condition.StringEquals['kms:ViaService']).toEqual(['workspaces.ap-northeast-1.amazonaws.com', 'ec2.ap-northeast-1.amazonaws.com']);
    expect(statements.find((s) => s.Sid === 'AllowGrantsForWorkSpacesVolumesOnly').Condition.Bool).toEqual({ 'kms:GrantIsForAWSResource': 'true' });
    expect(statements.find((s) => s.Sid === 'DenyGrantsExceptForAwsServices').Effect).toBe('Deny');
    base.telework.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/closed-telework/lgwan/workspaces-volumes' });
  });

  test('Client VPN certificates come from a per-tier private root CA by default', () => {
    base.telework.hasResourceProperties('AWS::ACMPCA::CertificateAuthority', { Type: 'ROOT', Subject: Match.objectLike({ Country: 'JP', CommonName: 'example-city lgwan telework CA' }) });
    base.telework.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'vpn.lgwan.example-city.internal', CertificateAuthorityArn: Match.anyValue() });
    const [[certId]] = resourcesOfType(base.telework, 'AWS::CertificateManager::Certificate');
    base.telework.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      ServerCertificateArn: { Ref: certId },
      AuthenticationOptions: [{ Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: { Ref: certId } } }],
      ClientCidrBlock: '10.200.0.0/22',
      SplitTunnel: false,
      SelfServicePortal: 'disabled',
    });
  });

  test('Client VPN authorisation only to the endpoint subnets of the subnet plan and the VPC resolver', () => {
    const planned = [...base.stage.networks.lgwan.subnetPlan.subnets.filter((s) => s.purpose === 'endpoints').map((s) => s.cidr), '10.20.0.2/32'].sort();
    const rules = resourcesOfType(base.telework, 'AWS::EC2::ClientVpnAuthorizationRule').map(([, r]) => r.Properties.TargetNetworkCidr).sort();
    expect(rules).toEqual(planned);
    expect(rules).not.toContain('10.20.0.0/20');
  });

  test('outputs for the roster tool', () => {
    const outputs = Object.keys(base.telework.toJSON().Outputs);
    expect(outputs).toEqual(expect.arrayContaining(['DirectoryId', 'VolumeKeyArn', 'StreamingEndpointId', 'ClientVpnEndpointId']));
  });

  test('the stack refuses the personal-number tier even when asked directly', () => {
    const config = parseConfig(JSON.parse(JSON.stringify(exampleCity)), 'test');
    const stage = new MunicipalityStage(new App(), 'x', { config });
    expect(() => new TeleworkStack(stage, 'Bad', { config, tier: 'personal-number', network: stage.networks['personal-number'] })).toThrow(
      /the personal-number tier has no telework in this configuration/,
    );
  });

  test('the stack re-validates: an unvalidated configuration with a personal-number entry fails closed', () => {
    const config = parseConfig(JSON.parse(JSON.stringify(exampleCity)), 'test');
    const stage = new MunicipalityStage(new App(), 'y', { config });
    const bad = { ...config, telework: { ...config.telework, tiers: ['lgwan', 'personal-number'] as const } } as any;
    expect(() => new TeleworkStack(stage, 'Bad', { config: bad, tier: 'lgwan', network: stage.networks.lgwan })).toThrow(/personal-number tier is forbidden/);
  });
});

describe('telework stack variants', () => {
  test('closed-SIM clients: admitted by the NACL only on DCV ports (return traffic on ephemeral ports), and by the endpoint SG', () => {
    const b = buildStage((c) => (c.telework.linkClientCidrs = { lgwan: ['100.64.20.0/24'] }));
    const entries = resourcesOfType(b.telework, 'AWS::EC2::NetworkAclEntry').map(([, e]) => e.Properties);
    const rendered = entries.map((e) => `${e.Egress ? 'out' : 'in'} ${e.RuleNumber} ${e.Protocol} ${e.PortRange.From}-${e.PortRange.To} ${e.CidrBlock} ${e.RuleAction}`).sort();
    expect(rendered).toEqual([
      'in 1500 6 443-443 100.64.20.0/24 allow',
      'in 1501 6 4195-4195 100.64.20.0/24 allow',
      'in 1502 17 4195-4195 100.64.20.0/24 allow',
      'out 1503 6 1024-65535 100.64.20.0/24 allow',
      'out 1504 17 1024-65535 100.64.20.0/24 allow',
    ]);
    const [[, sg]] = resourcesOfType(b.telework, 'AWS::EC2::SecurityGroup').filter(([, r]) => /highlander/.test(r.Properties.GroupDescription));
    expect((sg.Properties.SecurityGroupIngress as any[]).map((r) => r.CidrIp)).toContain('100.64.20.0/24');
  });

  test('an existing directory (AD Connector): no Managed AD, registered but never deregistered', () => {
    const b = buildStage((c) => (c.telework.directories = { lgwan: { kind: 'existing', directoryId: 'd-0123456789' } }));
    b.telework.resourceCountIs('AWS::DirectoryService::MicrosoftAD', 0);
    const [[, cr]] = resourcesOfType(b.telework, 'Custom::WorkSpacesDirectoryHardening');
    const s = JSON.parse(renderString(cr.Properties.Settings));
    expect(s.DirectoryId).toBe('d-0123456789');
    expect(s.DeregisterOnDelete).toBe(false);
  });

  test('bring-your-own certificates: no private CA, the given ARNs are used', () => {
    const server = 'arn:aws:acm:ap-northeast-1:111122223333:certificate/server-1';
    const root = 'arn:aws:acm:ap-northeast-1:111122223333:certificate/root-1';
    const b = buildStage((c) => (c.telework.clientVpn = { certificates: { serverCertificateArn: server, clientRootCertificateChainArn: root } }));
    b.telework.resourceCountIs('AWS::ACMPCA::CertificateAuthority', 0);
    b.telework.hasResourceProperties('AWS::EC2::ClientVpnEndpoint', {
      ServerCertificateArn: server,
      AuthenticationOptions: [{ Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: root } }],
    });
  });

  test('internet streaming: an IP access group from configuration, no highlander endpoint, no Client VPN', () => {
    const b = buildStage((c) => {
      c.telework.streaming = 'internet';
      c.telework.clientCidrs = {};
      c.telework.linkClientCidrs = { lgwan: ['100.64.20.0/24'] };
      c.telework.ipAccessCidrs = ['203.0.113.0/24'];
    });
    b.telework.hasResourceProperties('AWS::WorkSpaces::WorkspaceIpGroup', { UserRules: [{ IpRule: '203.0.113.0/24', RuleDesc: Match.anyValue() }] });
    b.telework.resourceCountIs('AWS::EC2::ClientVpnEndpoint', 0);
    expect(resourcesOfType(b.telework, 'AWS::EC2::VPCEndpoint')).toHaveLength(0);
    const [[, cr]] = resourcesOfType(b.telework, 'Custom::WorkSpacesDirectoryHardening');
    const s = JSON.parse(renderString(cr.Properties.Settings));
    expect(s.IpGroupIds).toEqual([expect.stringMatching(/^<GetAtt:IpAccessGroup.*\.GroupId>$/)]);
    expect(s.WorkspaceAccessProperties.AccessEndpointConfig).toBeUndefined();
  });
});
