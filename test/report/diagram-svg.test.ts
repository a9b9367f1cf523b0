import { renderDiagramSvg } from '../../lib/report/diagram-svg';
import { brokenAppReport, goodAppReport } from './support/broken-app-report';

describe('SVG diagram of tiers and links', () => {
  const svg = renderDiagramSvg(brokenAppReport(), { lang: 'ja' });

  it('is a standalone SVG with a title for screen readers', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title id="diagram-title">各系とその間の接続</title>');
  });

  it('draws a box for every matrix end, listing its networks, and a red box for untiered networks', () => {
    for (const end of ['tier:internet', 'tier:lgwan', 'tier:personal-number', 'telework:internet', 'telework:lgwan', 'telework:personal-number', 'on-prem:internet', 'on-prem:lgwan', 'on-prem:personal-number', 'internet', 'untiered']) {
      expect(svg).toContain(`data-end="${end}"`);
    }
    expect(svg).toContain('>LgwanVpc 10.2.0.0/16</text>');
    expect(svg).toMatch(/data-end="untiered">\n<rect [^>]*stroke="#d32f2f"/);
    expect(svg).toContain('>系の宣言なし</text>');
  });

  it('draws one arrow per reachable pair: red for forbidden, green for permitted, dashed orange for unresolved', () => {
    expect(svg.match(/class="reach violation"/g)).toHaveLength(2);
    expect(svg).toMatch(/class="reach violation" data-from="tier:lgwan" data-to="tier:internet" d="[^"]+" fill="none" stroke="#d32f2f"/);
    expect(svg.match(/class="reach permitted"/g)).toHaveLength(3);
    expect(svg).toMatch(/class="reach unresolved" data-from="tier:personal-number" data-to="internet" d="[^"]+" fill="none" stroke="#ef6c00" stroke-width="2" stroke-dasharray="6 4"/);
    expect(svg).not.toContain('class="reach isolated"');
  });

  it('draws the model link between boxes, red when it carries a forbidden path', () => {
    expect(svg).toMatch(/<g class="model-link" data-from="tier:(lgwan|internet)" data-to="tier:(internet|lgwan)"><path d="[^"]+" fill="none" stroke="#d32f2f"/);
  });

  it('has no red arrow and no untiered box for a good app', () => {
    const good = renderDiagramSvg(goodAppReport(), { lang: 'en' });
    expect(good).not.toContain('class="reach violation"');
    expect(good).not.toContain('data-end="untiered"');
  });

  it('escapes labels', () => {
    const input = goodAppReport();
    input.diagram.nodes.push({ id: 'x', label: 'a<b & "c"', end: { kind: 'internet' }, kind: 'other' });
    expect(renderDiagramSvg(input, { lang: 'en' })).toContain('>a&lt;b &amp; &quot;c&quot;</text>');
  });
});

describe('SVG routes', () => {
  /** Every point of every drawn route, from the path data. */
  function routePoints(svg: string): { x: number; y: number }[] {
    return [...svg.matchAll(/<path class="reach [a-z]+"[^>]* d="([^"]+)"/g)].flatMap((m) =>
      m[1]!.split(' ').map((c) => {
        const [x, y] = c.slice(1).split(',').map(Number);
        return { x: x!, y: y! };
      }),
    );
  }
  function boxes(svg: string): { x: number; y: number; w: number; h: number }[] {
    return [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({ x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]! }));
  }

  it('never puts a corner of a route inside a box (routes run in the gaps)', () => {
    const svg = renderDiagramSvg(brokenAppReport(), { lang: 'en' });
    const inside = routePoints(svg).filter((p) => boxes(svg).some((b) => p.x > b.x + 1 && p.x < b.x + b.w - 1 && p.y > b.y + 1 && p.y < b.y + b.h - 1));
    expect(routePoints(svg).length).toBeGreaterThan(0);
    expect(inside).toEqual([]);
  });
});
