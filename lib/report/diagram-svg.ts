/**
 * A diagram of the tiers and their links, drawn from the model as plain SVG (no dependency):
 * on-prem segments on the left, the three tiers next (each box lists its networks), then the telework
 * clients of each tier, and on the right the internet and anything without a declared tier. One row per tier. Arrows are the matrix's reachable
 * pairs: green for paths the policy permits, red for forbidden paths, orange dashed for unresolved ones,
 * so a reviewer sees at a glance whether any red line exists. Grey dotted lines are the model's links between
 * networks (attachments, peerings, VPNs) that join different boxes, red dotted when the link carries a
 * forbidden path; the legend explains all five.
 *
 * Text is fitted without measuring fonts: widths are estimated (ASCII ≈ 0.6 em, CJK / full-width ≈ 1 em),
 * a line that does not fit is shortened with an ellipsis and keeps its full text in a <title> child (shown
 * on hover). An empty box says so; the personal-number tier's telework box says that it must stay empty,
 * and is drawn with a red border if it is not.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { endLabel } from './describe';
import { messagesFor, type Lang } from './i18n';
import { recordMessagesFor } from './i18n/record';
import type { ReportRecord } from './record/record';
import { endKey, INTERNET_NODE, MATRIX_ENDS, type MatrixEnd, type ReportInput } from './report-input';

interface Box {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  fill: string;
  stroke: string;
  members: string[];
}

/**
 * Sized to print at its own size (scale 1, so every text stays ≥ 12 px on paper too) on an A4 landscape page
 * with 10 mm side margins: 277 mm ≈ 1047 px wide, and with its heading within the ≈ 718 px of the page's
 * height. Three columns (on-premises, the tier, its telework clients) and one row per tier; the internet, the
 * shared transit gateway and anything without a tier sit in a shorter row above, the internet straight above
 * the internet tier (its egress is one short line).
 */
const BOX_W = 245;
const BOX_H = 130;
/** The row above the tiers: the internet, the shared TGW, networks without a tier (few lines each). */
const TOP_ROW_H = 58;
/** Room between columns for the link labels ("Client VPN", "TGW attachment" …) and the routes' lanes. */
const COLUMN_GAP = 118;
const ROW_GAP = 32;
const LEFT = 20;
/** Room on the right for the lanes of routes between rows of the last column. */
const RIGHT = 45;
const TOP = 34;
const COLUMN_X = [0, 1, 2].map((i) => LEFT + i * (BOX_W + COLUMN_GAP));
/** Row 0 is the row above the tiers; rows 1–3 the internet, LGWAN and personal-number tiers. */
const ROW_Y = [TOP, ...[0, 1, 2].map((i) => TOP + TOP_ROW_H + ROW_GAP + i * (BOX_H + ROW_GAP))];
const ROW_H = [TOP_ROW_H, BOX_H, BOX_H, BOX_H];
const UNTIERED = 'untiered';
const SHARED = 'shared';
const PN_TELEWORK = 'telework:personal-number';
const RED = '#d32f2f';
const GREY_LINK = '#9e9e9e';

/** The font stack: Japanese fonts found on municipal Windows PCs and Macs first, then a generic fallback. */
export const FONT_FAMILY = "'Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic','Meiryo','Noto Sans CJK JP',sans-serif";

/** No text is smaller than 12 px (issue 12: readable at the inlined size). */
const MIN_TEXT_SIZE = 12;
const MEMBER_SIZE = MIN_TEXT_SIZE;
const MEMBER_STEP = 15;
const TITLE_SIZE = 12;
const TITLE_STEP = 15;
const NOTE_SIZE = MIN_TEXT_SIZE;
const LABEL_SIZE = MIN_TEXT_SIZE;
const LABEL_STEP = 14;
const LEGEND_SIZE = 12;
/** The arrows and the filtered crossing; the model's links. */
const LEGEND_ROWS = 2;
const LEGEND_STEP = 20;
/** Left and right padding of the text inside a box. */
const TEXT_INSET = 12;

