/**
 * Separation between municipalities on a prefecture hub (test/fixtures/prefecture-hub.ts: the shape the
 * prefecture and municipality stages synthesise) and on a shared platform: the good prefecture passes every
 * rule; each one-line mutation breaks exactly one rule.
 */
import { verify, type VerifyResult } from '../../lib/checks';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { asLoaded, buildCity, cidrOf, type Json } from '../fixtures/city';
import { buildPrefecture, type PrefectureSet } from '../fixtures/prefecture-hub';
import { AS_OF, DEFAULT_POLICY, rules } from './helpers';
import { said } from '../support/finding-words';

type Resources = Record<string, Json & { Properties?: Json }>;
const resources = (t: LoadedTemplate): Resources => t.template.Resources as unknown as Resources;

function prefecture(mutate?: (p: PrefectureSet) => void): VerifyResult {
  const p = buildPrefecture('kanagawa', 3);
  mutate?.(p);
  return verify(p.templates, p.policy, { asOf: AS_OF });
}

test('three municipalities on the shared hub verify clean, and each internet tier leaves through the hub', () => {
  const r = prefecture();
  expect(r.findings).toEqual([]);
  // The proof judged one model: the hub's TGW, its inspection attachment and the three municipalities' attachments.
  expect([...r.model.tgwAttachments.values()].filter((a) => a.tgw === 'kanagawa-hub::HubTgw')).toHaveLength(4);
  expect(new Set([...r.model.membership.values()].map((m) => m.municipality ?? `hub:${m.hub}`))).toEqual(new Set(['kanagawa-city-0', 'kanagawa-city-1', 'kanagawa-city-2', 'hub:kanagawa']));
});

test("a propagation of B's attachment into the municipalities' route table lets A reach B: MUNICIPALITY-CROSSING", () => {
  const r = prefecture((p) => {
    resources(p.routing).Leak = { Type: 'AWS::EC2::TransitGatewayRouteTablePropagation', Properties: { TransitGatewayRouteTableId: { 'Fn::ImportValue': 'kanagawa-hub-municipalities-rt' }, TransitGatewayAttachmentId: { Ref: 'Attachment1' } } };
  });
  expect(rules(r)).toEqual(['MUNICIPALITY-CROSSING']);
  const f = r.findings.find((x) => said(x).title.startsWith('kanagawa-city-0 reaches kanagawa-city-1'))!;
  expect(f.path.map((h) => h.resource.logicalId)).toEqual(expect.arrayContaining(['Leak', 'M1HubAttachment']));
  expect(f.resource).toMatchObject({ stack: 'kanagawa-city-0-network', logicalId: 'M0HubAttachment' });
  // Both other municipalities reach B; B reaches nobody.
  expect(r.findings.map((x) => said(x).title.split(' / ')[0]).sort()).toEqual(['kanagawa-city-0 reaches kanagawa-city-1', 'kanagawa-city-2 reaches kanagawa-city-1']);
});

test("a static route in the municipalities' table to B's attachment is caught the same way", () => {
  const r = prefecture((p) => {
    resources(p.routing).Leak = { Type: 'AWS::EC2::TransitGatewayRoute', Properties: { TransitGatewayRouteTableId: { 'Fn::ImportValue': 'kanagawa-hub-municipalities-rt' }, DestinationCidrBlock: '10.0.48.0/20', TransitGatewayAttachmentId: { Ref: 'Attachment1' } } };
  });
  expect(rules(r)).toEqual(['MUNICIPALITY-CROSSING']);
});

test('a municipality whose internet tier keeps its own internet gateway and NAT bypasses the hub: HUB-BYPASS', () => {
  const r = prefecture((p) => {
    const own = buildCity({ index: 1, prefix: 'M1' }).Resources as unknown as Resources;
    const m1 = resources(p.municipalities[1]);
    for (const k of ['Igw', 'IgwAtt', 'RtPublic', 'RtPublicDefault', 'SubnetInetPublic', 'SubnetInetPublicRta', 'NatEip', 'Nat', 'RtInetDefault']) m1[`M1${k}`] = own[`M1${k}`];
    delete m1.M1RtInetHubDefault;
  });
  expect(rules(r)).toEqual(['HUB-BYPASS']);
  expect(r.findings[0]).toMatchObject({ resource: { logicalId: 'M1Igw' }, from: { kind: 'tier', tier: 'internet' }, to: { kind: 'internet' } });
});

test('an LGWAN VPC attached to the hub: HUB-ATTACHMENT-TIER', () => {
  const r = prefecture((p) => {
    resources(p.municipalities[0]).M0LgwanOnHub = { Type: 'AWS::EC2::TransitGatewayVpcAttachment', Properties: { TransitGatewayId: { Ref: 'HubTransitGatewayId' }, VpcId: { Ref: 'M0VpcLgwan' }, SubnetIds: [{ Ref: 'M0SubnetLgwanTgw' }] } };
  });
  expect(rules(r)).toEqual(['HUB-ATTACHMENT-TIER']);
  expect(said(r.findings[0]).message).toContain('LGWAN tier');
});

test('a VPC that declares no municipality in a multi-municipality model: UNTAGGED-MUNICIPALITY (fail closed)', () => {
  const r = prefecture((p) => {
    const vpc = resources(p.municipalities[2]).M2VpcPn;
    vpc.Properties!.Tags = (vpc.Properties!.Tags as Json[]).filter((t) => t.Key !== 'mic:municipality');
  });
  expect(rules(r)).toEqual(['UNTAGGED-MUNICIPALITY']);
  expect(r.findings[0].resource).toMatchObject({ logicalId: 'M2VpcPn' });
});

