/**
 * The rest of issue 18's newer connectivity, modelled with paths instead of refused — each with a breach and
 * a clean twin on the good city: Transit Gateway Connect (SD-WAN over a transport attachment), Cloud WAN
 * (segments as route domains: the same segment joins, segments isolate unless shared), API Gateway v2 VPC
 * links (a public HTTP API into the tier), AppStream 2.0 and WorkSpaces Secure Browser (telework entries),
 * and carrier gateways (an internet-like edge).
 */
import type { Finding } from '../../lib/checks';
import { ref, rules, run, type Resources } from './helpers';
import { said } from '../support/finding-words';

const byRule = (fs: Finding[], id: string): Finding[] => fs.filter((f) => f.rule === id);
const TAG = (tier: string) => [{ Key: 'mic:tier', Value: tier }];
const getAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });

describe('Transit Gateway Connect: an SD-WAN network behind a GRE tunnel over a transport attachment', () => {
  const connect = (transport: string, table: string, tags?: unknown[]) => (R: Resources): void => {
    R.Connect = { Type: 'AWS::EC2::TransitGatewayConnect', Properties: { TransportTransitGatewayAttachmentId: ref(transport), Options: { Protocol: 'gre' }, ...(tags ? { Tags: tags } : {}) } };
    R.ConnectPeer = { Type: 'AWS::EC2::TransitGatewayConnectPeer', Properties: { TransitGatewayAttachmentId: ref('Connect'), ConnectPeerConfiguration: { PeerAddress: '10.20.0.10', InsideCidrBlocks: ['169.254.100.0/29'], BgpConfigurations: [{ PeerAsn: 65010 }] } } };
    R.ConnectAssoc = { Type: 'AWS::EC2::TransitGatewayRouteTableAssociation', Properties: { TransitGatewayRouteTableId: ref(table), TransitGatewayAttachmentId: ref('Connect') } };
    R.ConnectProp = { Type: 'AWS::EC2::TransitGatewayRouteTablePropagation', Properties: { TransitGatewayRouteTableId: ref(table), TransitGatewayAttachmentId: ref('Connect') } };
  };
  test('clean: a Connect over the LGWAN attachment in the LGWAN route domain — its SD-WAN network reaches the LGWAN tier', () => {
    const r = run((R) => {
      connect('TgwAttLgwan', 'TgwRtLgwan')(R);
      // The SD-WAN replaces the VPN: the office network now enters through the Connect attachment only.
      for (const id of ['VgwLgwanAtt', 'VpnLgwan', 'RtLgwanOnPrem']) delete R[id];
    });
    expect(rules(r)).toEqual([]);
    // Untagged: the tier of its transport (the appliance sits in the LGWAN VPC).
    expect(r.model.tgwAttachments.get('City::Connect')).toMatchObject({ kind: 'connect', tierTag: 'lgwan', tgw: 'City::Tgw' });
    expect(r.flows.some((f) => f.fromClass === 'on-prem:lgwan' && f.toClass === 'tier:lgwan' && f.hops.some((h) => h.resource.logicalId === 'Connect'))).toBe(true);
  });
  test('breach: the LGWAN SD-WAN Connect associated with the internet route domain joins the domains and crosses', () => {
    const r = run(connect('TgwAttLgwan', 'TgwRtInet'));
    expect(rules(r)).toEqual(expect.arrayContaining(['TIER-JOIN-TGW', 'TIER-CROSSING']));
    expect(byRule(r.findings, 'TIER-CROSSING').some((f) => f.from.kind === 'on-prem' && f.from.tier === 'lgwan' && f.to.kind === 'tier' && f.to.tier === 'internet')).toBe(true);
  });
  test('a Connect tagged personal-number riding the LGWAN transport: TIER-TAG-CONFLICT (the appliance would carry it through LGWAN)', () => {
    const r = run(connect('TgwAttLgwan', 'TgwRtPn', TAG('personal-number')));
    expect(rules(r)).toContain('TIER-TAG-CONFLICT');
    expect(said(byRule(r.findings, 'TIER-TAG-CONFLICT')[0]).message).toMatch(/SD-WAN appliance/);
  });
  test('no longer UNMODELLED-RESOURCE', () => {
    expect(rules(run(connect('TgwAttLgwan', 'TgwRtLgwan')))).not.toContain('UNMODELLED-RESOURCE');
  });
});

