/**
 * The controls a reviewer must check by hand because CloudFormation cannot express them.
 * The desktops' runbook (trusted-device certificates, the Group Policy redirection baseline, the
 * post-deploy Network Access Analyzer run) comes first; the audit command reads the same list (re-exported
 * by lib/desktops/hardening-baseline.ts as MANUAL_CONTROLS), so the report and the audit can never disagree
 * about it. The items after it are the ones only a reviewer of the whole environment checks (screen lock,
 * device procedure, what still crosses the internet).
 * Defined here, on the prove side, because the prove side imports nothing from the build side.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { ManualControl } from './report-input';

/** The desktops' runbook: controls no API can apply or read (docs/telework.md has the steps). */
export const DESKTOP_RUNBOOK_CONTROLS: ReadonlyArray<{ id: string; title: { en: string; ja: string }; how: { en: string; ja: string }; where: string }> = [
  {
    id: 'WSH-MANUAL-TRUSTED-DEVICES',
    title: { en: 'Trusted-device certificates (console only, ≤ 2 root CAs per platform, no revocation)', ja: '信頼済みデバイス証明書（コンソールのみ・ルートCA最大2つ・失効不可）' },
    how: {
      en: 'In the WorkSpaces console (the directory\'s access control options), import the root CA of the lent devices\' certificates (at most two per platform), allow only trusted devices for each approved platform and block the others. There is no revocation here: a lost device is blocked by disabling its user or rotating the CA. Evidence: the CA fingerprint and date in the change log.',
      ja: 'WorkSpaces コンソールのディレクトリの「アクセス制御オプション」で、貸与端末の証明書を発行したルート CA（プラットフォームごとに 2 つまで）を登録し、認めたプラットフォームは信頼済みデバイスのみ許可、それ以外は拒否とする。ここでは証明書を失効できないため、紛失した端末は利用者の無効化または CA の入れ替えで遮断する。証跡：変更記録に残した CA のフィンガープリントと日付。',
    },
    where: 'docs/telework.md#runbook-trusted-devices',
  },
  {
    id: 'WSH-MANUAL-GPO-REDIRECTION',
    title: { en: 'Group Policy: drive, clipboard, printer, USB redirection off on every desktop', ja: 'グループポリシー：ドライブ・クリップボード・プリンタ・USBリダイレクト無効化' },
    how: {
      en: 'Install the WorkSpaces DCV administrative template on the directory\'s domain controllers and link one GPO to the desktops\' OU that turns off clipboard, printer, drive and USB redirection. Evidence: the GPO settings report and the OU it is linked to.',
      ja: 'ディレクトリのドメインコントローラーに WorkSpaces（DCV）の管理用テンプレートを導入し、クリップボード・プリンタ・ドライブ・USB のリダイレクトを無効にする GPO を仮想デスクトップの OU にリンクする。証跡：GPO の設定レポートとリンク先の OU。',
    },
    where: 'docs/telework.md#runbook-group-policy',
  },
  {
    id: 'WSH-MANUAL-ACCESS-ANALYZER',
    title: { en: 'Post-deploy Network Access Analyzer run: every scope must have no findings', ja: 'デプロイ後の Network Access Analyzer 実行：全スコープで検出ゼロ' },
    how: {
      en: 'After every deployment, analyse every access scope the stacks create (tag mic:scope) with Network Access Analyzer; each must end with no findings. Evidence: the dated analysis results.',
      ja: 'デプロイのたびに、スタックが作成するアクセススコープ（タグ mic:scope）をすべて Network Access Analyzer で分析し、いずれも検出が 0 件であることを確かめる。証跡：日付入りの分析結果。',
    },
    where: 'docs/telework.md#runbook-network-access-analyzer',
  },
];

/** Where each desktop control is set; an id this table does not know is shown as a procedure. */
const DESKTOP_CONTROL_WHERE: Record<string, ManualControl['where']> = {
  'WSH-MANUAL-TRUSTED-DEVICES': 'console',
  'WSH-MANUAL-GPO-REDIRECTION': 'group-policy',
  'WSH-MANUAL-ACCESS-ANALYZER': 'procedure',
};

