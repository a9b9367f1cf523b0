/**
 * Issue 12 point 3: the matrix cell telework clients → their own tier reads ◎ (sanctioned, declared) when
 * every packet that arrives comes from the declared Client VPN and lands in the tier's telework subnets (the
 * streaming endpoint in the example city), and not otherwise. Read on the example city's real templates
 * (synthesised in process) with the example policy, in both languages, and against one-line mutations: the
 * Client VPN's range undeclared in the policy (△), and an authorisation and the endpoint's egress widened so the clients
 * also land in the directory's subnets (✖ by TELEWORK-BEYOND-DESKTOP; and △, not ◎, even with that finding
 * taken away: the symbol follows the arrivals, not the absence of a finding).
 */
import * as fs from 'fs';
import * as path from 'path';
import { verify, type VerifyResult } from '../../lib/checks';
import { loadPolicy } from '../../lib/policy/load';
import type { TierPolicy } from '../../lib/policy/schema';
import { assembleReportInput } from '../../lib/report/assemble';
import { cellDisplay, cellEvidence } from '../../lib/report/describe';
import { matrixFromVerify, reportViewFromVerify } from '../../lib/report/from-verify-result';
import { renderHtml } from '../../lib/report/html';
import { messagesFor } from '../../lib/report/i18n';
import { renderMarkdown } from '../../lib/report/markdown';
import { endKey, type MatrixCell } from '../../lib/report/report-input';
import { clone, first, synthExampleTemplates } from './record/example-templates';
import type { LoadedTemplate } from '../../lib/model/load/template';

const POLICY = path.join(__dirname, '..', '..', 'policies', 'tier-policy.yaml');

function teleworkCell(cells: MatrixCell[]): MatrixCell {
  const cell = cells.find((c) => endKey(c.from) === 'telework:lgwan' && endKey(c.to) === 'tier:lgwan');
  if (!cell) throw new Error('no telework:lgwan → tier:lgwan cell');
  return cell;
}

