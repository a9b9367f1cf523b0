/**
 * What a finding says, not only which rule fired: the rule tests pin rule ids and endpoints, and the mutation
 * run showed that the details a reader acts on — which direction, which tier, which outsiders, which gateway,
 * how many findings per VPC — could change unnoticed. Each test here pins one of them on a one-line mutation of
 * a good city or prefecture.
 */
import { verify, type Finding, type VerifyResult } from '../../lib/checks';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { buildCity, type Json } from '../fixtures/city';
import { buildPrefecture, type PrefectureSet } from '../fixtures/prefecture-hub';
import { AS_OF, ref, rules, run, type Resources } from './helpers';

const byRule = (r: VerifyResult, id: string): Finding[] => r.findings.filter((f) => f.rule === id);
const text = (f: Finding): Record<string, unknown> => f.text as unknown as Record<string, unknown>;

describe('CLOSED-TIER-INTERNET: the direction and the closed tier', () => {
  const r = run((R) => {
    R.IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VpcLgwan'), InternetGatewayId: ref('Igw') } };
    R.RtLgwanDefault = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('RtLgwan'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
  });
  test('from the internet: inbound, the LGWAN tier', () => {
    const f = byRule(r, 'CLOSED-TIER-INTERNET').filter((x) => x.from.kind === 'internet');
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(text(x)).toMatchObject({ key: 'closed-tier-internet', tier: 'lgwan', inbound: true });
  });
  test('to the internet: outbound, the LGWAN tier', () => {
    const f = byRule(r, 'CLOSED-TIER-INTERNET').filter((x) => x.to.kind === 'internet');
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(text(x)).toMatchObject({ key: 'closed-tier-internet', tier: 'lgwan', inbound: false });
  });
});

describe('ACCESS-GRANT-INTO-TIER: who is let in, and where', () => {
  const service = (R: Resources, nlb: Json = { Subnets: [ref('SubnetPnAppA'), ref('SubnetPnAppB')] }, acceptance?: boolean): void => {
    R.Nlb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', ...nlb } };
    R.Svc = { Type: 'AWS::EC2::VPCEndpointService', Properties: { NetworkLoadBalancerArns: [ref('Nlb')], ...(acceptance === undefined ? {} : { AcceptanceRequired: acceptance }) } };
  };
  const grant = (principals: unknown[]) => (R: Resources): void => {
    R.SvcPerm = { Type: 'AWS::EC2::VPCEndpointServicePermissions', Properties: { ServiceId: ref('Svc'), AllowedPrincipals: principals } };
  };
  test('each outsider is classed: everyone, a literal account (bare or as an IAM ARN), anything else', () => {
    const r = run((R) => {
      service(R);
      R.Other = { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'x' } };
      grant(['*', '444455556666', 'arn:aws:iam::444455556666:root', 'arn:aws:iam::444455556666:role/Vendor', 'vendor.example.jp', '1234567890123', 'arn:aws:iam::44445555666:root'])(R);
    });
    const [f] = byRule(r, 'ACCESS-GRANT-INTO-TIER');
    expect(text(f)).toEqual({
      key: 'access-grant-into-tier', grant: 'SvcPerm', kind: 'endpoint-service', target: 'Svc', tier: 'personal-number', acceptanceRequired: false,
      outsiders: [
        { id: '*', kind: 'everyone' },
        { id: '444455556666', kind: 'literal-account' },
        { id: 'arn:aws:iam::444455556666:root', kind: 'literal-account' },
        { id: 'arn:aws:iam::444455556666:role/Vendor', kind: 'literal-account' },
        { id: 'vendor.example.jp', kind: 'other' },
        { id: '1234567890123', kind: 'other' }, // thirteen digits: not an account id
        { id: 'arn:aws:iam::44445555666:root', kind: 'other' }, // eleven digits
      ],
    });
  });
  test('a load balancer outside the templates: its tier cannot be told, so the grant is reported against the grant itself', () => {
    const r = run((R) => {
      R.Svc = { Type: 'AWS::EC2::VPCEndpointService', Properties: { NetworkLoadBalancerArns: ['arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:loadbalancer/net/x/0123456789abcdef'] } };
      grant(['*'])(R);
    });
    const [f] = byRule(r, 'ACCESS-GRANT-INTO-TIER');
    expect(f.to).toMatchObject({ kind: 'resource', resource: { logicalId: 'SvcPerm' } });
    expect(text(f).tier).toBeUndefined();
  });
  test('a load balancer in the internet tier: the internet tier is open by design, no finding', () => {
    const r = run((R) => {
      service(R, { Subnets: [ref('SubnetInetAppA'), ref('SubnetInetAppB')] });
      grant(['*'])(R);
    });
    expect(byRule(r, 'ACCESS-GRANT-INTO-TIER')).toEqual([]);
  });
  test('a load balancer across the internet and LGWAN tiers: one finding, for the LGWAN tier', () => {
    const r = run((R) => {
      service(R, { Subnets: [ref('SubnetInetAppA'), ref('SubnetLgwanAppB')] });
      grant(['*'])(R);
    });
    expect(byRule(r, 'ACCESS-GRANT-INTO-TIER').map((f) => text(f).tier)).toEqual(['lgwan']);
  });
  test('a network interface permission names the interface and its tier', () => {
    const r = run((R) => {
      R.Eni = { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: ref('SubnetLgwanAppA'), GroupSet: [ref('SgLgwan')] } };
      R.EniPerm = { Type: 'AWS::EC2::NetworkInterfacePermission', Properties: { NetworkInterfaceId: ref('Eni'), AwsAccountId: '444455556666', Permission: 'INSTANCE-ATTACH' } };
    });
    const [f] = byRule(r, 'ACCESS-GRANT-INTO-TIER');
    expect(text(f)).toMatchObject({ grant: 'EniPerm', target: 'Eni', tier: 'lgwan', outsiders: [{ id: '444455556666', kind: 'literal-account' }] });
    expect(f.to).toEqual({ kind: 'tier', tier: 'lgwan' });
  });
});

