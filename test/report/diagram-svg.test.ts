import { renderDiagramSvg, xmlEscape } from '../../lib/report/diagram-svg';
import { LANGS, messagesFor } from '../../lib/report/i18n';
import type { ReportInput } from '../../lib/report/report-input';
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

function missing(what: string): never {
  throw new Error(what);
}

/** Helpers that read the drawn SVG back: boxes, their text lines, link labels, legend entries. */
const unescapeXml = (s: string): string => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string);
const attr = (attributes: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];

interface DrawnText {
  attributes: string;
  x: number;
  y: number;
  /** What is drawn. */
  shown: string;
  /** The <title> child (the full text, on hover), if any. */
  title?: string;
}
function texts(fragment: string): DrawnText[] {
  return [...fragment.matchAll(/<text ([^>]*)>(?:<title>([^<]*)<\/title>)?([^<]*)<\/text>/g)].map((t) => ({
    attributes: t[1]!,
    x: Number(attr(t[1]!, 'x')),
    y: Number(attr(t[1]!, 'y')),
    shown: unescapeXml(t[3]!),
    ...(t[2] === undefined ? {} : { title: unescapeXml(t[2]) }),
  }));
}
interface DrawnBox {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  rect: string;
  texts: DrawnText[];
}
function drawnBoxes(svg: string): Map<string, DrawnBox> {
  const out = new Map<string, DrawnBox>();
  for (const g of svg.matchAll(/<g class="box" data-end="([^"]+)"[^>]*>\n(<rect [^>]*\/>)([\s\S]*?)\n<\/g>/g)) {
    const rect = g[2]!;
    out.set(g[1]!, { key: g[1]!, x: Number(attr(rect, 'x')), y: Number(attr(rect, 'y')), w: Number(attr(rect, 'width')), h: Number(attr(rect, 'height')), rect, texts: texts(g[3]!) });
  }
  return out;
}
/** Estimated drawn width: ASCII ≈ 0.6 em, anything else (CJK, full-width, …) ≈ 1 em. */
function estimatedWidth(text: string, fontSize: number, bold: boolean): number {
  return [...text].reduce((sum, ch) => sum + ((ch.codePointAt(0) as number) < 0x80 ? (bold ? 0.66 : 0.6) : 1), 0) * fontSize;
}
function fontSizeOf(t: DrawnText): number {
  return Number(attr(t.attributes, 'font-size') ?? 12);
}

/** The broken app with the links a synthesized city has: VGW into each tier, Client VPN (and an extra attachment) into LGWAN. */
function cityLikeReport(): ReportInput {
  const input = brokenAppReport();
  input.diagram.nodes.push(
    { id: 'VgwLgwan', label: 'OnPremLink/VpnGateway VGW', end: { kind: 'on-prem', tier: 'lgwan' }, kind: 'vpn' },
    { id: 'DxPn', label: 'OnPremLink/DirectConnectAssociation DX', end: { kind: 'on-prem', tier: 'personal-number' }, kind: 'vpn' },
    { id: 'CvpnLgwan', label: 'ClientVpn/Endpoint Client VPN', end: { kind: 'telework-clients', tier: 'lgwan' }, kind: 'client-vpn' },
  );
  input.diagram.links.push(
    { from: 'VgwLgwan', to: 'LgwanVpc', label: 'VGW', violation: false },
    { from: 'DxPn', to: 'PnVpc', label: 'DX', violation: false },
    { from: 'CvpnLgwan', to: 'LgwanVpc', label: 'Client VPN', violation: false },
    { from: 'CvpnLgwan', to: 'LgwanVpc', label: 'TGW attachment', violation: false },
  );
  return input;
}