describe('the telework cell of the example city: ◎ only when every arrival is the declared one', () => {
  let dir: string;
  let templates: LoadedTemplate[];
  let policy: TierPolicy;
  let good: VerifyResult;
  beforeAll(() => {
    ({ dir, templates } = synthExampleTemplates());
    policy = loadPolicy(POLICY);
    good = verify(templates, policy);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the Client VPN reaches the streaming endpoint by packets, and the cell reads ◎ with the subnets it lands in', () => {
    const cell = teleworkCell(reportViewFromVerify(good, policy).matrix);
    expect(cell.verdict).toBe('permitted');
    expect(cell.via).toBe('packets');
    expect(cellDisplay(cell)).toBe('sanctioned');
    const arrivals = cell.declaredTelework!.arrivals.map((r) => r.logicalId);
    expect(arrivals.length).toBe(2);
    for (const id of arrivals) expect(id).toMatch(/^TierNetworkVpcendpointsSubnet[12]/);
    const ja = cellEvidence(cell, messagesFor('ja'));
    expect(ja[0]).toMatch(/^宣言済みのテレワーク端末（ポリシーの teleworkClients）からの通信は、この系のテレワーク用サブネット/);
    expect(ja[0]).toContain('example-city/Network-lgwan/TierNetworkVpcendpointsSubnet1');
    const en = cellEvidence(cell, messagesFor('en'));
    expect(en[0]).toMatch(/^the declared telework clients \(the policy's teleworkClients\) arrive only in this tier's telework subnets/);
  });

  it('the rendered reports show ◎ in that cell, in both languages', () => {
    const input = assembleReportInput({ findings: good.findings, report: reportViewFromVerify(good, policy), acknowledgements: [], sources: [], generatedAt: '2026-12-06T05:28:00Z' });
    const jaHtml = renderHtml(input, { lang: 'ja' });
    const cellHtml = (html: string) => html.slice(html.indexOf('data-from="telework:lgwan" data-to="tier:lgwan"'), html.indexOf('</td>', html.indexOf('data-from="telework:lgwan" data-to="tier:lgwan"')));
    expect(cellHtml(jaHtml)).toContain('<summary>◎ 正規経路</summary>');
    expect(cellHtml(renderHtml(input, { lang: 'en' }))).toContain('<summary>◎ sanctioned</summary>');
    expect(renderMarkdown(input, { lang: 'ja' })).toContain('- **テレワーク端末（LGWAN接続系） → LGWAN接続系**：◎ 正規経路');
    expect(renderMarkdown(input, { lang: 'en' })).toContain('- **Telework clients (LGWAN tier) → LGWAN tier**: ◎ sanctioned');
  });

  it('the internet tier → internet cell says the egress is built but nothing may send yet (✔ with routes), in both languages', () => {
    const cell = reportViewFromVerify(good, policy).matrix.find((c) => endKey(c.from) === 'tier:internet' && endKey(c.to) === 'internet')!;
    expect(cell.verdict).toBe('isolated');
    expect(cell.routeConnected).toBe(true);
    expect(cellEvidence(cell, messagesFor('ja'))[0]).toMatch(/^インターネットへの出口（経路）は構築されていますが、テンプレート上のどのセキュリティグループもインターネット宛ての送信をまだ許可していません/);
    expect(cellEvidence(cell, messagesFor('en'))[0]).toMatch(/^the way out to the internet is built \(routes reach it\), but no security group in the templates lets anything send/);
    // The legend's ✔ covers that case: a route whose every packet a filter stops.
    expect(messagesFor('ja').legend).toMatch(/^✔ 分離：経路がない、または経路はあるがネットワーク ACL・セキュリティグループがすべての通信を止めている/);
    // No such line on a cell whose routes do not connect.
    const lgwanOut = reportViewFromVerify(good, policy).matrix.find((c) => endKey(c.from) === 'tier:lgwan' && endKey(c.to) === 'internet')!;
    expect(cellEvidence(lgwanOut, messagesFor('ja')).join('\n')).not.toContain('インターネットへの出口');
  });

  it('without the policy (nothing declared) the same arrivals read △', () => {
    const cell = teleworkCell(matrixFromVerify(good));
    expect(cell.declaredTelework).toBeUndefined();
    expect(cellDisplay(cell)).toBe('reachable');
  });

  it("one-line mutation: the policy declares another client range, so the Client VPN's clients are not the declared ones: △", () => {
    const undeclared: TierPolicy = { ...policy, teleworkClients: policy.teleworkClients.map((p) => ({ ...p, cidrs: ['10.201.0.0/22'] })) };
    const result = verify(templates, undeclared);
    const cell = teleworkCell(reportViewFromVerify(result, undeclared).matrix);
    expect(cell.declaredTelework).toBeUndefined();
    expect(['reachable', 'violation']).toContain(cellDisplay(cell));
    expect(cellDisplay(cell)).not.toBe('sanctioned');
    expect(cellEvidence(cell, messagesFor('ja')).join('\n')).not.toContain('宣言済みのテレワーク端末');
    expect(cellEvidence(cell, messagesFor('en')).join('\n')).not.toContain('declared telework clients');
  });

  it('two-line mutation: an authorisation and the endpoint\'s egress widened to 10.20.2.0/24 let the clients land in the directory\'s subnets too: ✖, and △ without the finding', () => {
    const mutated = clone(templates);
    first(mutated, 'AWS::EC2::ClientVpnAuthorizationRule').r.Properties!.TargetNetworkCidr = '10.20.2.0/24';
    (first(mutated, 'AWS::EC2::SecurityGroup', (r) => String(r.Properties?.GroupDescription).startsWith('Client VPN')).r.Properties!.SecurityGroupEgress as Array<{ CidrIp: string }>)[0]!.CidrIp = '10.20.2.0/24';
    const result = verify(mutated, policy);
    expect(result.findings.map((f) => f.rule)).toContain('TELEWORK-BEYOND-DESKTOP');
    const cell = teleworkCell(reportViewFromVerify(result, policy).matrix);
    expect(cellDisplay(cell)).toBe('violation');
    // The symbol follows the arrivals: with the finding taken away the cell is △, never ◎.
    const withoutFinding = teleworkCell(matrixFromVerify({ ...result, findings: [] }, policy));
    expect(withoutFinding.declaredTelework).toBeUndefined();
    expect(cellDisplay(withoutFinding)).toBe('reachable');
  });
});
