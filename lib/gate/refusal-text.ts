/**
 * What the gate prints when it refuses a synth, in English and Japanese: every tier crossing with its tiers,
 * resources (construct path, template, logical id) and witness path, then every other unacknowledged
 * violation, then where the full reports are.
 *
 * A crossing is shown WITHOUT any way to make it pass: no acknowledgement id, and no suggestion to declare
 * the path in the policy file. The only exchange between tiers is sanitised transfer (無害化) through a
 * channel the security officer approved, and the text says so.
 *
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { BlockingViolation, SynthVerdict } from './verdict';

export interface RefusalTextOptions {
  /** Where the CDK's validation report is, as the user should open it (e.g. `cdk.out/validation-report.json`). */
  validationReport?: string;
  /** The reports directory (e.g. `reports`). */
  reportDir?: string;
}

/** The explanation printed under the crossings (English, then Japanese). */
export const CROSSING_POLICY_EN =
  'A tier crossing cannot be acknowledged, and a peering, route, attachment or link between tiers must not be ' +
  'declared in the tier policy file to make it pass: this tool treats every network path between two tiers as a ' +
  'breach of the three-tier separation (三層分離). Remove the construct that joins the tiers. Data that must move ' +
  'between tiers moves only by sanitised exchange (無害化) through a mechanism approved by the municipality\'s ' +
  'information security officer (CISO); a sanctioned channel in the policy file records such an approved ' +
  'sanitising relay, it is never a way to accept a crossing.';

export const CROSSING_POLICY_JA =
  '系をまたぐ経路は適用除外（例外措置、acknowledge）にできません。また、系の間のピアリング・経路・アタッチメント・回線を' +
  'ポリシーファイルに宣言して通すこともできません（本ツールは系の間のネットワーク経路をすべて三層分離の違反として扱います）。' +
  '系をつないでいる構成要素を削除してください。系の間でデータを受け渡す必要がある場合は、最高情報セキュリティ責任者（CISO）' +
  'が承認した無害化の仕組みを通す方法に限ります。ポリシーファイルの許可チャネル（sanctionedChannels）は承認済みの無害化中継を' +
  '記録するためのものであり、系をまたぐ経路を認める手段ではありません。';

export function formatRefusal(verdict: SynthVerdict, options: RefusalTextOptions = {}): string {
  const crossings = verdict.blocking.filter((b) => b.crossing);
  const others = verdict.blocking.filter((b) => !b.crossing);
  const out: string[] = [
    '',
    '✗ closed-telework synth gate: synthesis REFUSED. Nothing from this app may be deployed until every item below is resolved.',
    '✗ closed-telework 合成ゲート：合成を中止しました。以下をすべて解消するまで、このアプリからは何もデプロイできません。',
  ];
  if (crossings.length > 0) {
    out.push('', `Tier crossings / 系をまたぐ経路: ${crossings.length}`);
    crossings.forEach((c, i) => out.push(...crossingBlock(c, i + 1)));
    out.push('', wrap(CROSSING_POLICY_EN), wrap(CROSSING_POLICY_JA));
  }
  if (others.length > 0) {
    out.push('', `Other unacknowledged violations / その他の未対応の指摘: ${others.length}`);
    others.forEach((v, i) => out.push(...otherBlock(v, i + 1)));
    out.push(
      '',
      wrap(
        'Fix each one, or — only where the finding is accepted for a documented reason — acknowledge it on the narrowest construct with the id shown: ' +
          "Validations.of(construct).acknowledge({ id: '<id>', reason: '<why, with a ticket>' }). The reviewer's report lists every acknowledgement.",
      ),
      wrap('それぞれ修正してください。理由を記録したうえで受け入れる指摘に限り、表示した ID で最も狭い構成要素に対して適用除外（例外措置、acknowledge）にできます。適用除外はすべて確認結果報告書に記載されます。'),
    );
  }
  if (verdict.problems.length > 0) {
    out.push('', 'The gate could not establish a verdict / 合成ゲートが判定できませんでした:');
    verdict.problems.forEach((p, i) => out.push(`  ${i + 1}. ${p}`));
  }
  const where = [options.validationReport, options.reportDir ? `${options.reportDir}/ (tier-separation.ja.html, tier-separation.en.html, synth-verdict.md)` : undefined].filter(Boolean);
  if (where.length > 0) out.push('', `Full reports / 詳細: ${where.join(', ')}`);
  out.push('');
  return out.join('\n');
}

function crossingBlock(c: BlockingViolation, n: number): string[] {
  const [title, ...rest] = c.description.split('\n');
  // The pack's own line saying crossings cannot be acknowledged is repeated once below the list instead.
  const body = rest.filter((l) => !/cannot be acknowledged/i.test(l));
  const lines = [``, `  ${n}. [${c.rule}]`, `     ${title}`];
  lines.push(...resourceLines(c));
  lines.push(...body.map((l) => `     ${l}`));
  if (c.fix) lines.push(...wrap(`fix: ${c.fix}`, '     ').split('\n'));
  return lines;
}

function otherBlock(v: BlockingViolation, n: number): string[] {
  const title = v.description.split('\n')[0] ?? '';
  const lines = [``, `  ${n}. [${v.pack}] ${v.rule} (${v.severity}): ${truncate(title, 300)}`];
  lines.push(...resourceLines(v));
  if (v.fix) lines.push(...wrap(`fix: ${truncate(v.fix, 400)}`, '     ').split('\n'));
  if (v.severity.toLowerCase() !== 'fatal') lines.push(`     acknowledgement id: ${ackId(v)}`);
  return lines;
}

function resourceLines(v: BlockingViolation): string[] {
  const shown = v.resources.slice(0, 8).map((r) => {
    const where = [r.templatePath, r.logicalId ? `logical id ${r.logicalId}` : undefined].filter(Boolean).join(', ');
    return `     resource: ${r.constructPath ?? '(no construct path)'}${where ? ` (${where})` : ''}`;
  });
  if (v.resources.length > 8) shown.push(`     … and ${v.resources.length - 8} more resource(s)`);
  return shown;
}

/** The id the CDK audits: `<pack name with spaces → '-'>::<rule>` (the bare rule is never listed as acknowledged). */
export function ackId(v: Pick<BlockingViolation, 'pack' | 'rule'>): string {
  return v.rule.includes('::') ? v.rule : `${v.pack.replace(/ /g, '-')}::${v.rule}`;
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Wraps long prose at ~110 columns (Japanese has no spaces, so it is left as one line per sentence group). */
function wrap(text: string, indent = ''): string {
  const words = text.split(' ');
  if (words.length < 4) return indent + text;
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length > 0 && line.length + w.length + 1 > 110) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