function fromDesktop(c: (typeof DESKTOP_RUNBOOK_CONTROLS)[number]): ManualControl {
  return {
    id: c.id,
    where: DESKTOP_CONTROL_WHERE[c.id] ?? 'procedure',
    en: { title: c.title.en, how: `${c.how.en} Runbook: ${c.where}` },
    ja: { title: c.title.ja, how: `${c.how.ja}手順書：${c.where}` },
    citation: 'teleworkLgwanRequirements',
  };
}

const REPORT_ONLY_CONTROLS: readonly ManualControl[] = [
  {
    id: 'gpo-idle-lock',
    where: 'group-policy',
    en: {
      title: 'Idle timeout and screen lock',
      how: 'Group Policy: lock the session after at most 300 seconds idle and disconnect idle sessions; set an account lockout threshold.',
    },
    ja: {
      title: '無操作タイムアウトと画面ロック',
      how: 'グループポリシーで 300 秒以内の無操作で画面をロックし、アイドルセッションを切断する。アカウントロックアウトのしきい値を設定する。',
    },
    citation: 'teleworkLgwanRequirements',
  },
  {
    id: 'proc-device-rules',
    where: 'procedure',
    en: {
      title: 'Lent devices, privacy filters, client firewall',
      how: 'Check the device procedure: lent devices preferred (BYOD only with the government-standard measures), privacy filters, and a client firewall that blocks other traffic during a session.',
    },
    ja: {
      title: '貸与端末・覗き見防止フィルター・端末側ファイアウォール',
      how: '端末の運用手順を確認する：貸与端末を原則とし（私用端末は所定の対策を満たす場合のみ）、覗き見防止フィルターを使用し、接続中は他の通信を遮断する端末側ファイアウォールを有効にする。',
    },
    citation: 'teleworkLgwanRequirements',
  },
  {
    id: 'idp-mfa',
    where: 'console',
    en: {
      title: 'Multi-factor authentication for every telework user',
      how: 'Enforce MFA where users sign in: RADIUS MFA on the WorkSpaces directory (Directory Service, "Multi-factor authentication"), and MFA for the Client VPN application in the IdP when SAML is used (the VPN itself cannot check it). Evidence: the directory\'s RADIUS status "Completed" and the IdP policy.',
    },
    ja: {
      title: 'テレワーク利用者全員の多要素認証',
      how: '利用者がサインインする箇所で多要素認証を必須にする：WorkSpaces のディレクトリに RADIUS による多要素認証を設定する（Directory Service の「多要素認証」）。SAML を併用する場合は IdP 側で Client VPN アプリケーションに多要素認証を必須にする（VPN 自体は確認できない）。証跡：ディレクトリの RADIUS 状態「完了」と IdP のポリシー画面。',
    },
    citation: 'teleworkLgwanRequirements',
  },
  {
    id: 'gpo-password-lockout',
    where: 'group-policy',
    en: {
      title: 'Password policy and account lockout',
      how: 'In the directory\'s Default Domain Policy (or a fine-grained password policy for telework users): minimum length, complexity and history as the municipality\'s security policy requires, and an account lockout threshold and duration. Evidence: the policy settings exported from Group Policy Management.',
    },
    ja: {
      title: 'パスワードポリシーとアカウントロックアウト',
      how: 'ディレクトリの Default Domain Policy（またはテレワーク利用者向けの細かい設定のパスワードポリシー）で、団体の情報セキュリティポリシーが定める最小文字数・複雑さ・履歴と、アカウントロックアウトのしきい値・期間を設定する。証跡：グループポリシー管理からエクスポートした設定。',
    },
    citation: 'teleworkLgwanRequirements',
  },
  {
    id: 'proc-ad-admin-rotation',
    where: 'procedure',
    en: {
      title: 'Directory administrator password rotation',
      how: 'Rotate the directory\'s Admin password on the municipality\'s schedule (aws ds reset-user-password for Admin, then aws secretsmanager put-secret-value on the secret the stack created); the stack generates it but does not rotate it (docs/telework.md, "Other one-time and periodic steps"). Evidence: the secret\'s last-changed date.',
    },
    ja: {
      title: 'ディレクトリ管理者パスワードの定期変更',
      how: '団体の定める周期でディレクトリの Admin パスワードを変更する（aws ds reset-user-password で Admin を変更し、スタックが作成したシークレットに aws secretsmanager put-secret-value で登録する）。スタックは生成のみ行い、変更は行わない（docs/telework.md「その他の初回・定期作業」）。証跡：シークレットの最終変更日。',
    },
    citation: 'teleworkLgwanRequirements',
  },
  {
    id: 'proc-client-certificates',
    where: 'procedure',
    en: {
      title: 'Client certificates: issue one per lent device, revoke lost ones',
      how: 'Issue one certificate per lent device from the tier\'s private CA (aws acm-pca issue-certificate with the EndEntityClientAuthCertificate template) and install it with its key on that device only; keep a register of issued certificates; on loss or return, revoke it and import the revocation list into the Client VPN endpoint (aws ec2 import-client-vpn-client-certificate-revocation-list). Evidence: the register and the endpoint\'s revocation list date.',
    },
    ja: {
      title: 'クライアント証明書の発行と失効',
      how: '系ごとのプライベート CA から貸与端末 1 台ごとに証明書を発行し（aws acm-pca issue-certificate、テンプレート EndEntityClientAuthCertificate）、鍵とともにその端末にのみ導入する。発行台帳を備える。紛失・返却時は失効させ、失効リストを Client VPN エンドポイントに登録する（aws ec2 import-client-vpn-client-certificate-revocation-list）。証跡：発行台帳とエンドポイントの失効リストの登録日。',
    },
    citation: 'teleworkLgwanRequirements',
  },
  {
    id: 'proc-one-time-steps',
    where: 'procedure',
    en: {
      title: 'One-time steps before the first deployment',
      how: 'Availability Zone IDs supported by WorkSpaces chosen (aws ec2 describe-availability-zones), workspaces_DefaultRole created, trusted-device root CA uploaded, Group Policy baseline linked (docs/telework.md, "Runbook of manual controls"). Evidence: the command outputs and console screenshots, dated.',
    },
    ja: {
      title: '初回デプロイ前の一度限りの作業',
      how: 'WorkSpaces が対応するアベイラビリティーゾーン ID の選定（aws ec2 describe-availability-zones）、workspaces_DefaultRole の作成、信頼済みデバイスのルート CA の登録、グループポリシー基準の適用（docs/telework.md「手動で実施する統制」）。証跡：日付入りのコマンド出力とコンソール画面。',
    },
    citation: 'teleworkLgwanRequirements',
  },
  {
    id: 'proc-device-posture',
    where: 'procedure',
    en: {
      title: 'Device posture of every telework device',
      how: 'Before a device is lent and periodically: OS and WorkSpaces client updates applied, anti-malware running, disk encrypted, local administrator rights withheld, the device managed by the municipality (asset register). Evidence: the asset register and the management tool\'s report.',
    },
    ja: {
      title: 'テレワーク端末の状態確認',
      how: '貸与前および定期的に、OS と WorkSpaces クライアントの更新適用、マルウェア対策の稼働、ディスク暗号化、利用者に管理者権限を与えていないこと、団体の資産台帳で管理されていることを確認する。証跡：資産台帳と端末管理ツールの報告。',
    },
    citation: 'teleworkLgwanRequirements',
  },
  {
    id: 'proc-sign-in-path',
    where: 'procedure',
    en: {
      title: 'What still crosses the internet',
      how: 'WorkSpaces sign-in still reaches AWS on port 443 from the client device (never from a tier VPC), even when streaming stays private; with the full-tunnel VPN the device cannot reach it while connected. Record which way the municipality chose — (a) the carrier\'s breakout limited to the WorkSpaces sign-in domains, (b) sign in before the VPN connects, (c) a split tunnel to the streaming endpoint only — and that the security policy accepts it (docs/telework.md).',
    },
    ja: {
      title: 'インターネットを経由する通信の確認',
      how: '画面転送を閉域化しても、WorkSpaces のサインインは端末（各系の VPC ではない）から AWS の 443 番ポートへ接続し、全トンネルの VPN 接続中は到達できない。団体として選んだ方式 ―（a）通信事業者による WorkSpaces サインイン用ドメインに限った折り返し、（b）VPN 接続前のサインイン、（c）画面転送用エンドポイントのみを VPN に通すスプリットトンネル ― と、それがセキュリティポリシー上認められていることを記録する（docs/telework.md）。',
    },
    citation: 'teleworkLgwanRequirements',
  },
];
export const MANUAL_CONTROLS: readonly ManualControl[] = [...DESKTOP_RUNBOOK_CONTROLS.map(fromDesktop), ...REPORT_ONLY_CONTROLS];
