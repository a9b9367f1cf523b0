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
export const DESKTOP_RUNBOOK_CONTROLS: ReadonlyArray<{ id: string; title: { en: string; ja: string }; where: string }> = [
  {
    id: 'WSH-MANUAL-TRUSTED-DEVICES',
    title: { en: 'Trusted-device certificates (console only, ≤ 2 root CAs per platform, no revocation)', ja: '信頼済みデバイス証明書（コンソールのみ・ルートCA最大2つ・失効不可）' },
    where: 'docs/telework.md#runbook-trusted-devices',
  },
  {
    id: 'WSH-MANUAL-GPO-REDIRECTION',
    title: { en: 'Group Policy: drive, clipboard, printer, USB redirection off on every desktop', ja: 'グループポリシー：ドライブ・クリップボード・プリンタ・USBリダイレクト無効化' },
    where: 'docs/telework.md#runbook-group-policy',
  },
  {
    id: 'WSH-MANUAL-ACCESS-ANALYZER',
    title: { en: 'Post-deploy Network Access Analyzer run: every scope must have no findings', ja: 'デプロイ後の Network Access Analyzer 実行：全スコープで検出ゼロ' },
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
    en: { title: c.title.en, how: `Runbook: ${c.where}` },
    ja: { title: c.title.ja, how: `手順書：${c.where}` },
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
    id: 'proc-sign-in-path',
    where: 'procedure',
    en: {
      title: 'What still crosses the internet',
      how: 'WorkSpaces sign-in still reaches AWS on port 443 from the client device (never from a tier VPC), even when streaming stays private; confirm the device-side network path is accepted in the security policy.',
    },
    ja: {
      title: 'インターネットを経由する通信の確認',
      how: '画面転送を閉域化しても、WorkSpaces のサインインは端末（各系の VPC ではない）から AWS の 443 番ポートへ接続する。この端末側の経路がセキュリティポリシー上認められていることを確認する。',
    },
    citation: 'teleworkLgwanRequirements',
  },
];
export const MANUAL_CONTROLS: readonly ManualControl[] = [...DESKTOP_RUNBOOK_CONTROLS.map(fromDesktop), ...REPORT_ONLY_CONTROLS];
