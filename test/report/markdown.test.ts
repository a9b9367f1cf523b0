import { renderMarkdown } from '../../lib/report/markdown';
import { reportPasses } from '../../lib/report/report-input';
import { brokenAppReport, goodAppReport } from './support/broken-app-report';

/** The matrix row of `label` as its cells (first cell is the row label). */
function row(md: string, label: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| **${label}** |`));
  if (!line) throw new Error(`no matrix row for ${label}`);
  return line.split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, ''));
}

describe('Markdown report of a broken app', () => {
  const en = renderMarkdown(brokenAppReport(), { lang: 'en', diagramFile: 'tier-separation.en.svg' });
  const ja = renderMarkdown(brokenAppReport(), { lang: 'ja', diagramFile: 'tier-separation.ja.svg' });

  it('states the failure first, in each language', () => {
    expect(en).toContain('**FAIL:');
    expect(ja).toContain('**不適合：');
    expect(en).toContain('Findings: 2 errors, 0 warnings. Tier matrix: 2 forbidden paths, 1 unresolved pair.');
    expect(ja).toContain('指摘事項：重大な指摘 2 件、注意事項 0 件。系間マトリクス：禁止経路 2 件、未判定 1 件。');
  });

  it('has a verdict in every cell of the 8×8 matrix, in order (en)', () => {
    const header = en.split('\n').find((l) => l.startsWith('| from \\\\ to |'));
    expect(header).toBe('| from \\\\ to | Internet tier | LGWAN tier | Personal-number tier | On-prem (Internet tier) | On-prem (LGWAN tier) | On-prem (Personal-number tier) | Telework clients (Internet tier) | Telework clients (LGWAN tier) | Telework clients (Personal-number tier) | The internet |');
    const lgwan = row(en, 'LGWAN tier');
    // Issue 12: the LGWAN tier's own on-premises network and telework clients are the same tier, not "isolated".
    expect(lgwan).toEqual(['**LGWAN tier**', '✖ FORBIDDEN', '—', '✔ isolated', '✔ isolated', '＝ same tier', '✔ isolated', '✔ isolated', '＝ same tier', '✔ isolated', '✔ isolated']);
    expect(row(en, 'Internet tier')[10]).toBe('◎ sanctioned');
    expect(row(en, 'Personal-number tier')[10]).toBe('? UNRESOLVED');
    expect(row(en, 'Telework clients (LGWAN tier)')[2]).toBe('◎ sanctioned');
    // A path no rule forbids, between networks of one tier: shown as reachable, for the reviewer to confirm.
    expect(row(en, 'On-prem (Personal-number tier)')[3]).toBe('△ reachable (review)');
  });

  it('has the same matrix in Japanese', () => {
    const lgwan = row(ja, 'LGWAN接続系');
    expect(lgwan.slice(1, 3)).toEqual(['✖ 禁止経路', '—']);
    expect(row(ja, 'マイナンバー利用事務系')[10]).toBe('？ 未判定');
    expect(row(ja, 'テレワーク端末（LGWAN接続系）')[2]).toBe('◎ 正規経路');
    expect(row(ja, '庁内（マイナンバー利用事務系）')[3]).toBe('△ 到達可・要確認');
    expect(row(ja, 'LGWAN接続系')[5]).toBe('＝ 同一系');
    expect(ja).toContain('◎ 正規経路（宣言済み）：設計上の経路');
    expect(ja).toContain('△ 到達可（禁止規則に非該当・要確認）');
    expect(ja).toContain('| 発信元＼宛先 | インターネット接続系 | LGWAN接続系 | マイナンバー利用事務系 | 庁内（インターネット接続系） |');
  });

  it('gives the evidence of each cell: witness, reason, blocking layer', () => {
    expect(en).toContain('- **LGWAN tier → Internet tier**: ✖ FORBIDDEN');
    expect(en).toContain('  - path: leaves subnet LgwanSubnet1 (10.2.0.0/24) → route table: 10.1.0.0/16 matches 10.1.0.0/16 → peering Peering → VPC peering into InternetVpc');
    expect(en).toContain('  - see finding #1');
    expect(en).toContain('- **Internet tier → The internet**: ◎ sanctioned\n  - reachable, and no rule of the tier policy forbids it\n  - path: route table: 0.0.0.0/0 matches 0.0.0.0/0 → firewall EgressFirewall');
    expect(en).toContain('- **Telework clients (LGWAN tier) → LGWAN tier**: ◎ sanctioned\n  - screen transfer only (desktop streaming)');
    expect(en).toContain('- **Personal-number tier → The internet**: ? UNRESOLVED\n  - why: route target Fn::ImportValue Missing-Export could not be resolved');
    expect(en).toContain('- **Personal-number tier → LGWAN tier**: ✔ isolated\n  - blocked by: network ACL, security group');
    expect(ja).toContain('- **LGWAN接続系 → 庁内（LGWAN接続系）**：＝ 同一系\n  - 両者を結ぶ経路（ルート）がありません');
  });

  it('numbers each finding and lists its path hop by hop with construct paths', () => {
    expect(en).toContain('### #1 [error] LGWAN tier reaches the internet tier through VPC peering');
    expect(en).toContain('- From → to: LGWAN tier → Internet tier (both ways)');
    expect(en).toContain('- Traffic: TCP 443');
    expect(en).toContain('2. route table — route table: 10.1.0.0/16 matches 10.1.0.0/16 → peering Peering [City/Network/Lgwan/Rt (AWS::EC2::RouteTable)]');
    expect(en).toContain('4. network ACL — inbound network ACL rule 100 allows 0.0.0.0/0 [City-Network/InternetNacl (AWS::EC2::NetworkAcl)]');
    expect(en).toContain('- Layers that would still block: security group');
    expect(en).toContain('### #2 [error] VPC without a tier tag');
    expect(ja).toContain('### #1 [重大な指摘] LGWAN tier reaches the internet tier through VPC peering');
    expect(ja).toContain('- なお遮断できる層：セキュリティグループ');
  });

  it('cites the MIC clause of each finding in the reader\'s language', () => {
    // Issue 12: the clause as the named edition numbers it (第3編第2章 is 「情報セキュリティ対策基準（解説）」; the
    // resilience measures are its section 3, the tiers its sub-items).
    expect(en).toContain('- Requirement: MIC guideline (令和7年3月版), Part 3, Chapter 2 "Information security standards (commentary)", section 3 "Strengthening the resilience of the whole information system", (2) LGWAN tier');
    expect(ja).toContain('- 根拠となる要件：総務省ガイドライン（令和7年3月版）第3編第2章「情報セキュリティ対策基準（解説）」3.「情報システム全体の強靭性の向上」（2）LGWAN接続系');
  });

  it('lists every acknowledgement from every pack with its reason, and marks the refused one', () => {
    expect(en).toContain('| AwsSolutions | `VPC7` | Flow logs go to the central log account | `City/Network/Spare` | `City/Network/Spare/Resource` |');
    expect(en).toContain('| ThreeTierSeparation | `TIER-CROSSING` | **REFUSED: tier crossings cannot be acknowledged** — temporary migration link |');
    expect(ja).toContain('**拒否：系をまたぐ経路は適用除外（例外措置）にできません** — temporary migration link');
  });

  it('says what the model does not cover', () => {
    expect(en).toContain('## What the model does not cover');
    expect(en).toContain('- Gateway Load Balancer appliances are treated as opaque');
    expect(ja).toContain('## モデルの対象外');
  });

  it('renders the manual controls as a checklist table with where, basis and the columns a reviewer fills in', () => {
    expect(en).toMatch(/\| 1 \| Trusted-device certificates .*<br>console · WSH-MANUAL-TRUSTED-DEVICES \| In the WorkSpaces console .* Runbook: docs\/telework.md#runbook-trusted-devices \| ※1 \| {2}\| {2}\| conforms \/ does not conform \| {2}\|/);
    // Each runbook item says in one line what to do and what to keep as evidence, then where the steps are.
    expect(ja).toMatch(/\| 1 \| 信頼済みデバイス証明書.* \| WorkSpaces コンソールのディレクトリの「アクセス制御オプション」で.*証跡：変更記録に残した CA のフィンガープリントと日付。手順書：docs\/telework.md#runbook-trusted-devices \| ※1 \|/);
    expect(en).toMatch(/\| \d+ \| Idle timeout and screen lock<br>Group Policy · gpo-idle-lock \| .* \| ※1 \|/);
    expect(en).toContain('※1 MIC "LGWAN-tier telework security requirements for local governments in light of the response to COVID-19"');
    expect(ja).toMatch(/\| \d+ \| 無操作タイムアウトと画面ロック<br>グループポリシー · gpo-idle-lock \|/);
  });

  it('links the diagram', () => {
    expect(en).toContain('![Tiers and the links between them](tier-separation.en.svg)');
    expect(ja).toContain('](tier-separation.ja.svg)');
  });
});

describe('Markdown report of a good app', () => {
  const md = renderMarkdown(goodAppReport(), { lang: 'en' });
  it('passes and shows no forbidden or unresolved cell', () => {
    expect(md).toContain('**PASS:');
    expect(md).not.toContain('✖ FORBIDDEN');
    expect(md).not.toContain('? UNRESOLVED');
    expect(md).toContain('No findings.');
  });

  it('fails closed when the engine left a pair out of the matrix', () => {
    const input = goodAppReport();
    input.matrix = input.matrix.filter((c) => !(c.from.kind === 'tier' && c.from.tier === 'lgwan' && c.to.kind === 'internet'));
    const out = renderMarkdown(input, { lang: 'en' });
    expect(row(out, 'LGWAN tier')[10]).toBe('? UNRESOLVED');
  });

  it('escapes table-breaking characters in reasons', () => {
    const input = goodAppReport();
    input.acknowledgements = [{ pack: 'AwsSolutions', ruleId: 'EC23', reason: 'a | b\nc <script>', acknowledgedAt: 'X', suppressed: [] }];
    const out = renderMarkdown(input, { lang: 'en' });
    expect(out).toContain('| AwsSolutions | `EC23` | a \\| b c &lt;script&gt; | `X` |  |');
  });
});

describe('reportPasses', () => {
  it('passes a good app and fails each way a report can fail', () => {
    expect(reportPasses(goodAppReport())).toBe(true);
    expect(reportPasses(brokenAppReport())).toBe(false);
    expect(reportPasses({ ...goodAppReport(), matrix: goodAppReport().matrix.slice(1) })).toBe(false);
    expect(reportPasses({ ...goodAppReport(), findings: [brokenAppReport().findings[1]!] })).toBe(false);
    expect(reportPasses({ ...goodAppReport(), acknowledgements: [brokenAppReport().acknowledgements[1]!] })).toBe(false);
    expect(reportPasses({ ...goodAppReport(), findings: [{ ...brokenAppReport().findings[1]!, severity: 'warning' }] })).toBe(true);
  });
});

describe('terms and dates a municipality uses (issue 12)', () => {
  const en = renderMarkdown(brokenAppReport(), { lang: 'en', diagramFile: 'tier-separation.en.svg' });
  const ja = renderMarkdown(brokenAppReport(), { lang: 'ja', diagramFile: 'tier-separation.ja.svg' });

  it('writes the time of record in Japan Standard Time, as a 情報政策課 would', () => {
    // 2026-11-21T12:00:00.000Z is 21:00 in Japan.
    expect(ja).toContain('作成日時 2026年11月21日 21時00分（日本時間）');
    expect(en).toContain('Generated 21 November 2026, 21:00 JST');
  });

  it('names the guideline edition and the telework requirements the report is judged against, in every report', () => {
    expect(ja).toContain('判定の根拠：総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」（令和7年3月版）');
    expect(ja).toContain('「新型コロナウイルスへの対応等を踏まえた地方公共団体における LGWAN 接続系のテレワークセキュリティ要件について」（令和2年）');
    expect(en).toContain('Judged against MIC "Guidelines on Information Security Policies for Local Governments" (March 2025 edition, 令和7年3月版)');
  });

  it('uses 適合／不適合, 重大な指摘／注意事項 and 適用除外（例外措置）, never exam or sign-off words', () => {
    expect(ja).toContain('# 三層分離 確認結果報告書');
    expect(ja).toContain('## 適用除外（例外措置）の一覧');
    // 承認 stays only where it is one: the CISO approves the sanitising mechanism.
    expect(ja).not.toMatch(/合格|審査報告書|\[エラー\]|\[警告\]|承認（acknowledge）|承認でき|承認は|承認した場所/);
  });
});
