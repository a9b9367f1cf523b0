/**
 * The report's view of a real engine run (B's good city fixture, and the same city with one peering
 * added between the LGWAN and internet tiers): verdict per cell, and the diagram drawn from the model.
 */
import { loadPolicy, verify, type VerifyResult } from '../../lib/checks';
import { renderDiagramSvg } from '../../lib/report/diagram-svg';
import { reportViewFromVerify } from '../../lib/report/from-verify-result';
import { renderJunitFromVerify } from '../../lib/report/verify-junit';
import { endKey, INTERNET_NODE, MATRIX_ENDS } from '../../lib/report/report-input';
import { asLoaded, buildCity, clone, vpcId } from '../fixtures/city';

describe('report view of a verify() result', () => {
  const policy = loadPolicy();
  const city = buildCity();
  let good: VerifyResult;
  let broken: VerifyResult;
  beforeAll(() => {
    good = verify([asLoaded('City', city)], policy);
    const mutated = clone(city);
    mutated.Resources.Pcx = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: vpcId(city.Resources, 'Lgwan') }, PeerVpcId: { Ref: vpcId(city.Resources, 'Inet') } } };
    broken = verify([asLoaded('City', mutated)], policy);
  });

  it('has a cell for every ordered pair of distinct ends, no violation for the good city', () => {
    const view = reportViewFromVerify(good);
    expect(view.matrix).toHaveLength(MATRIX_ENDS.length * (MATRIX_ENDS.length - 1));
    expect(view.matrix.filter((c) => c.verdict === 'violation')).toEqual([]);
    const cell = (from: string, to: string) => view.matrix.find((c) => endKey(c.from) === from && endKey(c.to) === to);
    expect(cell('tier:internet', 'internet')?.verdict).toBe('permitted');
    expect(cell('tier:lgwan', 'internet')?.verdict).toBe('isolated');
    expect(cell('tier:lgwan', 'tier:personal-number')?.verdict).toBe('isolated');
    expect(cell('telework:lgwan', 'tier:lgwan')?.verdict).toBe('permitted');
    expect(cell('telework:lgwan', 'tier:personal-number')?.verdict).toBe('isolated');
  });

  it('marks both directions of a joined pair as violations pointing at the finding', () => {
    const view = reportViewFromVerify(broken);
    const violations = view.matrix.filter((c) => c.verdict === 'violation').map((c) => `${endKey(c.from)}>${endKey(c.to)}`).sort();
    expect(violations).toEqual(['tier:internet>tier:lgwan', 'tier:lgwan>tier:internet']);
    const index = broken.findings.findIndex((f) => f.rule === 'TIER-JOIN-PEERING');
    expect(view.matrix.find((c) => c.verdict === 'violation')?.findings).toEqual([index]);
  });

  it('draws the model: VPCs in their tier, links in their on-prem box, Client VPN with its telework clients, the TGW as shared', () => {
    const { nodes, links } = reportViewFromVerify(good).diagram;
    const where = (id: string) => {
      const node = nodes.find((n) => n.id === id);
      return node?.end ? endKey(node.end) : node ? 'none' : 'missing';
    };
    expect(where('City::VpcLgwan')).toBe('tier:lgwan');
    expect(where('City::VgwPn')).toBe('on-prem:personal-number');
    expect(where('City::CvpnLgwan')).toBe('telework:lgwan');
    expect(where('City::Tgw')).toBe('none');
    expect(links).toContainEqual({ from: 'City::VpcLgwan', to: 'City::Tgw', label: 'TGW', violation: false });
    expect(links).toContainEqual({ from: 'City::VpnLgwan', to: 'City::VgwLgwan', label: 'VPN', violation: false });
    const svg = renderDiagramSvg({ ...reportViewFromVerify(good), sources: [], findings: [], acknowledgements: [], manualControls: [], generatedAt: 'now' }, { lang: 'en' });
    expect(svg).toContain('data-end="shared"');
    expect(svg).not.toContain('data-end="untiered"');
  });

  it('draws each internet gateway as a link from its VPC to the internet (the egress point), red when a forbidden path leaves through it', () => {
    expect(reportViewFromVerify(good).diagram.links).toContainEqual({ from: 'City::VpcInet', to: INTERNET_NODE, label: 'IGW', violation: false });
    const svg = renderDiagramSvg({ ...reportViewFromVerify(good), sources: [], findings: [], acknowledgements: [], manualControls: [], generatedAt: 'now' }, { lang: 'ja' });
    expect(svg).toMatch(/<g class="model-link" data-from="(tier:internet|internet)" data-to="(internet|tier:internet)"><path [^>]*stroke="#9e9e9e"/);
    // One-line mutation: the same gateway attached to the LGWAN tier's VPC as well, with a default route to it.
    const mutated = clone(buildCity());
    const rt = Object.keys(mutated.Resources).find((k) => mutated.Resources[k]!.Type === 'AWS::EC2::RouteTable' && k.includes('Lgwan'))!;
    mutated.Resources.IgwAttLgwan = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: vpcId(mutated.Resources, 'Lgwan') }, InternetGatewayId: { Ref: Object.keys(mutated.Resources).find((k) => mutated.Resources[k]!.Type === 'AWS::EC2::InternetGateway')! } } };
    mutated.Resources.LgwanOut = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: rt }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: Object.keys(mutated.Resources).find((k) => mutated.Resources[k]!.Type === 'AWS::EC2::InternetGateway')! } } };
    const out = verify([asLoaded('City', mutated)], policy);
    // The gateway now joins the LGWAN tier's VPC to the internet: the diagram draws that link too. Here a
    // filter still stops the packets (the finding is a warning), so the link is grey…
    expect(out.findings.filter((f) => f.rule === 'CLOSED-TIER-INTERNET').map((f) => f.severity)).toContain('warning');
    const links = reportViewFromVerify(out).diagram.links.filter((l) => l.to === INTERNET_NODE);
    expect(links).toContainEqual({ from: 'City::VpcLgwan', to: INTERNET_NODE, label: 'IGW', violation: false });
    // …and red as soon as an error finding's path leaves through it.
    const asError = { ...out, findings: out.findings.map((f) => (f.rule === 'CLOSED-TIER-INTERNET' ? { ...f, severity: 'error' as const } : f)) };
    expect(reportViewFromVerify(asError).diagram.links).toContainEqual({ from: 'City::VpcLgwan', to: INTERNET_NODE, label: 'IGW', violation: true });
    const drawn = renderDiagramSvg({ ...reportViewFromVerify(asError), sources: [], findings: asError.findings, acknowledgements: [], manualControls: [], generatedAt: 'now' }, { lang: 'en' });
    expect(drawn).toMatch(/<g class="model-link" data-from="(tier:lgwan|internet)" data-to="(internet|tier:lgwan)"><path [^>]*stroke="#d32f2f"/);
  });

  it('draws the peering that joins two tiers in red', () => {
    const { links } = reportViewFromVerify(broken).diagram;
    expect(links).toContainEqual({ from: 'City::VpcLgwan', to: 'City::VpcInet', label: 'peering', violation: true });
    expect(links.filter((l) => l.violation).map((l) => l.label)).toEqual(['peering']);
  });
});

describe('JUnit from a verify() result', () => {
  it('fails the joined cells and the finding, passes the rest', () => {
    const mutated = clone(buildCity());
    mutated.Resources.Pcx = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: vpcId(mutated.Resources, 'Lgwan') }, PeerVpcId: { Ref: vpcId(mutated.Resources, 'Inet') } } };
    const xml = renderJunitFromVerify(verify([asLoaded('City', mutated)], loadPolicy()), { generatedAt: '2026-11-21T00:00:00Z' });
    expect(xml).toContain('<testsuite name="tier matrix" tests="90" failures="2"');
    expect(xml).toContain('<testsuite name="findings" tests="1" failures="1"');
    expect(xml).toContain('classname="closed-telework.TIER-JOIN-PEERING"');
  });
});
