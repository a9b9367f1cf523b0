/**
 * The report speaks one language (issue 12): the Japanese report has no English sentence outside
 * identifiers (resource ids, construct paths, CIDRs, ports, AWS product names), and the English report no
 * Japanese outside the names the guideline gives (三層分離, 無害化 are explained in English around them). Read
 * on real engine runs of the city fixture: the good city, and the city with an LGWAN ↔ internet-tier
 * peering and an internet route out of the LGWAN tier (paths, hops, findings, coverage, the matrix).
 * Also: 未構成 for ends the templates do not build, and the one-line answer to the three questions.
 */
import { loadPolicy, verify, type VerifyResult } from '../../lib/checks';
import { assembleReportInput } from '../../lib/report/assemble';
import { configuredEnds, reportViewFromVerify } from '../../lib/report/from-verify-result';
import { renderHtml } from '../../lib/report/html';
import { renderMarkdown } from '../../lib/report/markdown';
import { renderDiagramSvg } from '../../lib/report/diagram-svg';
import { brokenAppReport, goodAppReport } from './support/broken-app-report';
import { exampleRecord } from './support/record-fixture';
import type { ReportInput } from '../../lib/report/report-input';
import { asLoaded, buildCity, clone, vpcId } from '../fixtures/city';
import { englishSentences, halfWidthInJapanese, japaneseInEnglish } from './support/language-check';

function reportOf(result: VerifyResult): ReportInput {
  return assembleReportInput({ findings: result.findings, report: reportViewFromVerify(result), acknowledgements: [], sources: ['City.template.json'], generatedAt: '2026-12-06T05:28:00Z' });
}

