/**
 * The 費用試算 section in the reviewer's report that EVERY synth writes (issue 15, point 3), in process:
 * the tier pack, given the app's configurations' estimates, writes them into the Markdown and HTML report in
 * Japanese and English — the same figures `closed-telework cost` computes — with the comparison against the
 * service-type reference; a prefecture's report carries one section per municipality; a configuration the
 * estimator cannot price still synthesises, with a section saying why. The real `npx cdk synth` runs are
 * test/e2e/clean-app.test.ts (one municipality) and test/prefecture/prefecture-app.test.ts (three).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { loadEmbeddedConfig } from '../../lib/config';
import { loadPrefectureFile } from '../../lib/config/app-configuration';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { costReportSectionsForConfigs } from '../../lib/cost/report-section';
import { ThreeTierSeparationChecks } from '../../lib/nag/three-tier-separation-checks';
import { costSectionSheet } from '../../lib/report/cost-section';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';

jest.setTimeout(300_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-synth-report-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const config = loadEmbeddedConfig('example-city');
const fmt = (n: number): string => n.toLocaleString('en-US');

describe('the report written on synth carries the 費用試算 section', () => {
  const reportDir = path.join(tmp, 'reports');
  let asked = 0;
  beforeAll(() => {
    const app = new App({ outdir: path.join(tmp, 'cdk.out') });
    Validations.of(app).addPlugins(
      new ThreeTierSeparationChecks({
        reportDir,
        costSections: () => {
          asked += 1;
          return costReportSectionsForConfigs([config], '2026-12-06');
        },
      }),
    );
    new MunicipalityStage(app, config.name, { config });
    app.synth();
  });
  const read = (name: string): string => fs.readFileSync(path.join(reportDir, name), 'utf8');
  const estimate = estimateForConfig(config, { today: '2026-12-06' });

  it('asks for the estimate once, when it writes the report', () => {
    expect(asked).toBe(1);
  });

  it('in Japanese: totals before tax / tax / with tax, per seat, and the comparison with the service-type reference', () => {
    const md = read('tier-separation.ja.md');
    expect(md).toContain('## 費用試算\n');
    expect(md).toContain(`| 税抜 | ${fmt(estimate.totals.monthlyJpyExTax)}円 | ${fmt(estimate.totals.yearlyJpyExTax)}円 |`);
    expect(md).toContain(`| 税込 | ${fmt(estimate.totals.monthlyJpyIncTax)}円 | ${fmt(estimate.totals.yearlyJpyIncTax)}円 |`);
    expect(md).toContain(`本試算 1席あたり月額（税込）${fmt(estimate.perSeat!.monthlyJpyIncTax)}円 ／ 参考：サービス型閉域テレワーク`);
    expect(md).toContain('本試算には端末費用を含みません');
    // The section follows the tier-separation content, it does not replace it.
    expect(md.indexOf('## 費用試算')).toBeGreaterThan(md.indexOf('##'));
  });

  it('in English, and in both HTML reports', () => {
    const md = read('tier-separation.en.md');
    expect(md).toContain('## Cost estimate\n');
    expect(md).toContain(`This estimate: ¥${fmt(estimate.perSeat!.monthlyJpyIncTax)} per seat per month with tax / reference: Service-type closed telework`);
    expect(md).toContain('kitted PCs (devices) are included in the reference and are NOT included in this estimate');
    expect(read('tier-separation.ja.html')).toContain('<section id="cost-estimate" class="cost-estimate"><h2>費用試算</h2>');
    expect(read('tier-separation.en.html')).toContain(`¥${fmt(estimate.totals.monthlyJpyIncTax)}`);
  });

  it('is not asked for when no report is written', () => {
    let called = false;
    const app = new App({ outdir: path.join(tmp, 'quiet.out') });
    Validations.of(app).addPlugins(new ThreeTierSeparationChecks({ reportDir: false, costSections: () => ((called = true), []) }));
    new MunicipalityStage(app, config.name, { config });
    app.synth();
    expect(called).toBe(false);
  });
});

describe('sections for the configurations an app builds', () => {
  it('a prefecture: one per municipality, each from its own configuration and named in its heading', () => {
    const prefecture = loadPrefectureFile(path.join(__dirname, '../../examples/prefecture/prefecture.yaml'));
    const configs = prefecture.municipalities.map((m) => m.config);
    const sections = costReportSectionsForConfigs(configs, '2026-12-06');
    expect(sections.map((s) => s.ja.municipality)).toEqual(configs.map((c) => c.displayName.ja));
    configs.forEach((c, i) => {
      const e = estimateForConfig(c, { today: '2026-12-06' });
      expect(sections[i].ja.totals.map((r) => r.monthlyJpy)).toEqual([e.totals.monthlyJpyExTax, e.totals.monthlyTaxJpy, e.totals.monthlyJpyIncTax]);
    });
    const sheet = costSectionSheet(sections, 'ja');
    for (const c of configs) expect(sheet.rows).toContainEqual([`費用試算（${c.displayName.ja}）`]);
    // Members going out through the prefecture's hub are told the hub is the prefecture's bill, not in theirs.
    configs.forEach((c, i) => {
      const hubLine = sections[i].ja.notIncluded.some((x) => x.startsWith('本自治体のインターネット通信を中継する県のハブ'));
      expect(hubLine).toBe(c.internetEgress.kind === 'prefecture-hub');
    });
    expect(configs.some((c) => c.internetEgress.kind === 'prefecture-hub')).toBe(true);
  });

  it("a city with its own Network Firewall egress is not told about a prefecture's hub", () => {
    const [section] = costReportSectionsForConfigs([config], '2026-12-06');
    expect(section.en.notIncluded.join('\n')).not.toContain("prefecture's hub");
    expect(section.en.notIncluded.join('\n')).not.toContain('security cloud');
  });

  it('a configuration the estimator cannot price (WorkSpaces Pools) gets a section that says why, not a failed synth', () => {
    const pools = structuredClone(config);
    (pools.telework as { desktops?: string }).desktops = 'pools';
    const [section] = costReportSectionsForConfigs([pools], '2026-12-06');
    expect(section.ja.totals).toEqual([]);
    expect(section.ja.disclaimer).toContain('試算できませんでした');
    expect(section.ja.warnings.join('\n')).toContain('telework.desktops: WorkSpaces Pools の料金は価格表にありません');
    expect(section.en.warnings.join('\n')).toContain('telework.desktops: WorkSpaces Pools are billed per user');
  });
});

describe('the section as spreadsheet rows (for the report workbook)', () => {
  const estimate = estimateForConfig(config, { today: '2026-12-06' });
  const [section] = costReportSectionsForConfigs([config], '2026-12-06');
  const sheet = costSectionSheet([section], 'ja');

  it('amounts are numbers, the same as the estimate', () => {
    expect(sheet.name).toBe('費用試算');
    expect(sheet.rows).toContainEqual(['税抜', estimate.totals.monthlyJpyExTax, estimate.totals.yearlyJpyExTax]);
    expect(sheet.rows).toContainEqual(['税込', estimate.totals.monthlyJpyIncTax, estimate.totals.yearlyJpyIncTax]);
    for (const p of estimate.scale) expect(sheet.rows).toContainEqual([p.seats, p.monthlyJpyIncTax, p.perSeatMonthlyJpyIncTax]);
  });

  it('carries the comparison line, what is not included and the warnings', () => {
    const text = sheet.rows.flat().filter((c): c is string => typeof c === 'string');
    expect(text.some((t) => t.startsWith('本試算 1席あたり月額（税込）') && t.includes('約10,800円'))).toBe(true);
    expect(text).toContain('参考値にはキッティング済みPC（端末）が含まれますが、本試算には端末費用を含みません');
    expect(text.some((t) => t.startsWith('⚠ '))).toBe(true);
    expect(costSectionSheet([section], 'en').name).toBe('Cost estimate');
  });
});
