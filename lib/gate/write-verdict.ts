/**
 * reports/synth-verdict.json and reports/synth-verdict.md: which gate produced the verdict (the command, the
 * packs and their versions), the verdict, and what blocked it. Written on every gated synth, passed or
 * refused, beside the tier-separation report, through a temporary name and a rename so a reviewer never
 * reads a half-written file.
 *
 * Pure TypeScript (node:fs only): no aws-cdk-lib import.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Invocation } from '../report/record/invocation';
import { jstJa } from '../report/i18n/jst';
import { ackId } from './refusal-text';
import type { SynthVerdict } from './verdict';

export const GATE_NAME = 'closed-telework synth gate';
export const VERDICT_STEM = 'synth-verdict';

export interface VerdictRecord {
  gate: string;
  /** How the gate decides, in one sentence (so the record stands alone). */
  rule: string;
  verdict: 'pass' | 'refused';
  generatedAt: string;
  invocation: Invocation;
  versions: Record<string, string>;
  validationReport: string;
  packs: SynthVerdict['packs'];
  blocking: SynthVerdict['blocking'];
  problems: string[];
  /**
   * The tier-separation report beside this record: when it was made, and whether this synth wrote it again
   * from the store because every input of it was byte-identical to that earlier synth's (lib/nag/proof-reuse.ts)
   * — then it carries the earlier time, and `verdictReused` says whether the proof's verdict was reused too.
   * Absent when the tier pack wrote no report.
   */
  tierReport?: { generatedAt: string; reused: boolean; verdictReused: boolean };
}

export const GATE_RULE =
  'The app itself exits 1 when any pack registered on the App reports an unacknowledged error or fatal violation in any stack of any Stage, whatever stacks the CDK CLI selected; a tier crossing is fatal and can never be acknowledged.';

export function verdictRecord(verdict: SynthVerdict, details: Omit<VerdictRecord, 'gate' | 'rule' | 'verdict' | 'packs' | 'blocking' | 'problems' | 'tierReport'>, tierReport?: VerdictRecord['tierReport']): VerdictRecord {
  return {
    gate: GATE_NAME,
    rule: GATE_RULE,
    verdict: verdict.passed ? 'pass' : 'refused',
    ...details,
    packs: verdict.packs,
    blocking: verdict.blocking,
    problems: verdict.problems,
    ...(tierReport ? { tierReport } : {}),
  };
}

export function writeVerdict(dir: string, record: VerdictRecord): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: Array<[string, string]> = [
    [`${VERDICT_STEM}.json`, `${JSON.stringify(record, null, 2)}\n`],
    [`${VERDICT_STEM}.md`, renderVerdictMarkdown(record)],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const target = path.join(dir, name);
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, target);
    written.push(target);
  }
  return written;
}

/** Says when the tier-separation report was made, and that it was not re-dated when this synth reused it. */
function tierReportLine(t: NonNullable<VerdictRecord['tierReport']>): string {
  const when = `${jstJa(t.generatedAt)} (${t.generatedAt})`;
  if (!t.reused) return `- tier-separation report / 三層分離の検証報告書: written by this synth / この合成で作成 — ${when}`;
  return (
    `- tier-separation report / 三層分離の検証報告書: reused — every input byte-identical to the synth that made it at ${when}; it keeps that time` +
    ` / 再利用 — 入力（テンプレート、ポリシー、判定コード、構成など）が ${jstJa(t.generatedAt)} に作成した時点とバイト単位で同一のため、その報告書をそのまま書き出しました（作成日時はその時点のまま）`
  );
}

// The report's terms (適合／不適合, 適用除外（例外措置）), not exam language (合格) or 決裁 language (承認).
const CONCLUSION_JA: Record<string, string> = { success: '適合', failure: '不適合', 'not-reported': '適合（指摘なし）' };

export function renderVerdictMarkdown(r: VerdictRecord): string {
  const passed = r.verdict === 'pass';
  const lines = [
    `# Synth verdict / 合成判定: ${passed ? 'PASS / 適合' : 'REFUSED / 中止（不適合）'}`,
    '',
    passed
      ? 'Every pack registered on the app passed over every stack; the app may be deployed. / アプリに登録したすべてのルールパックで、全スタックが適合と判定されました。デプロイできます。'
      : 'The synth was refused: the app exited 1 and nothing from it may be deployed. / 合成を中止しました（アプリは終了コード 1 で終了）。このアプリからは何もデプロイできません。',
    '',
    '## Which gate produced this verdict / 判定した仕組み',
    '',
    `- gate / ゲート: ${r.gate}`,
    `- rule / 判定基準: ${r.rule}`,
    `- command / コマンド: ${r.invocation.cdkCommand ? `\`${r.invocation.cdkCommand}\`` : 'not run by the CDK CLI (or not found) / CDK CLI 以外から実行'}`,
    ...(r.invocation.viaCommand ? [`- run by / 実行元: \`${r.invocation.viaCommand}\``] : []),
    `- CDK CLI: ${r.invocation.cdkCliVersion ?? 'unknown / 不明'}`,
    `- app process / アプリの起動: \`${r.invocation.appCommand}\``,
    `- versions / バージョン: ${Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `- generated / 作成日時: ${jstJa(r.generatedAt)} (${r.generatedAt})`,
    `- every pack's violations and acknowledgements / 全パックの指摘と適用除外（例外措置）: \`${r.validationReport}\``,
    ...(r.tierReport ? [tierReportLine(r.tierReport)] : []),
    '',
    '## Packs / ルールパック',
    '',
    '| pack | version | package | verdict / 判定 | unacknowledged / 未対応 | acknowledged / 適用除外（例外措置） |',
    '|---|---|---|---|---|---|',
    ...r.packs.map((p) => `| ${p.name} | ${p.version ?? '—'} | ${p.package ?? '—'} | ${p.conclusion} / ${CONCLUSION_JA[p.conclusion] ?? p.conclusion} | ${p.unacknowledged} | ${p.acknowledged} |`),
  ];
  if (r.blocking.length > 0) {
    lines.push('', '## What blocked the synth / 中止の理由', '');
    for (const b of r.blocking) {
      const where = b.resources.map((x) => x.constructPath).filter(Boolean).join(', ');
      const head = b.description.split('\n')[0] ?? '';
      lines.push(`- **${b.crossing ? 'tier crossing / 系をまたぐ経路' : b.severity}** \`${b.pack}\` ${b.rule}: ${head}${where ? ` — ${where}` : ''}${b.crossing || b.severity === 'fatal' ? '' : ` (acknowledgement id \`${ackId(b)}\`)`}`);
    }
  }
  if (r.problems.length > 0) {
    lines.push('', '## What the gate could not establish / 判定できなかった事項', '', ...r.problems.map((p) => `- ${p}`));
  }
  lines.push('');
  return lines.join('\n');
}