describe('Cloud WAN: a core network whose segments are route domains', () => {
  const policy = (segments: string[], share?: [string, string[]]) => ({
    version: '2021.12',
    'core-network-configuration': { 'asn-ranges': ['64512-64555'], 'edge-locations': [{ location: 'ap-northeast-1' }] },
    segments: segments.map((name) => ({ name, 'require-attachment-acceptance': false })),
    ...(share ? { 'segment-actions': [{ action: 'share', mode: 'attachment-route', segment: share[0], 'share-with': share[1] }] } : {}),
    'attachment-policies': [{ 'rule-number': 100, conditions: [{ type: 'tag-exists', key: 'segment' }], action: { 'association-method': 'tag', 'tag-value-of-key': 'segment' } }],
  });
  const wan = (segmentOf: Record<'Lgwan' | 'Inet', string>, doc: unknown) => (R: Resources): void => {
    R.GlobalNet = { Type: 'AWS::NetworkManager::GlobalNetwork', Properties: {} };
    R.Core = { Type: 'AWS::NetworkManager::CoreNetwork', Properties: { GlobalNetworkId: ref('GlobalNet'), PolicyDocument: doc } };
    for (const t of ['Lgwan', 'Inet'] as const) {
      R[`Wan${t}`] = { Type: 'AWS::NetworkManager::VpcAttachment', Properties: { CoreNetworkId: getAtt('Core', 'CoreNetworkId'), VpcArn: { 'Fn::Sub': `arn:\${AWS::Partition}:ec2:\${AWS::Region}:\${AWS::AccountId}:vpc/\${Vpc${t}}` }, SubnetArns: [{ 'Fn::Sub': `arn:aws:ec2:ap-northeast-1:111122223333:subnet/\${Subnet${t}Tgw}` }], Tags: [{ Key: 'segment', Value: segmentOf[t] }] } };
      R[`Rt${t}Wan`] = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref(`Rt${t}`), DestinationCidrBlock: '10.0.0.0/12', CoreNetworkArn: getAtt('Core', 'CoreNetworkArn') } };
    }
  };
  test('clean: one segment per tier, shared with nothing — isolated, and no UNMODELLED-RESOURCE', () => {
    const r = run(wan({ Lgwan: 'lgwan', Inet: 'internet' }, policy(['lgwan', 'internet'])));
    expect(rules(r)).toEqual([]);
    expect(r.model.tgwRouteTables.get('City::Core#segment:lgwan')?.associations.map((a) => a.attachment)).toEqual(['City::WanLgwan']);
  });
  test('breach: both tiers in one segment — the segment joins them, and the routes cross', () => {
    const r = run(wan({ Lgwan: 'shared', Inet: 'shared' }, policy(['shared'])));
    expect(rules(r)).toEqual(expect.arrayContaining(['TIER-JOIN-TGW', 'TIER-CROSSING']));
    expect(byRule(r.findings, 'TIER-CROSSING').some((f) => f.from.kind === 'tier' && f.from.tier === 'lgwan' && f.to.kind === 'tier' && f.to.tier === 'internet' && f.path.some((h) => h.resource.logicalId === 'WanLgwan'))).toBe(true);
  });
  test('breach: per-tier segments, but the LGWAN segment is shared with the internet segment', () => {
    const r = run(wan({ Lgwan: 'lgwan', Inet: 'internet' }, policy(['lgwan', 'internet'], ['lgwan', ['internet']])));
    expect(rules(r)).toEqual(expect.arrayContaining(['TIER-JOIN-TGW', 'TIER-CROSSING']));
  });
  test('a policy given as a JSON string reads the same', () => {
    expect(rules(run(wan({ Lgwan: 'shared', Inet: 'shared' }, JSON.stringify(policy(['shared'])))))).toEqual(expect.arrayContaining(['TIER-JOIN-TGW', 'TIER-CROSSING']));
  });
  test('service insertion (network function groups) is not modelled: UNMODELLED-RESOURCE on the core network', () => {
    const doc = { ...policy(['lgwan', 'internet']), 'network-function-groups': [{ name: 'inspection', 'require-attachment-acceptance': false }] };
    const r = run(wan({ Lgwan: 'lgwan', Inet: 'internet' }, doc));
    expect(rules(r)).toEqual(['UNMODELLED-RESOURCE']);
    expect(said(r.findings[0]).message).toMatch(/network-function-groups/);
  });
  test('an attachment policy conditioned on the account cannot be decided from the template: UNRESOLVED-VALUE', () => {
    const doc = { ...policy(['lgwan', 'internet']), 'attachment-policies': [{ 'rule-number': 10, conditions: [{ type: 'account-id', operator: 'equals', value: '111122223333' }], action: { 'association-method': 'constant', segment: 'lgwan' } }] };
    expect(rules(run(wan({ Lgwan: 'lgwan', Inet: 'internet' }, doc)))).toEqual(['UNRESOLVED-VALUE']);
  });
  // A Connect attachment and its transport are extracted in key order; its tier must not depend on which
  // logical id sorts first. Before the fix, a Connect named before its transport saw no transport: tagged, it
  // gave no conflict (a silent pass in a segment of its own); untagged, it was refused for want of a tag.
  describe.each(['AaConnect', 'ZzConnect'])('Cloud WAN Connect attachments, named %s (before / after the transport WanLgwan)', (id) => {
    const withConnect = (tags: unknown[], segments: string[]) => (R: Resources): void => {
      wan({ Lgwan: 'lgwan', Inet: 'internet' }, policy(segments))(R);
      R[id] = { Type: 'AWS::NetworkManager::ConnectAttachment', Properties: { CoreNetworkId: getAtt('Core', 'CoreNetworkId'), EdgeLocation: 'ap-northeast-1', TransportAttachmentId: ref('WanLgwan'), Options: { Protocol: 'GRE' }, Tags: tags } };
    };
    test('breach: tagged personal-number in a segment of its own, riding the LGWAN attachment — TIER-TAG-CONFLICT', () => {
      const r = run(withConnect([...TAG('personal-number'), { Key: 'segment', Value: 'pn' }], ['lgwan', 'internet', 'pn']));
      expect(rules(r)).toEqual(['TIER-TAG-CONFLICT']);
      expect(byRule(r.findings, 'TIER-TAG-CONFLICT')[0].resource?.logicalId).toBe(id);
    });
    test('clean: untagged in the LGWAN segment — it takes its transport\'s tier', () => {
      const r = run(withConnect([{ Key: 'segment', Value: 'lgwan' }], ['lgwan', 'internet']));
      expect(rules(r)).toEqual([]);
      expect(r.model.tgwAttachments.get(`City::${id}`)?.tierTag).toBe('lgwan');
    });
  });
});