describe('the report speaks the reader’s language', () => {
  const policy = loadPolicy();
  const city = buildCity();
  let good: VerifyResult;
  let broken: VerifyResult;
  beforeAll(() => {
    good = verify([asLoaded('City', city)], policy);
    const mutated = clone(city);
    const lgwan = vpcId(city.Resources, 'Lgwan');
    mutated.Resources.Pcx = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: lgwan }, PeerVpcId: { Ref: vpcId(city.Resources, 'Inet') } } };
    const rt = Object.keys(city.Resources).find((k) => city.Resources[k]!.Type === 'AWS::EC2::RouteTable' && k.includes('Lgwan'))!;
    mutated.Resources.ToInet = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: rt }, DestinationCidrBlock: '10.10.0.0/16', VpcPeeringConnectionId: { Ref: 'Pcx' } } };
    broken = verify([asLoaded('City', mutated)], policy);
  });

  it('the broken city has findings with paths (so the check below reads hops, titles and messages)', () => {
    expect(broken.findings.some((f) => f.rule === 'TIER-CROSSING' && f.path.length > 2)).toBe(true);
    expect(broken.findings.some((f) => f.rule === 'TIER-JOIN-PEERING')).toBe(true);
  });

  it.each([['good', () => good], ['broken', () => broken]])('Japanese report of the %s city: no English sentence outside identifiers (Markdown and HTML)', (_, result) => {
    const input = reportOf(result());
    expect(englishSentences(renderMarkdown(input, { lang: 'ja' }))).toEqual([]);
    expect(englishSentences(renderHtml(input, { lang: 'ja' }))).toEqual([]);
  });

  it.each([['good', () => good], ['broken', () => broken]])('English report of the %s city: no Japanese outside the guideline’s names (Markdown and HTML)', (_, result) => {
    const input = reportOf(result());
    expect(japaneseInEnglish(renderMarkdown(input, { lang: 'en' }))).toEqual([]);
    expect(japaneseInEnglish(renderHtml(input, { lang: 'en' }))).toEqual([]);
  });

  it('findings of the resource rules are worded in the reader\'s language too (another account let into the LGWAN tier)', () => {
    const granted = clone(city);
    const subnet = Object.keys(city.Resources).find((k) => city.Resources[k]!.Type === 'AWS::EC2::Subnet' && k.includes('Lgwan'))!;
    granted.Resources.Eni = { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: { Ref: subnet } } };
    granted.Resources.EniPerm = { Type: 'AWS::EC2::NetworkInterfacePermission', Properties: { NetworkInterfaceId: { Ref: 'Eni' }, AwsAccountId: '444455556666', Permission: 'INSTANCE-ATTACH' } };
    const result = verify([asLoaded('City', granted)], policy);
    expect(result.findings.some((f) => f.rule === 'ACCESS-GRANT-INTO-TIER')).toBe(true);
    const input = reportOf(result);
    const ja = renderMarkdown(input, { lang: 'ja' });
    expect(ja).toContain('EniPerm：LGWAN接続系のネットワークインターフェイス Eni を 444455556666（アカウント ID の直書き。');
    expect(englishSentences(ja)).toEqual([]);
    expect(englishSentences(renderHtml(input, { lang: 'ja' }))).toEqual([]);
    const en = renderMarkdown(input, { lang: 'en' });
    expect(en).toContain('EniPerm: network interface Eni in LGWAN tier may be used by 444455556666 (a literal account id');
    expect(japaneseInEnglish(en)).toEqual([]);
  });

  it.each([
    ['good city', () => reportOf(good)],
    ['broken city', () => reportOf(broken)],
    ['good app with the record sections', () => ({ ...goodAppReport(), record: exampleRecord() })],
    ['broken app (unresolved, filtered crossing, acknowledgements)', () => brokenAppReport()],
  ])('Japanese report of the %s: full-width punctuation in Japanese text — （双方向）, 経路：, ネットワーク ACL、セキュリティグループ (Markdown, HTML, SVG)', (_, make) => {
    const input = make();
    expect(halfWidthInJapanese(renderMarkdown(input, { lang: 'ja' }))).toEqual([]);
    expect(halfWidthInJapanese(renderHtml(input, { lang: 'ja' }))).toEqual([]);
    expect(halfWidthInJapanese(renderDiagramSvg(input, { lang: 'ja' }))).toEqual([]);
  });

  it('a finding reads （双方向） and 発信元 → 宛先： in Japanese, (both ways) and ": " in English', () => {
    const input = reportOf(broken);
    const ja = renderMarkdown(input, { lang: 'ja' });
    expect(ja).toMatch(/- 発信元 → 宛先：LGWAN接続系 → インターネット接続系（双方向）/);
    expect(ja).toMatch(/ {2}- 遮断している要素：[^\n]*、/);
    expect(renderMarkdown(input, { lang: 'en' })).toMatch(/- From → to: LGWAN tier → Internet tier \(both ways\)/);
  });

  it('the check itself finds an English sentence and stray Japanese (it cannot pass vacuously)', () => {
    expect(halfWidthInJapanese('発信元 → 宛先: A → B (双方向)')).toEqual(['発信元 → 宛先: A → B (双方向)']);
    expect(halfWidthInJapanese('遮断している要素：ネットワーク ACL, セキュリティグループ')).toHaveLength(1);
    expect(halfWidthInJapanese('Validations.of(...).acknowledge() により `City/Pcx (AWS::EC2::VPCPeeringConnection)` 経路：')).toEqual([]);
    expect(englishSentences('経路：route table sends every packet')).toEqual(['route table sends every packet']);
    expect(englishSentences('サブネット SubnetLgwanA（10.20.0.0/24） から送信 [City/Net/Rt (AWS::EC2::Route)]')).toEqual([]);
    expect(japaneseInEnglish('leaves subnet A / 系間の通信経路')).toEqual(['系間の通信経路']);
  });

  it('hops print address sets as CIDR blocks, the default route marked 既定経路', () => {
    const md = renderMarkdown(reportOf(broken), { lang: 'ja' });
    expect(md).toMatch(/ルートテーブル：宛先 10\.10\.0\.0\/16 → VPC ピアリング Pcx（この経路で送られる宛先 10\.10\.0\.0\/16/);
    expect(md).not.toMatch(/\d+\.\d+\.\d+\.\d+–\d/);
  });

  it('marks cells whose ends the templates do not build as 未構成, not 分離', () => {
    const configured = configuredEnds(good.model);
    const input = reportOf(good);
    const unbuilt = input.matrix.filter((c) => c.unconfigured);
    expect(unbuilt.length).toBeGreaterThan(0);
    // Exactly the isolated cells with an end the templates do not build.
    const key = (e: ReportInput['matrix'][number]['from']) => (e.kind === 'internet' ? 'internet' : `${e.kind === 'telework-clients' ? 'telework' : e.kind}:${e.tier}`);
    for (const c of input.matrix) expect(!!c.unconfigured).toBe(c.verdict === 'isolated' && (!configured.has(key(c.from)) || !configured.has(key(c.to))));
    expect(configured.has('telework:personal-number')).toBe(false);
    const ja = renderMarkdown(input, { lang: 'ja' });
    expect(ja).toContain('- **テレワーク端末（マイナンバー利用事務系） → マイナンバー利用事務系**：－ 未構成\n  - 発信元または宛先がテンプレートに構築されていません');
    expect(ja).toContain('－ 未構成');
    expect(renderMarkdown(input, { lang: 'en' })).toContain('－ not built');
  });

  it('the telework cell states how clients authenticate, what they send and where they arrive', () => {
    const withCertificates = clone(city);
    const cvpn = Object.keys(city.Resources).find((k) => city.Resources[k]!.Type === 'AWS::EC2::ClientVpnEndpoint' && k.includes('Lgwan'))!;
    (withCertificates.Resources[cvpn]!.Properties as Record<string, unknown>).AuthenticationOptions = [{ Type: 'certificate-authentication', MutualAuthentication: { ClientRootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111122223333:certificate/ca' } }];
    const input = reportOf(verify([asLoaded('City', withCertificates)], policy));
    const cell = (md: string, head: string): string => md.slice(md.indexOf(head), md.indexOf('\n- **', md.indexOf(head) + 1));
    const ja = cell(renderMarkdown(input, { lang: 'ja' }), '- **テレワーク端末（LGWAN接続系） → LGWAN接続系**');
    expect(ja).toContain(`経路：テレワーク端末が Client VPN ${cvpn} に接続（相互 TLS 認証（クライアント証明書））`);
    expect(ja).toContain('画面転送の通信：TCP 443（登録・認証）、TCP/UDP 4172（PCoIP）、TCP/UDP 4195（WSP）');
    expect(ja).toMatch(/→ サブネット SubnetLgwanDesktop\w*（[\d./]+） に到達/);
    // Each step names its own layer once: no 「ルートテーブル ルートテーブル：」 or 「ネットワーク ACL 送信側のネットワーク ACL」.
    expect(ja).not.toMatch(/ルートテーブル ルートテーブル|ネットワーク ACL [送受]信側|セキュリティグループ セキュリティグループ|入口 |到達先 /);
    expect(ja).toContain('→ ルートテーブル：宛先 ');
    const en = cell(renderMarkdown(input, { lang: 'en' }), '- **Telework clients (LGWAN tier) → LGWAN tier**');
    expect(en).toContain(`telework clients connect to Client VPN ${cvpn} (mutual TLS (client certificate))`);
    expect(en).toContain('screen transfer traffic: TCP 443 (registration and sign-in), TCP/UDP 4172 (PCoIP), TCP/UDP 4195 (WSP)');
  });

  it('answers the three questions in one line above the grid', () => {
    const goodJa = renderMarkdown(reportOf(good), { lang: 'ja' });
    expect(goodJa).toContain('**三層間の到達：なし ／ 閉域の系→インターネット：なし ／ マイナンバー利用事務系のテレワーク入口：なし**');
    expect(goodJa.indexOf('三層間の到達')).toBeLessThan(goodJa.indexOf('| 発信元＼宛先 |'));
    const brokenJa = renderMarkdown(reportOf(broken), { lang: 'ja' });
    expect(brokenJa).toMatch(/\*\*三層間の到達：あり（\d+ 件） ／ 閉域の系→インターネット：なし ／ マイナンバー利用事務系のテレワーク入口：なし\*\*/);
    expect(renderHtml(reportOf(broken), { lang: 'en' })).toMatch(/<p class="answers"><strong>Between the three tiers: \d+ forbidden path\(s\) \/ Closed tiers ↔ internet: no path \/ Telework entry into the personal-number tier: none<\/strong><\/p>/);
  });
});