/** Escape text for SVG/XML character data and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** Characters drawn about 1 em wide: CJK, kana, Hangul, full-width forms, and the wide punctuation (— … →). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2000 && cp <= 0x206f) ||
    (cp >= 0x2190 && cp <= 0x21ff) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  );
}

/**
 * Estimated width of `text` in px at `fontSize`: 0.6 em per narrow character (0.66 em in bold), 1 em per
 * CJK or full-width one. Deliberately a little generous, so a fitted line fits in the fonts reviewers have.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += isWide(ch.codePointAt(0) as number) ? 1 : bold ? 0.66 : 0.6;
  return em * fontSize;
}

const ELLIPSIS = '…';

/** The longest prefix of `chars` that, with `suffix`, fits in `maxWidth`. */
function prefixFitting(chars: string[], suffix: string, maxWidth: number, fontSize: number, bold: boolean): string {
  let n = chars.length;
  while (n > 0 && estimateTextWidth(chars.slice(0, n).join('').trimEnd() + suffix, fontSize, bold) > maxWidth) n--;
  return chars.slice(0, n).join('').trimEnd() + suffix;
}

/**
 * `text` as one line of at most `maxWidth` px: unchanged when it fits, else shortened with an ellipsis.
 * A short last word (a CIDR, "DX", "VPN") is kept, so "OnPremLink/DirectConnectAssociation DX" becomes
 * "OnPremLink/DirectConnectAss… DX" rather than losing what kind of link it is.
 */
export function fitLine(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  const space = text.lastIndexOf(' ');
  const tail = space > 0 ? text.slice(space) : '';
  if (tail && estimateTextWidth(ELLIPSIS + tail, fontSize, bold) <= maxWidth / 2) {
    return prefixFitting(Array.from(text.slice(0, space)), ELLIPSIS + tail, maxWidth, fontSize, bold);
  }
  return prefixFitting(Array.from(text), ELLIPSIS, maxWidth, fontSize, bold);
}

/** Characters a Japanese line may not start with (closing brackets, punctuation, the long-vowel mark): 行頭禁則. */
const NO_LINE_START = new Set([...'）」』】〕〉》、。，．・：；！？ー…)]},.:;!?']);
/** Characters a Japanese line may not end with (opening brackets): 行末禁則. */
const NO_LINE_END = new Set([...'（「『【〔〈《([{']);

/**
 * Where a line may break before `chars[i]`: at a space, or between two characters of which one is Japanese
 * (full-width) — never inside an ASCII word such as "WorkSpaces" or a domain name, never before a closing
 * bracket or 、。 nor after an opening bracket (a simple 禁則処理).
 */
function breaksBefore(chars: readonly string[], i: number): boolean {
  const prev = chars[i - 1] as string;
  const cur = chars[i] as string;
  if (cur === ' ') return true;
  if (prev === ' ' || NO_LINE_START.has(cur) || NO_LINE_END.has(prev)) return false;
  return isWide(prev.codePointAt(0) as number) || isWide(cur.codePointAt(0) as number);
}

/**
 * `text` in at most `maxLines` lines of `maxWidth` px: broken where breaksBefore allows (or between any two
 * characters for a word too long for a line), the last line fitted with an ellipsis if text remains.
 */
function wrapLines(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest && lines.length < maxLines - 1 && estimateTextWidth(rest, fontSize, bold) > maxWidth) {
    const chars = Array.from(rest);
    let cut = 0;
    for (let i = 1; i < chars.length; i++) {
      if (breaksBefore(chars, i) && estimateTextWidth(chars.slice(0, i).join('').trimEnd(), fontSize, bold) <= maxWidth) cut = i;
    }
    if (cut === 0) {
      // No break point fits (one long word): break between characters, not before a closing bracket.
      cut = 1;
      while (cut < chars.length && estimateTextWidth(chars.slice(0, cut + 1).join(''), fontSize, bold) <= maxWidth) cut++;
      if (cut > 1 && cut < chars.length && NO_LINE_START.has(chars[cut] as string)) cut--;
    }
    lines.push(chars.slice(0, cut).join('').trimEnd());
    rest = chars.slice(cut).join('').trimStart();
  }
  if (rest) lines.push(fitLine(rest, maxWidth, fontSize, bold));
  return lines;
}

