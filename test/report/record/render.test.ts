/**
 * The header of record and the auditor's sections, as a reviewer reads them, in both languages and both
 * formats: fine-grained assertions on the words and rows, not snapshots.
 */
import { renderHtml } from '../../../lib/report/html';
import { renderMarkdown } from '../../../lib/report/markdown';
import type { ReportInput } from '../../../lib/report/report-input';
import { goodAppReport } from '../support/broken-app-report';
import { exampleRecord } from '../support/record-fixture';

const input: ReportInput = { ...goodAppReport(), record: exampleRecord() };
const ja = renderHtml(input, { lang: 'ja' });
const en = renderHtml(input, { lang: 'en' });
const mdJa = renderMarkdown(input, { lang: 'ja' });
const mdEn = renderMarkdown(input, { lang: 'en' });

/** The text of a section (tags stripped), so assertions read as the reviewer reads. */
function sectionText(html: string, id: string): string {
  const start = html.indexOf(`<section class="record" id="record-${id}">`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start)).replace(/<br>/g, '\n').replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/[ \t]+/g, ' ');
}

describe('header of record', () => {
  it('comes before the matrix, with municipality, account/region, model, tool and commit, hashes, basis, command and JST time (ja)', () => {
    expect(ja.indexOf('id="record-provenance"')).toBeLessThan(ja.indexOf('id="matrix"'));
    const t = sectionText(ja, 'provenance');
    expect(t).toContain('作成の記録');
    expect(t).toMatch(/団体名 \s*example-city/);
    expect(t).toMatch(/AWS アカウント／リージョン \s*111122223333 \/ ap-northeast-1/);
    expect(t).toMatch(/総務省のモデル \s*αモデル/);
    expect(t).toContain('closed-telework 0.1.0（コミット 0123456789abcdef0123456789abcdef01234567）');
    expect(t).toContain(`config/example-city.yaml ${'a'.repeat(64)}`);
    expect(t).toContain(`examplecityNetworklgwan2F685A44.template.json ${'b'.repeat(64)}`);
    expect(t).toContain('（令和7年3月版）');
    expect(t).toContain('cdk synth -c config=config/example-city.yaml');
    expect(t).toContain('2026年12月6日 14時28分（日本時間）');
  });

  it('in English too', () => {
    const t = sectionText(en, 'provenance');
    // The tool's row is not "Checked by" (that is a person in the sign-off block).
    expect(t).toMatch(/Verification tool \s*closed-telework 0\.1\.0/);
    expect(t).toMatch(/Municipality \s*example-city/);
    expect(t).toMatch(/MIC model \s*α model/);
    expect(t).toContain('closed-telework 0.1.0 (commit 0123456789abcdef0123456789abcdef01234567)');
    expect(t).toContain('6 December 2026, 14:28 JST');
  });

  it('counts the cautions further down, so the first page says they exist', () => {
    expect(sectionText(ja, 'provenance')).toMatch(/注意事項 このほか、記録事項に注意事項が 3 件あります（ログの取得と保存期間、インターネットへの出口）/);
    expect(sectionText(en, 'provenance')).toContain('also hold 3 cautions (Logging and retention, Internet egress)');
  });

  it('has a signature block 作成者／確認者／承認者 with section, name, date and seal columns', () => {
    expect(ja).toContain('<tr><th>役割</th><th>所属</th><th>氏名</th><th>日付</th><th>印・署名</th><th>備考</th></tr>');
    for (const role of ['作成者', '確認者', '承認者']) expect(ja).toContain(`<tr><td>${role}</td><td></td><td></td><td></td><td></td><td></td></tr>`);
    expect(en).toContain('<tr><td>Approved by</td><td></td><td></td><td></td><td></td><td></td></tr>');
    expect(mdJa).toContain('| 承認者 |  |  |  |  |  |');
    // The cautions ask the officer to record acceptance in 備考, a column the block has (no 確認欄 the report lacks).
    expect(ja).toContain('決裁欄の備考に記入してください');
    expect(ja).not.toContain('確認欄');
    expect(en).toContain('in Remarks of the sign-off block');
    expect(en).not.toContain('in the checklist');
  });

  it('without a record (a hand-built input) the header is left out but the signature block and checklist stay', () => {
    const bare = renderHtml(goodAppReport(), { lang: 'ja' });
    expect(bare).not.toContain('id="record-provenance"');
    expect(bare).toContain('id="record-signature"');
    expect(bare).toContain('id="record-checklist"');
    expect(bare).not.toContain('id="record-logging"');
  });
});