describe.each(LANGS)('SVG diagram layout and wording (%s)', (lang) => {
  const m = messagesFor(lang);
  const svg = renderDiagramSvg(cityLikeReport(), { lang });
  const boxes = drawnBoxes(svg);
  const box = (key: string): DrawnBox => boxes.get(key) ?? missing(`no box ${key}`);

  it('centres each model-link label in the gap between neighbouring boxes, above the line, one label per line', () => {
    const cases = [
      { from: 'on-prem:lgwan', to: 'tier:lgwan', labels: ['VGW'] },
      { from: 'on-prem:personal-number', to: 'tier:personal-number', labels: ['DX'] },
      { from: 'telework:lgwan', to: 'tier:lgwan', labels: ['Client VPN', 'TGW attachment'] },
    ];
    for (const c of cases) {
      const group = new RegExp(`<g class="model-link" data-from="${c.from}" data-to="${c.to}"><path d="M([\\d.]+),([\\d.]+) L([\\d.]+),([\\d.]+)"[^>]*/>([\\s\\S]*?)</g>`).exec(svg) ?? missing(`no link ${c.from} → ${c.to}`);
      const lineY = Number(group[2]);
      const [left, right] = [box(c.from), box(c.to)].sort((a, b) => a.x - b.x) as [DrawnBox, DrawnBox];
      const [gapStart, gapEnd] = [left.x + left.w, right.x];
      const labels = texts(group[5]!);
      expect(labels.map((l) => l.shown)).toEqual(c.labels);
      for (const label of labels) {
        expect(attr(label.attributes, 'text-anchor')).toBe('middle');
        expect(label.x).toBeCloseTo((gapStart + gapEnd) / 2, 5);
        const half = estimatedWidth(label.shown, fontSizeOf(label), false) / 2;
        expect(label.x - half).toBeGreaterThan(gapStart);
        expect(label.x + half).toBeLessThan(gapEnd);
        expect(label.y).toBeLessThan(lineY);
      }
      // Several labels: each on its own line, none on top of another.
      expect(new Set(labels.map((l) => l.y)).size).toBe(labels.length);
    }
  });

  it('keeps every link label out of every box', () => {
    for (const label of texts([...svg.matchAll(/<g class="model-link"[\s\S]*?<\/g>/g)].map((g) => g[0]).join('\n'))) {
      const w = estimatedWidth(label.shown, fontSizeOf(label), false);
      const anchor = attr(label.attributes, 'text-anchor');
      const x1 = anchor === 'middle' ? label.x - w / 2 : anchor === 'end' ? label.x - w : label.x;
      const [y1, y2] = [label.y - fontSizeOf(label), label.y + 2];
      const hit = [...boxes.values()].filter((b) => x1 < b.x + b.w && x1 + w > b.x && y1 < b.y + b.h && y2 > b.y);
      expect({ label: label.shown, inside: hit.map((b) => b.key) }).toEqual({ label: label.shown, inside: [] });
    }
  });

  it('fits every line of every box inside the box, shortening long lines with an ellipsis and the full text on hover', () => {
    for (const b of boxes.values()) {
      for (const t of b.texts) {
        const bold = attr(t.attributes, 'font-weight') === 'bold';
        expect({ box: b.key, text: t.shown, right: t.x + estimatedWidth(t.shown, fontSizeOf(t), bold) <= b.x + b.w - 8 }).toEqual({ box: b.key, text: t.shown, right: true });
        expect(t.y).toBeLessThan(b.y + b.h);
      }
    }
    // A member too long for one line wraps onto a second rather than losing its end (the link kind "DX").
    const dxLines = box('on-prem:personal-number').texts.filter((t) => /class="member"/.test(t.attributes)).map((t) => t.shown);
    expect(dxLines.join('')).toBe('OnPremLink/DirectConnectAssociation DX');
    expect(dxLines.length).toBe(2);
    // A line that fits is drawn as it is, with no <title>.
    expect(box('tier:lgwan').texts).toContainEqual(expect.objectContaining({ shown: 'LgwanVpc 10.2.0.0/16' }));
    expect(box('tier:lgwan').texts.find((t) => t.shown === 'LgwanVpc 10.2.0.0/16')?.title).toBeUndefined();
  });

  it('wraps a long Japanese member line by its full-width width, every line inside the box', () => {
    const input = cityLikeReport();
    const long = 'マイナンバー利用事務系/住民記録システム用のネットワーク 10.3.0.0/16';
    input.diagram.nodes.push({ id: 'Jp', label: long, end: { kind: 'tier', tier: 'personal-number' }, kind: 'vpc' });
    const b = drawnBoxes(renderDiagramSvg(input, { lang })).get('tier:personal-number')!;
    const lines = b.texts.filter((t) => /class="member"/.test(t.attributes) && long.replace(/ /g, '').includes(t.shown.replace(/ /g, '')) && t.shown.length > 3);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.map((t) => t.shown).join('').replace(/ /g, '')).toBe(long.replace(/ /g, ''));
    for (const line of lines) expect(line.x + estimatedWidth(line.shown, 12, false)).toBeLessThanOrEqual(b.x + b.w - 8);
  });

  it('says when a box is empty, and that the personal-number tier has no telework entry by requirement', () => {
    const shown = (key: string): string[] => box(key).texts.map((t) => t.shown);
    expect(shown('telework:internet')).toContain(m.diagramNone);
    expect(shown('on-prem:internet')).toContain(m.diagramNone);
    const joined = (key: string) => shown(key).join(' ').replace(/\s+/g, '');
    expect(joined('telework:personal-number')).toContain(m.diagramNoPersonalNumberTelework.replace(/\s+/g, ''));
    expect(shown('telework:personal-number')).not.toContain(m.diagramNone);
    // A box with members does not say it is empty.
    expect(shown('tier:lgwan')).not.toContain(m.diagramNone);
    expect(shown('telework:lgwan')).not.toContain(m.diagramNone);
  });

  it('draws a personal-number telework entry as a finding: red border, and no "none" text', () => {
    const input = cityLikeReport();
    input.diagram.nodes.push({ id: 'CvpnPn', label: 'PnClientVpn/Endpoint Client\u00a0VPN', end: { kind: 'telework-clients', tier: 'personal-number' }, kind: 'client-vpn' });
    const drawn = renderDiagramSvg(input, { lang });
    const pn = drawnBoxes(drawn).get('telework:personal-number')!;
    expect(attr(pn.rect, 'stroke')).toBe('#d32f2f');
    expect(pn.texts.filter((t) => /class="member"/.test(t.attributes)).map((t) => t.shown)).toEqual(['PnClientVpn/Endpoint', 'Client\u00a0VPN']);
    expect(drawn).not.toContain(`>${xmlEscape(m.diagramNoPersonalNumberTelework)}</text>`);
    expect(pn.texts.map((t) => t.shown)).not.toContain(m.diagramNone);
    // The empty one is not red.
    expect(attr(box('telework:personal-number').rect, 'stroke')).not.toBe('#d32f2f');
  });

  it('explains the grey dotted model links (and the red dotted ones) in the legend', () => {
    const legend = /<g class="legend">([\s\S]*?)\n<\/g>\n<\/svg>/.exec(svg)?.[1] ?? missing('no legend');
    const entry = (key: string) => new RegExp(`<g class="legend-item" data-legend="${key}"><line ([^>]*)/>(<text[\\s\\S]*?</text>)</g>`).exec(legend) ?? missing(`no legend entry ${key}`);
    const grey = entry('model-link');
    expect(attr(grey[1]!, 'stroke')).toBe('#9e9e9e');
    expect(attr(grey[1]!, 'stroke-dasharray')).toBe('2 3');
    expect(texts(grey[2]!)[0]?.title ?? texts(grey[2]!)[0]?.shown).toBe(m.diagramLegendModelLink);
    const red = entry('model-link-violation');
    expect(attr(red[1]!, 'stroke')).toBe('#d32f2f');
    expect(attr(red[1]!, 'stroke-dasharray')).toBe('2 3');
    expect(texts(red[2]!)[0]?.shown).toBe(m.diagramLegendModelLinkViolation);
    // The model links in the drawing use the same strokes as the legend says.
    expect(svg).toMatch(/<g class="model-link"[^>]*><path [^>]*stroke="#9e9e9e" stroke-width="1.5" stroke-dasharray="2 3"/);
    // The legend stays inside the canvas.
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)![1]);
    for (const t of texts(legend)) expect(t.x + estimatedWidth(t.shown, 12, false)).toBeLessThanOrEqual(width);
  });

  it('names fonts that exist on municipal Windows PCs and Macs, correctly quoted in the attribute', () => {
    const root = /^<svg [^>]*>/.exec(svg)![0];
    expect(root).toContain(`font-family="'Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic','Meiryo','Noto Sans CJK JP',sans-serif"`);
    expect(unescapeXml(attr(root, 'font-family')!).split(',')).toEqual(["'Hiragino Sans'", "'Hiragino Kaku Gothic ProN'", "'Yu Gothic'", "'Meiryo'", "'Noto Sans CJK JP'", 'sans-serif']);
  });
});