describe('CLIENT-VPN-WHOLE-VPC: the VPC is the endpoint\'s or its associated subnets\'', () => {
  test('an endpoint that names no VPC: the VPC of its associated subnet counts', () => {
    const r = run((R) => {
      delete (R.CvpnLgwan.Properties as Record<string, unknown>).VpcId;
      delete (R.CvpnLgwan.Properties as Record<string, unknown>).SecurityGroupIds;
      (R.CvpnLgwanAuthDesktop.Properties as Record<string, unknown>).TargetNetworkCidr = '10.20.0.0/20';
    });
    const f = byRule(r, 'CLIENT-VPN-WHOLE-VPC');
    expect(f.map((x) => x.resource?.logicalId)).toEqual(['CvpnLgwanAuthDesktop']);
  });
  test('the finding says whether every group was authorised', () => {
    const all = run((R) => { (R.CvpnLgwanAuthDesktop.Properties as Record<string, unknown>).TargetNetworkCidr = '10.20.0.0/20'; });
    expect(text(byRule(all, 'CLIENT-VPN-WHOLE-VPC')[0])).toEqual({ key: 'client-vpn-whole-vpc', endpoint: 'CvpnLgwan', cidr: '10.20.0.0/20', allGroups: true });
    const group = run((R) => {
      const p = R.CvpnLgwanAuthDesktop.Properties as Record<string, unknown>;
      p.TargetNetworkCidr = '10.20.0.0/20';
      delete p.AuthorizeAllGroups;
      p.AccessGroupId = 'S-1-5-21-0000000000-0000000000-0000000000-1001';
    });
    expect(text(byRule(group, 'CLIENT-VPN-WHOLE-VPC')[0])).toMatchObject({ allGroups: false });
  });
  test('a VPC with a secondary block: authorising one whole block is already too wide', () => {
    const r = run((R) => {
      R.VpcLgwanSecondary = { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref('VpcLgwan'), CidrBlock: '10.21.0.0/20' } };
      (R.CvpnLgwanAuthDesktop.Properties as Record<string, unknown>).TargetNetworkCidr = '10.21.0.0/20';
    });
    expect(byRule(r, 'CLIENT-VPN-WHOLE-VPC').map((x) => text(x).cidr)).toEqual(['10.21.0.0/20']);
  });
  test('an authorisation for part of the VPC is not the whole VPC (the VPC is covered only if nothing of it is left out)', () => {
    const r = run((R) => { (R.CvpnLgwanAuthDesktop.Properties as Record<string, unknown>).TargetNetworkCidr = '10.20.0.0/21'; });
    expect(byRule(r, 'CLIENT-VPN-WHOLE-VPC')).toEqual([]);
  });
});

describe('attachments without a resource of their own are named by the connection that makes them', () => {
  test('TIER-JOIN-TGW: two tiers\' VPNs in the default route table are named by their VPN connections', () => {
    const r = run((R) => {
      const tgw = R.Tgw.Properties as Record<string, unknown>;
      tgw.DefaultRouteTableAssociation = 'enable';
      tgw.DefaultRouteTablePropagation = 'enable';
      for (const t of ['Inet', 'Lgwan']) {
        const p = R[`Vpn${t}`].Properties as Record<string, unknown>;
        delete p.VpnGatewayId;
        p.TransitGatewayId = ref('Tgw');
      }
    });
    const [f] = byRule(r, 'TIER-JOIN-TGW');
    expect(text(f)).toMatchObject({
      table: 'Tgw', isDefault: true,
      associated: expect.arrayContaining([{ attachment: 'VpnInet', tier: 'internet' }, { attachment: 'VpnLgwan', tier: 'lgwan' }]),
    });
    expect(JSON.stringify(text(f))).not.toContain('#');
  });
});