describe('logging and retention', () => {
  it('tabulates each log with tier, destination and retention, and says an absent flow log is a caution (ja)', () => {
    const t = sectionText(ja, 'logging');
    expect(t).toMatch(/VPC フローログ LGWAN接続系 \/closed-telework\/example-city\/lgwan\/vpc-flow-logs 365 日 記録対象：すべての通信（許可・拒否とも）/);
    expect(t).toContain('マイナンバー利用事務系 VPC（Vpc）に VPC フローログがありません');
    expect(t).toMatch(/CloudTrail（操作履歴） — TrailBucket 365 日 全リージョン、ログファイルの整合性検証あり/);
    expect(t).toMatch(/S3 オブジェクトロック（改ざん防止） — TrailBucket 365 日 モード：ガバナンス（GOVERNANCE）/);
  });

  it('explains why GOVERNANCE and how to choose COMPLIANCE, as a caution, in both languages', () => {
    expect(sectionText(ja, 'logging')).toContain('注意事項 ガバナンスモードを採用している理由：特別な権限（s3:BypassGovernanceRetention）');
    expect(sectionText(ja, 'logging')).toContain('audit.objectLockMode を COMPLIANCE');
    expect(sectionText(en, 'logging')).toContain('Caution Why GOVERNANCE mode: an administrator given the special permission s3:BypassGovernanceRetention');
    const compliance = renderHtml({ ...input, record: { ...exampleRecord(), logs: exampleRecord().logs.map((l) => (l.kind === 'object-lock' ? { ...l, lockMode: 'COMPLIANCE' } : l)) } }, { lang: 'ja' });
    expect(sectionText(compliance, 'logging')).not.toContain('ガバナンスモードを採用している理由');
    expect(sectionText(compliance, 'logging')).toContain('コンプライアンスモード：保存期間中は誰も');
  });
});

describe('internet egress decision', () => {
  it('a local breakout is a caution the officer must accept, citing the guideline clause, and the tool does not decide it (ja)', () => {
    const t = sectionText(ja, 'egress');
    expect(t).toContain('本環境内の AWS Network Firewall から直接（自治体情報セキュリティクラウドを経由しない）');
    expect(t).toContain('許可するドメイン .lg.jp、.go.jp（それ以外は遮断）');
    expect(t).toContain('注意事項 インターネット接続系の通信は自治体情報セキュリティクラウドを経由せず');
    expect(t).toContain('（根拠：総務省ガイドライン（令和7年3月版）第3編第2章「情報セキュリティ対策基準（解説）」3.「情報システム全体の強靭性の向上」（3）インターネット接続系：自治体情報セキュリティクラウドに集約してインターネットに接続する）。');
    expect(t).toContain('本ツールはこの判断を行いません');
    // The acceptance is the officer's, never MIC's and never this tool's criterion presented as MIC's.
    expect(t).not.toContain('本ツールの判定基準');
  });

  it('in English', () => {
    const t = sectionText(en, 'egress');
    expect(t).toContain('Caution The internet tier does not go through the prefecture\'s security cloud');
    expect(t).toContain('(Basis: MIC guideline (令和7年3月版)');
    expect(t).toContain('This tool does not make that decision.');
  });

  it('through the security cloud there is no caution', () => {
    const sc = renderHtml({ ...input, record: { ...exampleRecord(), egress: [{ vpc: { stack: 's', logicalId: 'Vpc' }, kind: 'security-cloud-link' }] } }, { lang: 'ja' });
    expect(sectionText(sc, 'egress')).toContain('自治体情報セキュリティクラウド経由（インターネット接続系の回線へ既定経路）');
    expect(sectionText(sc, 'egress')).not.toContain('注意事項');
  });
});

describe('on-prem links', () => {
  it('names each link\'s type and carried ranges (ja, en, Markdown)', () => {
    const t = sectionText(ja, 'links');
    expect(t).toMatch(/LGWAN接続系 IPsec VPN（インターネット経由の暗号化通信） 172\.16\.20\.0\/22 対向装置 203\.0\.113\.20。静的ルーティングのみ/);
    expect(t).toMatch(/マイナンバー利用事務系 Direct Connect（専用線） 172\.16\.32\.0\/22 AWS から庁内へ広報する範囲 10\.30\.0\.0\/20/);
    expect(sectionText(en, 'links')).toMatch(/LGWAN tier IPsec VPN \(encrypted, over the internet\) 172\.16\.20\.0\/22 peer 203\.0\.113\.20\. static routing only/);
    expect(mdJa).toContain('| LGWAN接続系 | IPsec VPN（インターネット経由の暗号化通信） | 172.16.20.0/22 |');
  });
});