test('a RAM share of a subnet (VPC sharing puts other accounts\' interfaces in the tier) is not modelled: UNMODELLED-RESOURCE', () => {
  const r = prefecture((p) => {
    (resources(p.hub).HubShare.Properties!.ResourceArns as Json[]).push({ 'Fn::Join': ['', ['arn:aws:ec2:ap-northeast-1:111111111111:subnet/', { Ref: 'SubnetAttachA' }]] });
  });
  expect(rules(r)).toEqual(['UNMODELLED-RESOURCE']);
  expect(said(r.findings[0]).message).toContain('only SSM parameters and Transit Gateways');
});

test('a RAM share of a Transit Gateway whose default route table association is on is not modelled either', () => {
  const r = prefecture((p) => {
    resources(p.hub).HubTgw.Properties!.DefaultRouteTableAssociation = 'enable';
  });
  expect(rules(r)).toContain('UNMODELLED-RESOURCE');
  expect(said(r.findings.find((f) => f.rule === 'UNMODELLED-RESOURCE')!).message).toContain('default route table association or propagation is enabled');
});

test('without the hub template, the attachment names a TGW the engine cannot see: UNRESOLVED-VALUE, never a silent pass', () => {
  const p = buildPrefecture('kanagawa', 2);
  const r = verify(p.municipalities, p.policy, { asOf: AS_OF });
  expect(rules(r)).toEqual(['UNRESOLVED-VALUE']);
  expect(r.findings.some((f) => said(f).message.includes('HubTransitGatewayId') || said(f).message.includes('SSM'))).toBe(true);
});

describe('a shared platform with one VPC per municipality (共同利用方式) gets the same proof', () => {
  /** Two municipalities' networks in ONE template (one account), each VPC tagged with its municipality. */
  function platform(mutate?: (r: Resources) => void): VerifyResult {
    const R: Resources = {};
    for (const [i, name] of ['yokosuka', 'zushi'].entries()) {
      const city = buildCity({ index: i, prefix: `M${i}` }).Resources as unknown as Resources;
      for (const r of Object.values(city)) if (r.Type === 'AWS::EC2::VPC') (r.Properties!.Tags as Json[]).push({ Key: 'mic:municipality', Value: name });
      Object.assign(R, city);
    }
    mutate?.(R);
    return verify([asLoaded('Platform', { Resources: R } as unknown as LoadedTemplate['template'])], { ...DEFAULT_POLICY, onPremNetworks: [] }, { asOf: AS_OF });
  }

  test('apart: no finding about municipalities', () => {
    expect(platform().findings.filter((f) => ['MUNICIPALITY-CROSSING', 'UNTAGGED-MUNICIPALITY'].includes(f.rule))).toEqual([]);
  });

  test("a peering between the two municipalities' internet tiers: MUNICIPALITY-CROSSING (the tier matrix cannot see it: same tier)", () => {
    const r = platform((R) => {
      R.Pcx = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'M0VpcInet' }, PeerVpcId: { Ref: 'M1VpcInet' } } };
      R.PcxOut = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'M0RtInet' }, DestinationCidrBlock: '10.0.48.0/20', VpcPeeringConnectionId: { Ref: 'Pcx' } } };
    });
    expect(rules(r).filter((x) => x.includes('MUNICIPALITY'))).toEqual(['MUNICIPALITY-CROSSING']);
    expect(said(r.findings.find((f) => f.rule === 'MUNICIPALITY-CROSSING')!).title).toContain('yokosuka reaches zushi');
  });
});

test("a route in the municipalities' table to B's on-premises range through B's attachment: A reaches B's offices, MUNICIPALITY-CROSSING", () => {
  const officesOfB = cidrOf(1, 'internet').onPrem;
  const r = prefecture((p) => {
    resources(p.routing).Leak = { Type: 'AWS::EC2::TransitGatewayRoute', Properties: { TransitGatewayRouteTableId: { 'Fn::ImportValue': 'kanagawa-hub-municipalities-rt' }, DestinationCidrBlock: officesOfB, TransitGatewayAttachmentId: { Ref: 'Attachment1' } } };
  });
  expect(rules(r)).toEqual(['MUNICIPALITY-CROSSING']);
  // B's offices are B's: reached over B's link, so named as B and as an on-premises network, with no subnet to arrive at.
  const toOffices = r.findings.filter((f) => f.to.kind === 'on-prem');
  expect(toOffices.length).toBeGreaterThan(0);
  for (const f of toOffices) {
    expect(f.to).toEqual({ kind: 'on-prem', tier: 'internet' });
    expect(f.text).toMatchObject({ key: 'municipality-crossing', to: 'kanagawa-city-1' });
    expect(f.text).not.toHaveProperty('place');
    expect(f.path[f.path.length - 1].layer).not.toBe('exit');
    expect(f.path.some((h) => h.layer === 'vpn' && h.resource.stack === 'kanagawa-city-1-network')).toBe(true);
  }
  expect(new Set(toOffices.map((f) => (f.text as unknown as { from: string }).from))).toEqual(new Set(['kanagawa-city-0', 'kanagawa-city-2']));
});
