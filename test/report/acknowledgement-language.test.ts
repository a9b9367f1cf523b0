/**
 * Acknowledgement reasons in the reader's language (issue 12): every acknowledgement this package's own
 * constructs make in the example city is given in both languages; the Japanese report lists each in
 * Japanese and the English report in English; a user's own single-language reason is shown as given.
 * The example city is synthesised in process (constructs only; no pack runs), its acknowledgements read
 * the way the tier pack reads them, and the report is rendered in both languages.
 */
import { App } from 'aws-cdk-lib';
import { parseBilingualReason } from '../../lib/bilingual/reason';
import { loadEmbeddedConfig } from '../../lib/config';
import { collectAcknowledgements } from '../../lib/nag/acknowledgements';
import { renderHtml } from '../../lib/report/html';
import { renderMarkdown } from '../../lib/report/markdown';
import type { Acknowledgement, ReportInput } from '../../lib/report/report-input';
import { loadPrefectureFile } from '../../lib/config';
import { buildApp } from '../../lib/stages/build-app';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { goodAppReport } from './support/broken-app-report';

jest.setTimeout(120_000);

/** The acknowledgement table of a Markdown report: its rows' reason column. */
function ackReasons(markdown: string, heading: string): string[] {
  const section = markdown.split(`## ${heading}`)[1]!.split('\n## ')[0]!;
  const rows = section.split('\n').filter((l) => l.startsWith('|'));
  return rows.slice(2).map((l) => l.split(' | ')[2]!); // after the header and the |---| line
}

/** Four or more English words in a row: a sentence, not an identifier or a product name. */
const ENGLISH_SENTENCE = /\b[A-Za-z][a-z']+(?:[ ,]+[a-z][a-z']+){3,}\b/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("acknowledgement reasons in the reader's language", () => {
  let acks: Acknowledgement[];
  let input: ReportInput;
  beforeAll(() => {
    const app = new App();
    const config = loadEmbeddedConfig('example-city');
    new MunicipalityStage(app, config.name, { config });
    acks = collectAcknowledgements(app, [], 'ThreeTierSeparation');
    input = { ...goodAppReport(), acknowledgements: acks };
  });

  it('the example city makes acknowledgements, each given in both languages', () => {
    expect(acks.length).toBeGreaterThan(10);
    // aws-cdk-lib acknowledges cfn-lint rules (W3010, F3002, F3003) on what it generates: not this package's words.
    const ours = acks.filter((a) => !/^[WF]\d{4}$/.test(a.ruleId));
    expect(ours.length).toBeGreaterThan(10);
    const single = ours.filter((a) => parseBilingualReason(a.reason) === undefined).map((a) => `${a.acknowledgedAt} ${a.ruleId}: ${a.reason}`);
    expect(single).toEqual([]);
  });

  it('the Japanese report shows every reason in Japanese and none in English', () => {
    const md = renderMarkdown(input, { lang: 'ja' });
    const reasons = ackReasons(md, '適用除外（例外措置）の一覧');
    expect(reasons).toHaveLength(acks.length);
    for (const r of reasons) {
      expect(r).toMatch(JAPANESE);
      expect(r).not.toMatch(ENGLISH_SENTENCE);
    }
    const html = renderHtml(input, { lang: 'ja' });
    for (const a of acks) {
      const parsed = parseBilingualReason(a.reason);
      if (!parsed) continue; // aws-cdk-lib's own, checked through the table above
      const { en, ja } = parsed;
      expect(md).not.toContain(en);
      expect(html).not.toContain(en.replace(/'/g, '&#39;').slice(0, 40));
      expect(html).toContain(ja.slice(0, 20));
    }
  });

  it('the English report shows every reason in English and no Japanese', () => {
    const md = renderMarkdown(input, { lang: 'en' });
    const reasons = ackReasons(md, 'Acknowledgements from every pack');
    expect(reasons).toHaveLength(acks.length);
    for (const r of reasons) expect(r).not.toMatch(JAPANESE);
    const html = renderHtml(input, { lang: 'en' });
    const table = html.split('<table id="acknowledgements">')[1]!.split('</table>')[0]!;
    expect(table).not.toMatch(JAPANESE);
  });

  it("shows a user's own single-language reason exactly as given, in both reports", () => {
    const own: Acknowledgement = { pack: 'AwsSolutions', ruleId: 'AwsSolutions-EC23', reason: '移行期間中の暫定措置（情報政策課 承認番号 R8-012）', acknowledgedAt: 'City/Net/Sg', suppressed: [] };
    const english: Acknowledgement = { ...own, ruleId: 'AwsSolutions-EC26', reason: 'temporary migration link, ticket SEC-123' };
    const withOwn = { ...goodAppReport(), acknowledgements: [own, english] };
    for (const lang of ['en', 'ja'] as const) {
      const md = renderMarkdown(withOwn, { lang });
      expect(md).toContain(own.reason);
      expect(md).toContain(english.reason);
    }
  });

  it("the example prefecture's pipeline (CDK Pipelines' generated roles, artifact store, hub) acknowledges in both languages too", () => {
    const app = new App();
    const built = buildApp(app, loadPrefectureFile('examples/prefecture/prefecture.yaml'));
    expect(built.pipelineStack).toBeDefined();
    const all = collectAcknowledgements(app, [], 'ThreeTierSeparation').filter((a) => !/^[WF]\d{4}$/.test(a.ruleId));
    expect(all.some((a) => a.ruleId.startsWith('AwsSolutions-IAM5[') && a.acknowledgedAt.includes('pipeline'))).toBe(true);
    expect(all.filter((a) => parseBilingualReason(a.reason) === undefined).map((a) => `${a.acknowledgedAt} ${a.ruleId}: ${a.reason}`)).toEqual([]);
  });
});