/** A <text> element; when `shown` is shorter than `full`, the full text goes in a <title> child (hover). */
function textElement(attributes: string, shown: string, full: string = shown): string {
  const title = shown === full ? '' : `<title>${xmlEscape(full)}</title>`;
  return `<text ${attributes}>${title}${xmlEscape(shown)}</text>`;
}

function placeOf(end: MatrixEnd): { column: number; row: number } {
  const tierRow = (tier: string): number => 1 + ['internet', 'lgwan', 'personal-number'].indexOf(tier);
  switch (end.kind) {
    case 'on-prem':
      return { column: 0, row: tierRow(end.tier) };
    case 'tier':
      return { column: 1, row: tierRow(end.tier) };
    case 'telework-clients':
      return { column: 2, row: tierRow(end.tier) };
    case 'internet':
      return { column: 1, row: 0 };
  }
}

/** Blue, green and purple: red is kept for "forbidden" alone, so no tier can be mistaken for a finding. */
export const TIER_COLOURS: Record<string, { fill: string; stroke: string }> = {
  internet: { fill: '#e8f1fb', stroke: '#2f6db5' },
  lgwan: { fill: '#eaf6ec', stroke: '#2e7d32' },
  'personal-number': { fill: '#f3e8f7', stroke: '#6a1b9a' },
};

function coloursOf(end: MatrixEnd): { fill: string; stroke: string } {
  if (end.kind !== 'internet') return TIER_COLOURS[end.tier] as { fill: string; stroke: string };
  return { fill: '#f4f4f4', stroke: '#555555' };
}

type Point = { x: number; y: number };

/** Where a route's label goes: `x`,`y` is the anchor of the line nearest the route; `maxWidth` its room. */
interface LabelSpot {
  x: number;
  y: number;
  anchor: 'middle' | 'start' | 'end';
  /** Horizontal: one label per line, stacked upwards above the route. Vertical: the labels on one line beside it. */
  along: 'horizontal' | 'vertical';
  maxWidth: number;
}

/** Distance of a lane from the box it leads into. */
const GAP = 25;

/**
 * An orthogonal route from box `a` to box `b` that runs only through the gaps between boxes, so no line
 * is drawn across a box a reviewer is reading. `off` shifts the route sideways so that several routes
 * sharing a gap (and A→B beside B→A) stay apart. Also where a label of the route fits.
 */
function route(a: Box, b: Box, off: number): { points: Point[]; label: LabelSpot } {
  const acx = a.x + a.w / 2;
  const acy = a.y + a.h / 2;
  const bcx = b.x + b.w / 2;
  const bcy = b.y + b.h / 2;
  const columnStep = Math.abs(a.x - b.x);
  const rowStep = Math.abs(a.y - b.y);
  if (rowStep === 0 && columnStep <= a.w + COLUMN_GAP) {
    // Neighbours in a row: straight across the gap; the label centred in the gap, above the line.
    const [x1, x2] = a.x < b.x ? [a.x + a.w, b.x] : [a.x, b.x + b.w];
    return {
      points: [{ x: x1, y: acy + off }, { x: x2, y: bcy + off }],
      label: { x: (x1 + x2) / 2, y: acy + off - 4, anchor: 'middle', along: 'horizontal', maxWidth: Math.abs(x2 - x1) - 16 },
    };
  }
  if (columnStep === 0 && rowStep <= a.h + ROW_GAP) {
    // Neighbours in a column: straight down or up the gap; the label left of the line at the top of the
    // gap, above the lanes that cross the gap lengthwise (most parallel arrows run right of the line).
    const [y1, y2] = a.y < b.y ? [a.y + a.h, b.y] : [a.y, b.y + b.h];
    return {
      points: [{ x: acx + off, y: y1 }, { x: bcx + off, y: y2 }],
      label: { x: acx + off - 6, y: Math.min(y1, y2) + 13, anchor: 'end', along: 'vertical', maxWidth: a.w / 2 - 20 },
    };
  }
  if (columnStep === 0) {
    // Same column, rows apart: out of the right side, down the column gap, back in.
    const laneX = a.x + a.w + GAP + off;
    return {
      points: [{ x: a.x + a.w, y: acy + off }, { x: laneX, y: acy + off }, { x: laneX, y: bcy + off }, { x: b.x + b.w, y: bcy + off }],
      label: { x: laneX + 6, y: (acy + bcy) / 2 + 4, anchor: 'start', along: 'vertical', maxWidth: COLUMN_GAP - 2 * GAP - off - 20 },
    };
  }
  // Different columns: down into the gap under a's row, across to the gap beside b's column, into b's side.
  const laneY = a.y + a.h + ROW_GAP / 2 + off;
  const laneX = b.x > a.x ? b.x - GAP + off : b.x + b.w + GAP + off;
  const entryX = b.x > a.x ? b.x : b.x + b.w;
  const startX = acx + off * 3;
  return {
    points: [{ x: startX, y: a.y + a.h }, { x: startX, y: laneY }, { x: laneX, y: laneY }, { x: laneX, y: bcy + off }, { x: entryX, y: bcy + off }],
    label: { x: (startX + laneX) / 2, y: laneY - 4, anchor: 'middle', along: 'horizontal', maxWidth: Math.abs(laneX - startX) - 16 },
  };
}

