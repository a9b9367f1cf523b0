import { renderHtml } from '../../lib/report/html';
import { brokenAppReport, goodAppReport } from './support/broken-app-report';

function cellClass(html: string, from: string, to: string): string | undefined {
  const re = new RegExp(`<td class="([a-z]+)" data-from="${from}" data-to="${to}">`);
  return re.exec(html)?.[1];
}

describe('HTML report', () => {
  const en = renderHtml(brokenAppReport(), { lang: 'en' });
  const ja = renderHtml(brokenAppReport(), { lang: 'ja' });

  it('is one self-contained document in the chosen language', () => {
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('<title>三層分離 確認結果報告書</title>');
    expect(en).not.toMatch(/<script|<link |src="http/);
  });

  it('marks every matrix cell with its verdict', () => {
    expect(en.match(/<td class="(isolated|permitted|violation|unresolved)"/g)).toHaveLength(90);
    expect(cellClass(en, 'tier:lgwan', 'tier:internet')).toBe('violation');
    expect(cellClass(en, 'tier:internet', 'internet')).toBe('permitted');
    expect(cellClass(en, 'tier:personal-number', 'internet')).toBe('unresolved');
    expect(cellClass(en, 'tier:personal-number', 'tier:lgwan')).toBe('isolated');
    expect(ja).toContain('<summary>✖ 禁止経路</summary><div>経路：入口 サブネット LgwanSubnet1（10.2.0.0/24） から送信');
  });

  it('shows the failing verdict, the numbered findings with their paths, and the inline diagram', () => {
    expect(en).toContain('<p class="fail" id="verdict">');
    expect(en).toContain('<div class="finding error" id="finding-1"><h3>#1 [error] LGWAN tier reaches the internet tier through VPC peering</h3>');
    expect(en).toContain('<li>route table — route table: 10.1.0.0/16 matches 10.1.0.0/16 → peering Peering [City/Network/Lgwan/Rt (AWS::EC2::RouteTable)]</li>');
    expect(en).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  });

  it('lists acknowledgements with reasons and refusal, and the manual checklist with checkboxes', () => {
    expect(en).toContain('<td>AwsSolutions</td><td><code>VPC7</code></td><td>Flow logs go to the central log account</td>');
    expect(ja).toContain('<span class="refused">拒否：系をまたぐ経路は適用除外（例外措置）にできません</span> — temporary migration link');
    // The checklist is a table a reviewer fills in (test/report/record/render.test.ts): one result cell per control.
    expect(en.match(/<td>conforms \/ does not conform<\/td>/g)?.length).toBe(brokenAppReport().manualControls.length);
  });

  it('escapes text from templates', () => {
    const input = goodAppReport();
    input.coverage = ['<img src=x onerror=alert(1)> & more'];
    const out = renderHtml(input, { lang: 'en' });
    expect(out).toContain('<li>&lt;img src=x onerror=alert(1)&gt; &amp; more</li>');
    expect(out).toContain('<p class="pass" id="verdict">');
  });
});

describe('HTML report on paper (issue 12)', () => {
  const ja = renderHtml(brokenAppReport(), { lang: 'ja' });
  it('prints on A4 with page numbers and shows every cell\'s evidence on paper', () => {
    expect(ja).toContain('@page{size:A4;');
    expect(ja).toContain('@bottom-center{content:counter(page) " / " counter(pages)');
    // No script (the report stays one self-contained document): on paper the closed <details> give way to
    // the same evidence written out in each cell.
    expect(ja).toContain('@media print{');
    expect(ja).toContain('td>details{display:none}td>.on-paper{display:block}');
    expect(ja.match(/<div class="on-paper">/g)).toHaveLength(90);
  });
});
