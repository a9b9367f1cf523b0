/**
 * The reviewer's report's 費用試算 section: the same numbers as `closed-telework cost`, in both languages,
 * the comparison line against the service-type reference with devices stated as excluded, and absent when
 * the report is rendered without a configuration.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { loadEmbeddedConfig } from '../../lib/config/load';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { costReportSection } from '../../lib/cost/report-section';
import { renderHtml } from '../../lib/report/html';
import { renderMarkdown } from '../../lib/report/markdown';
import { goodAppReport } from '../report/support/broken-app-report';

const estimate = estimateForConfig(loadEmbeddedConfig('example-city'), { today: '2026-12-06' });
const withCost = { ...goodAppReport(), cost: [costReportSection(estimate)] };
const fmt = (n: number): string => n.toLocaleString('en-US');

describe('費用試算 section of the reviewer\'s report', () => {
  const ja = renderMarkdown(withCost, { lang: 'ja' });
  const en = renderMarkdown(withCost, { lang: 'en' });

  it('shows before tax / consumption tax / with tax, monthly and yearly, from the same estimate', () => {
    expect(ja).toContain('## 費用試算');
    expect(ja).toContain(`| 税抜 | ${fmt(estimate.totals.monthlyJpyExTax)}円 | ${fmt(estimate.totals.yearlyJpyExTax)}円 |`);
    expect(ja).toContain(`| 消費税（10%） | ${fmt(estimate.totals.monthlyTaxJpy)}円 | ${fmt(estimate.totals.yearlyTaxJpy)}円 |`);
    expect(ja).toContain(`| 税込 | ${fmt(estimate.totals.monthlyJpyIncTax)}円 | ${fmt(estimate.totals.yearlyJpyIncTax)}円 |`);
    expect(en).toContain(`| With tax | ¥${fmt(estimate.totals.monthlyJpyIncTax)} | ¥${fmt(estimate.totals.yearlyJpyIncTax)} |`);
  });

  it('has the per-seat figure, the 20/100/1,000-seat path and the break-even', () => {
    expect(ja).toContain(`1席あたり月額（税込）：${fmt(estimate.perSeat!.monthlyJpyIncTax)}円`);
    for (const p of estimate.scale) expect(ja).toContain(`| ${fmt(p.seats)} | ${fmt(p.monthlyJpyIncTax)}円 | ${fmt(p.perSeatMonthlyJpyIncTax)}円 |`);
    expect(ja).toContain('AlwaysOn の方が安くなります');
  });

  it('compares with the service-type reference and states that devices are excluded on our side', () => {
    expect(ja).toContain('東村山市');
    expect(ja).toContain('約10,800円');
    expect(ja).toContain('本試算には端末費用を含みません');
    expect(en).toContain('kitted PCs (devices) are included in the reference and are NOT included in this estimate');
  });

  it('carries the warnings (unconfirmed prices, lines not counted)', () => {
    expect(ja).toContain('未確認の単価');
    expect(ja).toContain('計上していません');
  });

  it('appears in the HTML report too, and not at all without a configuration', () => {
    const html = renderHtml(withCost, { lang: 'ja' });
    expect(html).toContain('<section id="cost-estimate" class="cost-estimate"><h2>費用試算</h2>');
    expect(html).toContain(`${fmt(estimate.totals.monthlyJpyIncTax)}円`);
    expect(renderHtml(goodAppReport(), { lang: 'ja' })).not.toContain('cost-estimate');
    expect(renderMarkdown(goodAppReport(), { lang: 'ja' })).not.toContain('費用試算');
  });
});

describe('closed-telework report --cost', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cost-'));
    fs.writeFileSync(path.join(dir, 'empty.json'), JSON.stringify({ Resources: {} }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
    try {
      return { code: await main(['node', 'closed-telework', 'report', ...args]), stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('adds the section for an embedded municipality', async () => {
    const out = path.join(dir, 'with-cost');
    const r = await run('--out', out, '--format', 'md', '--lang', 'ja', '--cost', 'example-city', path.join(dir, 'empty.json'));
    expect([0, 1]).toContain(r.code);
    expect(fs.readFileSync(path.join(out, 'tier-separation.ja.md'), 'utf8')).toContain('## 費用試算');
  });

  it('exits 2 and writes nothing for a bad cost override', async () => {
    const out = path.join(dir, 'bad-cost');
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'desktops:\n  lgwan:\n    bundle: ULTRA\n');
    const r = await run('--out', out, '--cost', 'example-city', '--cost-overrides', path.join(dir, 'bad.yaml'), path.join(dir, 'empty.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown WorkSpaces bundle "ULTRA"');
    expect(fs.existsSync(out)).toBe(false);
  });
});