describe('API Gateway v2 VPC links: a public HTTP API into the tier of the link', () => {
  const api = (subnets: string[], integrate = true) => (R: Resources): void => {
    R.HttpApi = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'portal', ProtocolType: 'HTTP' } };
    R.Link = { Type: 'AWS::ApiGatewayV2::VpcLink', Properties: { Name: 'link', SubnetIds: subnets.map(ref), SecurityGroupIds: [] } };
    if (integrate) R.Integration = { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: ref('HttpApi'), IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'ANY', ConnectionType: 'VPC_LINK', ConnectionId: ref('Link'), IntegrationUri: 'arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:listener/app/x/1/2', PayloadFormatVersion: '1.0' } };
  };
  test('breach: an HTTP API integrated through a VPC link in the LGWAN tier — REMOTE-ENTRY-INTO-TIER', () => {
    const r = run(api(['SubnetLgwanAppA', 'SubnetLgwanAppB']));
    expect(rules(r)).toEqual(['REMOTE-ENTRY-INTO-TIER']);
    expect(r.findings[0]).toMatchObject({ from: { kind: 'internet' }, to: { kind: 'tier', tier: 'lgwan' } });
  });
  test('clean: the same API into the internet tier; a VPC link no API uses is only a presence', () => {
    expect(rules(run(api(['SubnetInetAppA', 'SubnetInetAppB'])))).toEqual([]);
    expect(rules(run(api(['SubnetLgwanAppA'], false)))).toEqual([]);
  });
  test('a VPC link with subnets in two tiers is TIER-JOIN-MULTIHOMED', () => {
    expect(rules(run(api(['SubnetLgwanAppA', 'SubnetInetAppA'], false)))).toEqual(['TIER-JOIN-MULTIHOMED']);
  });
});