function pathData(points: Point[]): string {
  return points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${round(pt.x)},${round(pt.y)}`).join(' ');
}

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** A pair of different tiers (or a tier and the internet) whose routes connect while a filter stops every packet. */
function isFilteredCrossing(cell: ReportInput['matrix'][number]): boolean {
  if (cell.verdict !== 'isolated' || !cell.routeConnected || cell.blockedBy.length === 0) return false;
  const tierOf = (e: MatrixEnd) => (e.kind === 'internet' ? 'internet' : e.tier);
  return tierOf(cell.from) !== tierOf(cell.to);
}

interface LegendItem {
  key: string;
  stroke: string;
  width: number;
  dash?: string;
  text: string;
}

/** Legend entries placed left to right, onto the next row when the row is full; a text wider than a whole row is shortened. */
function legendLayout(items: readonly LegendItem[], width: number): Array<LegendItem & { x: number; row: number; shown: string }> {
  const out: Array<LegendItem & { x: number; row: number; shown: string }> = [];
  let x = 20;
  let row = 0;
  for (const item of items) {
    let shown = fitLine(item.text, width - 20 - 46 - 20, LEGEND_SIZE);
    if (x > 20 && x + 46 + estimateTextWidth(shown, LEGEND_SIZE) > width - 20) {
      row++;
      x = 20;
      shown = fitLine(item.text, width - x - 46 - 20, LEGEND_SIZE);
    }
    out.push({ ...item, x, row, shown });
    x += 46 + estimateTextWidth(shown, LEGEND_SIZE) + 24;
  }
  return out;
}

/** Lines per box from the record: tier boxes get desktops, streaming and egress; on-prem boxes their links; telework boxes the VPN. */
function recordFacts(record: ReportRecord, lang: Lang): Map<string, string[]> {
  const r = recordMessagesFor(lang);
  const out = new Map<string, string[]>();
  const add = (key: string, line: string) => out.set(key, [...(out.get(key) ?? []), line]);
  for (const t of record.telework) {
    if (!t.tier) continue;
    add(`tier:${t.tier}`, r.diagramDesktops);
    if (t.directory) add(`tier:${t.tier}`, r.diagramDirectory(t.directory.name ?? t.directory.source.logicalId));
    add(`tier:${t.tier}`, r.diagramStreaming(t.streamingEndpoint !== undefined));
    add(`telework:${t.tier}`, r.diagramClientVpn({ ...(t.clientVpn.port !== undefined ? { port: t.clientVpn.port } : {}), ...(t.clientVpn.transport ? { transport: t.clientVpn.transport } : {}), mutualTls: t.clientVpn.authentication.includes('certificate-authentication'), ...(t.clientVpn.clientCidr ? { clientCidr: t.clientVpn.clientCidr } : {}) }));
  }
  for (const e of record.egress) add('tier:internet', r.diagramEgress(e.kind));
  for (const l of record.links) {
    if (!l.tier) continue;
    add(`on-prem:${l.tier}`, r.diagramLink(l.kind));
    if (l.carriedRanges.length > 0) add(`on-prem:${l.tier}`, l.carriedRanges.join(', '));
  }
  return out;
}

export function renderDiagramSvg(input: ReportInput, options: { lang: Lang }): string {
  const m = messagesFor(options.lang);
  const r = recordMessagesFor(options.lang);
  const boxes = new Map<string, Box>();
  for (const end of MATRIX_ENDS) {
    const { column, row } = placeOf(end);
    const colours = coloursOf(end);
    boxes.set(endKey(end), {
      key: endKey(end),
      x: COLUMN_X[column] as number,
      y: ROW_Y[row] as number,
      w: BOX_W,
      h: ROW_H[row] as number,
      title: endLabel(end, m),
      ...colours,
      members: [],
    });
  }
  // A transit gateway without a tier is the shared router (acceptable as isolated route domains, judged by
  // the engine); any other network without a declared tier cannot be proven separated and is drawn red.
  const boxKeyOf = (node: ReportInput['diagram']['nodes'][number]): string => (node.end ? endKey(node.end) : node.kind === 'transit-gateway' ? SHARED : UNTIERED);
  const keys = new Set(input.diagram.nodes.map(boxKeyOf));
  if (keys.has(SHARED)) {
    boxes.set(SHARED, { key: SHARED, x: COLUMN_X[2] as number, y: ROW_Y[0] as number, w: BOX_W, h: TOP_ROW_H, title: m.diagramShared, fill: '#f4f4f4', stroke: '#555555', members: [] });
  }
  if (keys.has(UNTIERED)) {
    boxes.set(UNTIERED, { key: UNTIERED, x: COLUMN_X[0] as number, y: ROW_Y[0] as number, w: BOX_W, h: TOP_ROW_H, title: m.diagramUntiered, fill: '#fff3e0', stroke: RED, members: [] });
  }
  // Links to the internet itself (a VPC's internet gateway) end in the internet box.
  const boxOfNode = new Map<string, string>([[INTERNET_NODE, 'internet']]);
  for (const node of input.diagram.nodes) {
    const key = boxKeyOf(node);
    boxOfNode.set(node.id, key);
    boxes.get(key)?.members.push(node.label);
  }
  // What a reviewer needs per tier, from the record read out of the templates: desktops and directory,
  // streaming, egress point, and each on-prem link's type and ranges.
  if (input.record) for (const [key, lines] of recordFacts(input.record, options.lang)) boxes.get(key)?.members.push(...lines);

  const parts: string[] = [];
  const width = (COLUMN_X[2] as number) + BOX_W + RIGHT;
  const legend = legendLayout(
    [
      { key: 'permitted', stroke: '#2e7d32', width: 2, text: m.diagramLegendPermitted },
      { key: 'violation', stroke: RED, width: 3.5, text: m.diagramLegendViolation },
      { key: 'unresolved', stroke: '#ef6c00', width: 2, dash: '6 4', text: m.cellVerdict.unresolved },
      { key: 'filtered', stroke: RED, width: 1.5, dash: '3 3', text: r.diagramLegendFiltered },
      { key: 'model-link', stroke: GREY_LINK, width: 1.5, dash: '2 3', text: m.diagramLegendModelLink },
      { key: 'model-link-violation', stroke: RED, width: 1.5, dash: '2 3', text: m.diagramLegendModelLinkViolation },
    ],
    width,
  );
  // Below the lanes that run under the last row.
  const legendY = (ROW_Y[3] as number) + BOX_H + ROW_GAP + 12;
  const legendRows = Math.max(LEGEND_ROWS, ...legend.map((i) => i.row + 1));
  const height = legendY + (legendRows - 1) * LEGEND_STEP + 12;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="max-width:100%;height:auto" font-family="${FONT_FAMILY}" font-size="12" role="img" aria-labelledby="diagram-title">`,
  );
  parts.push(`<title id="diagram-title">${xmlEscape(m.diagramTitle)}</title>`);
  parts.push('<defs>');
  for (const [id, colour] of [['ok', '#2e7d32'], ['bad', RED], ['unk', '#ef6c00']] as const) {
    // Heads of one size whatever the line's width (a 3.5 px forbidden line would otherwise get a 24 px head that
    // fills the 32 px gap between two rows).
    parts.push(`<marker id="arrow-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`);
  }
  parts.push('</defs>');
  parts.push(`<text x="20" y="22" font-size="16" font-weight="bold">${xmlEscape(m.diagramTitle)}</text>`);

  // Model links between boxes (aggregated: one grey line per pair of boxes, one label per line of text).
  const modelLinks = new Map<string, { a: string; b: string; labels: Set<string>; violation: boolean }>();
  for (const link of input.diagram.links) {
    const a = boxOfNode.get(link.from);
    const b = boxOfNode.get(link.to);
    if (!a || !b || a === b) continue;
    const key = [a, b].sort().join('|');
    const entry = modelLinks.get(key) ?? { a, b, labels: new Set<string>(), violation: false };
    entry.labels.add(link.label);
    entry.violation ||= link.violation;
    modelLinks.set(key, entry);
  }
  let linkIndex = 0;
  for (const link of modelLinks.values()) {
    const { points, label } = route(boxes.get(link.a) as Box, boxes.get(link.b) as Box, -8 + (linkIndex++ % 3) * 2);
    parts.push(`<g class="model-link" data-from="${xmlEscape(link.a)}" data-to="${xmlEscape(link.b)}"><path d="${pathData(points)}" fill="none" stroke="${link.violation ? RED : GREY_LINK}" stroke-width="1.5" stroke-dasharray="2 3"/>`);
    // Horizontal: one label per line, the last just above the route. Vertical: one line, labels joined.
    const texts = label.along === 'horizontal' ? [...link.labels] : [[...link.labels].join(', ')];
    texts.forEach((text, i) => {
      const y = label.y - (texts.length - 1 - i) * LABEL_STEP;
      const shown = fitLine(text, label.maxWidth, LABEL_SIZE);
      // A white halo keeps the label legible where another route crosses it.
      parts.push(
        textElement(
          `class="link-label" x="${round(label.x)}" y="${round(y)}" text-anchor="${label.anchor}" fill="${link.violation ? RED : '#616161'}" font-size="${LABEL_SIZE}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`,
          shown,
          text,
        ),
      );
    });
    parts.push('</g>');
  }

  // Boxes.
  const textWidth = BOX_W - 2 * TEXT_INSET;
  for (const box of boxes.values()) {
    // The personal-number tier has no telework entry (MIC): anything in its telework box is a finding.
    const finding = box.key === PN_TELEWORK && box.members.length > 0;
    parts.push(`<g class="box" data-end="${xmlEscape(box.key)}"${finding ? ' data-finding="true"' : ''}>`);
    parts.push(`<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="8" fill="${box.fill}" stroke="${finding ? RED : box.stroke}" stroke-width="${finding ? 3 : 2}"/>`);
    const titleLines = wrapLines(box.title, textWidth, TITLE_SIZE, 2, true);
    titleLines.forEach((line, i) =>
      parts.push(textElement(`x="${box.x + 10}" y="${box.y + 20 + i * TITLE_STEP}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${finding ? RED : box.stroke}"`, line, i === titleLines.length - 1 && line.endsWith(ELLIPSIS) ? box.title : line)),
    );
    const firstY = box.y + 20 + (titleLines.length - 1) * TITLE_STEP + 20;
    const x = box.x + TEXT_INSET + 2;
    if (box.members.length === 0) {
      // Say that the box is empty (the internet box stands for the internet itself, not a list of networks).
      if (box.key === PN_TELEWORK) {
        wrapLines(m.diagramNoPersonalNumberTelework, textWidth, NOTE_SIZE, 2).forEach((text, i, all) =>
          parts.push(textElement(`class="empty required" x="${x}" y="${firstY + i * MEMBER_STEP}" font-size="${NOTE_SIZE}" font-style="italic" fill="${box.stroke}"`, text, i === all.length - 1 && text.endsWith(ELLIPSIS) ? m.diagramNoPersonalNumberTelework : text)),
        );
      } else if (box.key !== 'internet') {
        parts.push(textElement(`class="empty" x="${x}" y="${firstY}" font-size="${NOTE_SIZE}" font-style="italic" fill="#757575"`, m.diagramNone));
      }
    }
    // Each member in up to three lines (a long construct path or a Japanese phrase wraps rather than losing its
    // end); as many members as fit; the last line says how many more there are when they do not all fit.
    const capacity = Math.floor((box.y + box.h - 6 - firstY) / MEMBER_STEP) + 1;
    let line = 0;
    let drawn = 0;
    for (const label of box.members) {
      const lines = wrapLines(label, textWidth, MEMBER_SIZE, 3);
      const left = box.members.length - drawn;
      // Keep one line for "+n" unless this is the last member and it fits.
      if (line + lines.length > capacity - (left > 1 ? 1 : 0)) break;
      lines.forEach((text, i) => parts.push(textElement(`class="member" x="${x}" y="${firstY + (line + i) * MEMBER_STEP}" fill="#333333"`, text, i === lines.length - 1 && text.endsWith(ELLIPSIS) ? label : text)));
      line += lines.length;
      drawn++;
    }
    if (drawn < box.members.length) {
      const hidden = box.members.slice(drawn);
      parts.push(textElement(`x="${x}" y="${firstY + line * MEMBER_STEP}" fill="#333333"`, `+${hidden.length}`, `+${hidden.length}: ${hidden.join(', ')}`));
    }
    parts.push('</g>');
  }

  // Reachable pairs from the matrix; each route gets its own offset so parallel routes stay apart.
  let reachIndex = 0;
  for (const cell of input.matrix) {
    if (cell.verdict === 'isolated') continue;
    const a = boxes.get(endKey(cell.from)) as Box;
    const b = boxes.get(endKey(cell.to)) as Box;
    const off = ((reachIndex++ % 5) - 2) * 5 + 4;
    const style =
      cell.verdict === 'permitted'
        ? { colour: '#2e7d32', marker: 'ok', dash: '', width: 2 }
        : cell.verdict === 'violation'
          ? { colour: RED, marker: 'bad', dash: '', width: 3.5 }
          : { colour: '#ef6c00', marker: 'unk', dash: ' stroke-dasharray="6 4"', width: 2 };
    parts.push(`<path class="reach ${cell.verdict}" data-from="${xmlEscape(endKey(cell.from))}" data-to="${xmlEscape(endKey(cell.to))}" d="${pathData(route(a, b, off).points)}" fill="none" stroke="${style.colour}" stroke-width="${style.width}"${style.dash} marker-end="url(#arrow-${style.marker})"><title>${xmlEscape(`${endLabel(cell.from, m)} → ${endLabel(cell.to, m)}${m.punct.colon}${m.cellVerdict[cell.verdict]}`)}</title></path>`);
  }
  // A crossing whose routes connect while a NACL or security group stops every packet today: drawn thin and
  // dashed in red, apart from a wide-open one (thick, solid), because one edited filter away it is open.
  for (const cell of input.matrix) {
    if (!isFilteredCrossing(cell)) continue;
    const a = boxes.get(endKey(cell.from)) as Box;
    const b = boxes.get(endKey(cell.to)) as Box;
    const off = ((reachIndex++ % 5) - 2) * 5 + 4;
    const blocked = cell.blockedBy.map((l) => m.layer[l]).join(m.punct.listSep);
    parts.push(`<path class="reach filtered" data-from="${xmlEscape(endKey(cell.from))}" data-to="${xmlEscape(endKey(cell.to))}" d="${pathData(route(a, b, off).points)}" fill="none" stroke="${RED}" stroke-width="1.5" stroke-dasharray="3 3" marker-end="url(#arrow-bad)"><title>${xmlEscape(`${endLabel(cell.from, m)} → ${endLabel(cell.to, m)}${m.punct.colon}${r.diagramLegendFiltered}${m.punct.paren(blocked)}`)}</title></path>`);
  }

  // Legend: the arrows (matrix verdicts) first, then the model links, flowing onto a new row where a row is full.
  parts.push('<g class="legend">');
  for (const item of legend) {
    const y = legendY + item.row * LEGEND_STEP;
    parts.push(
      `<g class="legend-item" data-legend="${item.key}"><line x1="${item.x}" y1="${y}" x2="${item.x + 40}" y2="${y}" stroke="${item.stroke}" stroke-width="${item.width}"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>${textElement(`x="${item.x + 46}" y="${y + 4}"`, item.shown, item.text)}</g>`,
    );
  }
  parts.push('</g>');
  parts.push('</svg>');
  return parts.join('\n');
}
