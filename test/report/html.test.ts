import { renderHtml } from '../../lib/report/html';
import { messagesFor } from '../../lib/report/i18n';
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
    expect(ja).toContain('<summary>✖ 禁止経路</summary><div>経路：サブネット LgwanSubnet1（10.2.0.0/24） から送信');
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
    expect(ja).toContain('td>details{display:none}td>.on-paper,#cell-evidence{display:block}');
    expect(ja.match(/<div class="on-paper">/g)).toHaveLength(90);
  });

  it('on paper the grid shows the symbols (one landscape page) and every cell\'s evidence follows as a list, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const html = renderHtml(brokenAppReport(), { lang });
      const m = messagesFor(lang);
      // In the grid the paper copy is the symbol alone.
      for (const d of html.matchAll(/<div class="on-paper">([\s\S]*?)<\/div><\/td>/g)) expect(d[1]).toMatch(/^<strong>[^<]+<\/strong>$/);
      const list = /<section id="cell-evidence" class="on-paper"><h3>([^<]+)<\/h3><ul class="cell-evidence">([\s\S]*?)<\/ul><\/section>/.exec(html);
      expect(list?.[1]).toBe(m.evidenceHeading);
      const entries = [...list![2]!.matchAll(/<li><strong>([^<]+)<\/strong><ul>((?:<li>[^<]*<\/li>)+)<\/ul><\/li>/g)];
      expect(entries).toHaveLength(90);
      // The screen copy of each cell (its <details>) and the paper copy say the same lines.
      const first = /<td class="[a-z]+" data-from="tier:internet" data-to="tier:lgwan"><details[^>]*><summary>([^<]+)<\/summary>((?:<div>[^<]*<\/div>)+)<\/details>/.exec(html)!;
      expect(entries[0]![1]).toBe(`${m.tier('internet')} → ${m.tier('lgwan')}${m.punct.colon}${first[1]}`);
      expect(entries[0]![2]!.replace(/<\/?li>/g, '|')).toBe(first[2]!.replace(/<\/?div>/g, '|'));
    }
    expect(ja).toContain('@media screen{td>.on-paper,#cell-evidence{display:none}}');
  });

  it('prints the diagram on its own A4 landscape page at its own size (text stays ≥ 12 px on paper), and nothing forces the page to shrink', () => {
    expect(ja).toContain('@page diagram{size:A4 landscape;margin:8mm 10mm 12mm}');
    expect(ja).toContain('#diagram-section{page:diagram}');
    expect(ja).toContain('.diagram>svg{max-width:none!important}');
    // A4 landscape less 10 mm each side is 277 mm ≈ 1047 px; less 8 + 12 mm top and bottom 190 mm ≈ 718 px,
    // of which the heading takes about 40 px.
    // In both languages (the English legend is longer and once flowed onto a fourth row, pushing the diagram
    // off the heading's page).
    for (const html of [ja, renderHtml(brokenAppReport(), { lang: 'en' })]) {
      const svg = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(html)!;
      expect(Number(svg[1])).toBeLessThanOrEqual(1047);
      expect(Number(svg[2])).toBeLessThanOrEqual(718 - 40);
    }
    // Chromium shrinks every page when one element is wider than the page: the acknowledgements' long
    // construct paths wrap instead (this is what printed the old diagram at ~0.75).
    expect(ja).toContain('#acknowledgements{table-layout:fixed;width:100%}#acknowledgements td{overflow-wrap:anywhere}#acknowledgements code{word-break:break-all}');
  });
});