describe('AppStream 2.0 and WorkSpaces Secure Browser: telework entries into a tier', () => {
  const fleet = (subnets: string[], internet = false) => (R: Resources): void => {
    R.Fleet = { Type: 'AWS::AppStream::Fleet', Properties: { Name: 'f', InstanceType: 'stream.standard.medium', ComputeCapacity: { DesiredInstances: 1 }, VpcConfig: { SubnetIds: subnets.map(ref), SecurityGroupIds: [] }, EnableDefaultInternetAccess: internet } };
    R.Stack = { Type: 'AWS::AppStream::Stack', Properties: { Name: 's' } };
    R.StackFleet = { Type: 'AWS::AppStream::StackFleetAssociation', Properties: { FleetName: ref('Fleet'), StackName: ref('Stack') } };
  };
  test('breach: an AppStream fleet in the personal-number tier — TELEWORK-ENTRY-PERSONAL-NUMBER', () => {
    const r = run(fleet(['SubnetPnAppA', 'SubnetPnAppB']));
    expect(rules(r)).toEqual(['TELEWORK-ENTRY-PERSONAL-NUMBER']);
    expect(said(r.findings[0]).message).toMatch(/Fleet \(AppStream 2\.0 instances \(fleet or builder\)\)/);
  });
  test('clean: an AppStream fleet in the LGWAN tier streams the screen (a desktop subnet for telework)', () => {
    const r = run(fleet(['SubnetLgwanAppA', 'SubnetLgwanAppB']));
    expect(rules(r)).toEqual([]);
    expect(r.model.teleworkEntries.find((e) => e.ref.logicalId === 'Fleet')).toMatchObject({ kind: 'appstream' });
  });
  test('breach: default internet access on an LGWAN fleet — the instances get an interface on the internet', () => {
    const r = run(fleet(['SubnetLgwanAppA'], true));
    expect(rules(r)).toEqual(['REMOTE-ENTRY-INTO-TIER']);
    expect(said(r.findings[0]).message).toMatch(/default internet access/);
  });
  const browser = (subnets: string[]) => (R: Resources): void => {
    R.BrowserNet = { Type: 'AWS::WorkSpacesWeb::NetworkSettings', Properties: { VpcId: ref('VpcLgwan'), SubnetIds: subnets.map(ref), SecurityGroupIds: [ref('SgLgwan')] } };
    R.BrowserSettings = { Type: 'AWS::WorkSpacesWeb::BrowserSettings', Properties: { BrowserPolicy: '{}' } };
    R.Portal = { Type: 'AWS::WorkSpacesWeb::Portal', Properties: { DisplayName: 'p', NetworkSettingsArn: ref('BrowserNet'), BrowserSettingsArn: ref('BrowserSettings') } };
  };
  test('breach: a Secure Browser portal in the personal-number tier; clean in the LGWAN tier', () => {
    expect(rules(run(browser(['SubnetPnAppA', 'SubnetPnAppB'])))).toEqual(['TELEWORK-ENTRY-PERSONAL-NUMBER']);
    expect(rules(run(browser(['SubnetLgwanAppA', 'SubnetLgwanAppB'])))).toEqual([]);
  });
});

describe('carrier gateways: an internet-like edge', () => {
  const carrier = (vpc: string, table: string) => (R: Resources): void => {
    R.Carrier = { Type: 'AWS::EC2::CarrierGateway', Properties: { VpcId: ref(vpc) } };
    R.CarrierRoute = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref(table), DestinationCidrBlock: '0.0.0.0/0', CarrierGatewayId: ref('Carrier') } };
  };
  test('breach: a carrier gateway route in the LGWAN tier — CLOSED-TIER-INTERNET through the carrier gateway', () => {
    const r = run(carrier('VpcLgwan', 'RtLgwan'));
    expect(rules(r)).toContain('CLOSED-TIER-INTERNET');
    expect(rules(r)).not.toContain('UNMODELLED-RESOURCE');
    expect(byRule(r.findings, 'CLOSED-TIER-INTERNET').some((f) => f.path.some((h) => h.resource.logicalId === 'Carrier'))).toBe(true);
  });
  test('clean: in the internet tier it is one more way out to the internet', () => {
    expect(rules(run(carrier('VpcInet', 'RtInet')))).toEqual([]);
  });
});