describe('the prefecture hub rules', () => {
  type R = Record<string, Json & { Properties?: Json }>;
  const resources = (t: LoadedTemplate): R => t.template.Resources as unknown as R;
  function prefecture(mutate?: (p: PrefectureSet) => void): VerifyResult {
    const p = buildPrefecture('kanagawa', 3);
    mutate?.(p);
    return verify(p.templates, p.policy, { asOf: AS_OF });
  }
  const bypass = (p: PrefectureSet, i: number): void => {
    const own = buildCity({ index: i, prefix: `M${i}` }).Resources as unknown as R;
    const m = resources(p.municipalities[i]);
    for (const k of ['Igw', 'IgwAtt', 'RtPublic', 'RtPublicDefault', 'SubnetInetPublic', 'SubnetInetPublicRta', 'NatEip', 'Nat', 'RtInetDefault']) m[`M${i}${k}`] = own[`M${i}${k}`];
    delete m[`M${i}RtInetHubDefault`];
  };

  test('HUB-BYPASS: one finding per internet VPC, however many of its subnets leave by their own exit, naming the exit', () => {
    const r = prefecture((p) => bypass(p, 1));
    const f = byRule(r, 'HUB-BYPASS');
    expect(f).toHaveLength(1);
    expect(text(f[0])).toEqual({ key: 'hub-bypass', municipality: 'kanagawa-city-1', exit: 'M1Igw' });
  });
  test('HUB-BYPASS is about internet tiers: an LGWAN tier with its own internet exit is CLOSED-TIER-INTERNET only', () => {
    const r = prefecture((p) => {
      const m = resources(p.municipalities[0]);
      m.M0IgwLgwan = { Type: 'AWS::EC2::InternetGateway', Properties: {} };
      m.M0IgwLgwanAtt = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: 'M0VpcLgwan' }, InternetGatewayId: { Ref: 'M0IgwLgwan' } } };
      m.M0RtLgwanDefault = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'M0RtLgwan' }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'M0IgwLgwan' } } };
    });
    expect(rules(r)).toEqual(['CLOSED-TIER-INTERNET']);
  });
  test('without a hub there is nothing to bypass: municipalities on a shared platform with exits of their own', () => {
    const r = prefecture((p) => {
      for (let i = 0; i < 3; i++) bypass(p, i);
      // The hub and its routing are gone: each municipality keeps only its own exit.
      p.templates.splice(0, p.templates.length, ...p.municipalities);
      for (const m of p.municipalities) for (const [k, v] of Object.entries(resources(m))) if (k.endsWith('HubAttachment') || JSON.stringify(v).includes('HubTransitGatewayId')) delete resources(m)[k];
    });
    expect(byRule(r, 'HUB-BYPASS')).toEqual([]);
  });
  test('HUB-ATTACHMENT-TIER: a VPN on the hub is a link, named as one', () => {
    const r = prefecture((p) => {
      const m = resources(p.municipalities[0]);
      m.M0HubVpn = { Type: 'AWS::EC2::VPNConnection', Properties: { Type: 'ipsec.1', CustomerGatewayId: { Ref: 'M0CgwLgwan' }, TransitGatewayId: { Ref: 'HubTransitGatewayId' }, StaticRoutesOnly: true, Tags: [{ Key: 'mic:tier', Value: 'lgwan' }, { Key: 'mic:municipality', Value: 'kanagawa-city-0' }] } };
    });
    const f = byRule(r, 'HUB-ATTACHMENT-TIER');
    expect(f.map(text)).toEqual([{ key: 'hub-attachment-tier', attachment: 'M0HubVpn', hub: 'kanagawa', joined: { kind: 'link', linkKind: 'vpn' } }]);
  });
  test('HUB-ATTACHMENT-TIER: an LGWAN VPC on the hub is named with its tier', () => {
    const r = prefecture((p) => {
      resources(p.municipalities[0]).M0LgwanOnHub = { Type: 'AWS::EC2::TransitGatewayVpcAttachment', Properties: { TransitGatewayId: { Ref: 'HubTransitGatewayId' }, VpcId: { Ref: 'M0VpcLgwan' }, SubnetIds: [{ Ref: 'M0SubnetLgwanTgw' }] } };
    });
    expect(byRule(r, 'HUB-ATTACHMENT-TIER').map(text)).toEqual([{ key: 'hub-attachment-tier', attachment: 'M0LgwanOnHub', hub: 'kanagawa', joined: { kind: 'vpc', vpc: 'M0VpcLgwan', tier: 'lgwan' } }]);
  });
});