describe('the telework path', () => {
  it('lists device → Client VPN → streaming endpoint → desktop in order, with the verdict and the sign-in decision beside it (ja)', () => {
    const t = sectionText(ja, 'telework');
    const steps = ['端末（貸与端末）：VPN 接続時に割り当てるアドレス 10.200.0.0/22', 'Client VPN：UDP 443 番、認証は相互 TLS（クライアント証明書）、全トンネル', '画面転送用 VPC エンドポイント（com.amazonaws.ap-northeast-1.highlander）：TCP 443・TCP/UDP 4195（DCV）', '仮想デスクトップ（WorkSpaces）：ディレクトリ lgwan.example-city.internal（AWS Managed Microsoft AD）'];
    let at = -1;
    for (const step of steps) {
      const i = t.indexOf(step);
      expect(i).toBeGreaterThan(at);
      at = i;
    }
    expect(ja).toMatch(/<tr><th>判定<\/th><td>◎ 正規経路<\/td><\/tr><tr><th>サインイン<\/th><td>画面転送は閉域ですが、WorkSpaces のサインイン（TCP\/UDP 443）は端末からインターネット経由/);
    expect(t).toContain('（a）通信事業者によるサインイン用ドメインに限った折り返し');
  });

  it('in English and Markdown', () => {
    expect(sectionText(en, 'telework')).toContain('Client VPN: UDP 443, authentication mutual TLS (client certificate), full tunnel (nothing else while connected), at most 8 hours, connection logs on.');
    expect(mdEn).toMatch(/### LGWAN tier — example-city\/Telework-lgwan \/ ClientVpnEndpoint .*\n\n1\. Device \(lent\)/);
    expect(mdEn).toContain('- **Verdict**: ◎ sanctioned');
  });
});

describe('automated controls', () => {
  it('lists each control with its value in the reader\'s words, and where it is set', () => {
    const t = sectionText(ja, 'controls');
    expect(t).toMatch(/LGWAN接続系 クリップボード共有（仮想デスクトップ→端末） 無効 ※1/);
    expect(t).toMatch(/接続できる端末の種類：Web ブラウザ 拒否/);
    expect(t).toMatch(/VPN セッションの最大接続時間 8 時間 ※2/);
    expect(t).toContain('※1 example-city/Telework-lgwan / DirectoryHardening');
    expect(sectionText(en, 'controls')).toMatch(/Printing to the device's printer off/);
    expect(sectionText(en, 'controls')).toMatch(/Device type allowed to connect: Windows allowed/);
  });
});

describe('exceptions', () => {
  it('leave who accepted each one, when, and until when to the officer (ja, en)', () => {
    expect(ja).toMatch(/<table id="acknowledgements"><tr>(<th>[^<]*<\/th>){5}<th>責任者<\/th><th>記録日<\/th><th>見直し期限<\/th><\/tr>/);
    expect(en).toMatch(/<th>Owner<\/th><th>Recorded on<\/th><th>Review by<\/th><\/tr>/);
    expect(ja.match(/<\/td><td><\/td><td><\/td><td><\/td><\/tr>/g)?.length).toBeGreaterThanOrEqual(input.acknowledgements.length);
  });
});

describe('manual checklist', () => {
  it('has 確認者・確認日・結果・証跡 columns and every item, MFA to device posture included (ja)', () => {
    expect(ja).toContain('<tr><th>番号</th><th>項目</th><th>確認方法</th><th>根拠</th><th>確認者</th><th>確認日</th><th>結果</th><th>証跡</th></tr>');
    const t = sectionText(ja, 'checklist');
    for (const title of ['テレワーク利用者全員の多要素認証', 'パスワードポリシーとアカウントロックアウト', 'ディレクトリ管理者パスワードの定期変更', 'クライアント証明書の発行と失効', '初回デプロイ前の一度限りの作業', 'テレワーク端末の状態確認', 'インターネットを経由する通信の確認']) {
      expect(t).toContain(title);
    }
    expect(ja.match(/<td>適合 ／ 不適合<\/td>/g)).toHaveLength(input.manualControls.length);
    expect(t).toContain('※1 総務省「新型コロナウイルスへの対応等を踏まえた地方公共団体における LGWAN 接続系のテレワークセキュリティ要件について」（令和2年）');
  });

  it('in English and Markdown', () => {
    expect(en).toContain('<th>Checked by</th><th>Date</th><th>Result</th><th>Evidence</th>');
    expect(sectionText(en, 'checklist')).toContain('Multi-factor authentication for every telework user');
    expect(mdJa).toContain('| 番号 | 項目 | 確認方法 | 根拠 | 確認者 | 確認日 | 結果 | 証跡 |');
    expect(mdJa).toMatch(/\| 1 \| 信頼済みデバイス証明書.*<br>コンソール · WSH-MANUAL-TRUSTED-DEVICES \|/);
  });
});
