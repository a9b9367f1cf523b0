/**
 * Issue 12 point 6: the diagram shows per tier what a reviewer needs (desktops, directory, streaming, egress,
 * on-prem ranges and link type, the telework VPN), reads at the size it is inlined (no text under 12 px, no
 * wider than the report, so never scaled down on screen), keeps red for "forbidden" alone, and draws a
 * filtered crossing apart from a wide-open one.
 */
import { renderDiagramSvg, TIER_COLOURS } from '../../lib/report/diagram-svg';
import { renderHtml } from '../../lib/report/html';
import type { ReportInput } from '../../lib/report/report-input';
import { brokenAppReport } from './support/broken-app-report';
import { exampleRecord } from './support/record-fixture';

const input: ReportInput = { ...brokenAppReport(), record: exampleRecord() };

/** The text drawn in one box, its lines joined (a long line wraps onto a second). */
function boxText(svg: string, end: string): string {
  const g = new RegExp(`<g class="box" data-end="${end}"[^>]*>([\\s\\S]*?)</g>`).exec(svg)?.[1] ?? '';
  return [...g.matchAll(/<text [^>]*>(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g)].map((m) => m[1]).join('');
}

function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return -1;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

describe.each(['ja', 'en'] as const)('diagram from the record (%s)', (lang) => {
  const svg = renderDiagramSvg(input, { lang });

  it('puts desktops, directory, streaming and egress in the tier boxes, link types and ranges on-prem, the VPN with the clients', () => {
    const words = lang === 'ja'
      ? { desk: '仮想デスクトップ（WorkSpaces）ディレクトリ：lgwan.example-city.internal', stream: '画面転送：閉域（VPC エンドポイント）', egress: '出口：Network Firewall（本環境から直接）', ipsec: 'IPsec VPN（インターネット経由） 172.16.20.0/22', dx: 'Direct Connect（専用線） 172.16.32.0/22', vpn: 'Client VPN UDP 443・相互TLS 10.200.0.0/22' }
      : { desk: 'Desktops (WorkSpaces)Directory: lgwan.example-city.internal', stream: 'Streaming: closed (VPC endpoint)', egress: 'Egress: Network Firewall (local breakout)', ipsec: 'IPsec VPN (over the internet) 172.16.20.0/22', dx: 'Direct Connect (dedicated) 172.16.32.0/22', vpn: 'Client VPN UDP 443, mutual TLS 10.200.0.0/22' };
    const flat = (t: string) => t.replace(/\s+/g, '');
    expect(flat(boxText(svg, 'tier:lgwan'))).toContain(flat(words.desk));
    expect(flat(boxText(svg, 'tier:lgwan'))).toContain(flat(words.stream));
    expect(flat(boxText(svg, 'tier:internet'))).toContain(flat(words.egress));
    expect(flat(boxText(svg, 'on-prem:lgwan'))).toContain(flat(words.ipsec));
    expect(flat(boxText(svg, 'on-prem:personal-number'))).toContain(flat(words.dx));
    expect(flat(boxText(svg, 'telework:lgwan'))).toContain(flat(words.vpn));
  });

  it('has no text under 12 px and is no wider than the report, so it is never scaled down on screen', () => {
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1])).toBeLessThanOrEqual(1200);
    const html = renderHtml(input, { lang });
    expect(html).toContain('.diagram>svg{max-width:none}');
    expect(html).toMatch(/<div class="diagram">\n<svg /);
  });

  it('uses red for forbidden alone: no tier is drawn in a red hue', () => {
    for (const [tier, c] of Object.entries(TIER_COLOURS)) {
      for (const colour of [c.stroke, c.fill]) {
        const h = hue(colour);
        expect({ tier, colour, reddish: h >= 0 && (h < 30 || h > 330) }).toEqual({ tier, colour, reddish: false });
      }
    }
    expect(svg).toMatch(/class="reach violation"[^>]*stroke="#d32f2f"/);
  });

  it('draws a filtered crossing thin and dashed, a wide-open one thick and solid, and explains both', () => {
    expect(svg).toMatch(/<path class="reach filtered" data-from="tier:personal-number" data-to="tier:lgwan" d="[^"]+" fill="none" stroke="#d32f2f" stroke-width="1.5" stroke-dasharray="3 3"/);
    expect(svg).toMatch(/<path class="reach violation" data-from="tier:lgwan" data-to="tier:internet" d="[^"]+" fill="none" stroke="#d32f2f" stroke-width="3.5" marker-end/);
    expect(svg.match(/class="reach filtered"/g)).toHaveLength(1);
    expect(svg).toContain('data-legend="filtered"');
    expect(svg).toContain(lang === 'ja' ? '越境する経路（現在はフィルタで遮断・経路自体を削除）' : 'crossing route (filtered today; remove the route itself)');
  });
});
