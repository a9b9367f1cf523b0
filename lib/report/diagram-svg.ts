/**
 * A diagram of the tiers and their links, drawn from the model as plain SVG (no dependency):
 * on-prem segments on the left, the three tiers next (each box lists its networks), then the telework
 * clients of each tier, and on the right the internet and anything without a declared tier. One row per tier. Arrows are the matrix's reachable
 * pairs: green for paths the policy permits, red for forbidden paths, orange dashed for unresolved ones,
 * so a reviewer sees at a glance whether any red line exists. Grey lines are the model's links between
 * networks (attachments, peerings, VPNs) that join different boxes.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { endLabel } from './describe';
import { messagesFor, type Lang } from './i18n';
import { endKey, MATRIX_ENDS, type MatrixEnd, type ReportInput } from './report-input';

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

const BOX_W = 260;
const BOX_H = 120;
const COLUMN_X = [30, 340, 650, 960];
const ROW_Y = [70, 240, 410];
const MAX_MEMBERS = 5;
const UNTIERED = 'untiered';
const SHARED = 'shared';

/** Escape text for SVG/XML character data and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function placeOf(end: MatrixEnd): { column: number; row: number } {
  const tierRow = (tier: string): number => ['internet', 'lgwan', 'personal-number'].indexOf(tier);
  switch (end.kind) {
    case 'on-prem':
      return { column: 0, row: tierRow(end.tier) };
    case 'tier':
      return { column: 1, row: tierRow(end.tier) };
    case 'telework-clients':
      return { column: 2, row: tierRow(end.tier) };
    case 'internet':
      return { column: 3, row: 0 };
  }
}

const TIER_COLOURS: Record<string, { fill: string; stroke: string }> = {
  internet: { fill: '#e8f1fb', stroke: '#2f6db5' },
  lgwan: { fill: '#eaf6ec', stroke: '#2e7d32' },
  'personal-number': { fill: '#fbeaea', stroke: '#8e2424' },
};

function coloursOf(end: MatrixEnd): { fill: string; stroke: string } {
  if (end.kind !== 'internet') return TIER_COLOURS[end.tier] as { fill: string; stroke: string };
  return { fill: '#f4f4f4', stroke: '#555555' };
}

type Point = { x: number; y: number };

const GAP = 25;

/**
 * An orthogonal route from box `a` to box `b` that runs only through the gaps between boxes, so no line
 * is drawn across a box a reviewer is reading. `off` shifts the route sideways so that several routes
 * sharing a gap (and A→B beside B→A) stay apart.
 */
function route(a: Box, b: Box, off: number): Point[] {
  const acx = a.x + a.w / 2;
  const acy = a.y + a.h / 2;
  const bcx = b.x + b.w / 2;
  const bcy = b.y + b.h / 2;
  const columnStep = Math.abs(a.x - b.x);
  const rowStep = Math.abs(a.y - b.y);
  if (rowStep === 0 && columnStep <= a.w + 2 * GAP + 10 + 50) {
    // Neighbours in a row: straight across the gap.
    const [x1, x2] = a.x < b.x ? [a.x + a.w, b.x] : [a.x, b.x + b.w];
    return [{ x: x1, y: acy + off }, { x: x2, y: bcy + off }];
  }
  if (columnStep === 0 && rowStep <= a.h + 2 * GAP + 10 + 50) {
    // Neighbours in a column: straight down or up the gap.
    const [y1, y2] = a.y < b.y ? [a.y + a.h, b.y] : [a.y, b.y + b.h];
    return [{ x: acx + off, y: y1 }, { x: bcx + off, y: y2 }];
  }
  if (columnStep === 0) {
    // Same column, rows apart: out of the right side, down the column gap, back in.
    const laneX = a.x + a.w + GAP + off;
    return [{ x: a.x + a.w, y: acy + off }, { x: laneX, y: acy + off }, { x: laneX, y: bcy + off }, { x: b.x + b.w, y: bcy + off }];
  }
  // Different columns: down into the gap under a's row, across to the gap beside b's column, into b's side.
  const laneY = a.y + a.h + GAP + off;
  const laneX = b.x > a.x ? b.x - GAP + off : b.x + b.w + GAP + off;
  const entryX = b.x > a.x ? b.x : b.x + b.w;
  return [{ x: acx + off * 3, y: a.y + a.h }, { x: acx + off * 3, y: laneY }, { x: laneX, y: laneY }, { x: laneX, y: bcy + off }, { x: entryX, y: bcy + off }];
}

function pathData(points: Point[]): string {
  return points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${round(pt.x)},${round(pt.y)}`).join(' ');
}

/** A point half-way along the route's longest segment, for a label. */
function labelPoint(points: Point[]): Point {
  let best = { x: 0, y: 0 };
  let bestLength = -1;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1] as Point;
    const q = points[i] as Point;
    const length = Math.hypot(q.x - p.x, q.y - p.y);
    if (length > bestLength) {
      bestLength = length;
      best = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    }
  }
  return best;
}

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

export function renderDiagramSvg(input: ReportInput, options: { lang: Lang }): string {
  const m = messagesFor(options.lang);
  const boxes = new Map<string, Box>();
  for (const end of MATRIX_ENDS) {
    const { column, row } = placeOf(end);
    const colours = coloursOf(end);
    boxes.set(endKey(end), {
      key: endKey(end),
      x: COLUMN_X[column] as number,
      y: ROW_Y[row] as number,
      w: BOX_W,
      h: BOX_H,
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
    boxes.set(SHARED, { key: SHARED, x: COLUMN_X[3] as number, y: ROW_Y[1] as number, w: BOX_W, h: BOX_H, title: m.diagramShared, fill: '#f4f4f4', stroke: '#555555', members: [] });
  }
  if (keys.has(UNTIERED)) {
    boxes.set(UNTIERED, { key: UNTIERED, x: COLUMN_X[3] as number, y: ROW_Y[2] as number, w: BOX_W, h: BOX_H, title: m.diagramUntiered, fill: '#fff3e0', stroke: '#d32f2f', members: [] });
  }
  const boxOfNode = new Map<string, string>();
  for (const node of input.diagram.nodes) {
    const key = boxKeyOf(node);
    boxOfNode.set(node.id, key);
    boxes.get(key)?.members.push(node.label);
  }

  const parts: string[] = [];
  const width = (COLUMN_X[3] as number) + BOX_W + 40;
  const height = (ROW_Y[2] as number) + BOX_H + 90;
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="diagram-title">`);
  parts.push(`<title id="diagram-title">${xmlEscape(m.diagramTitle)}</title>`);
  parts.push('<defs>');
  for (const [id, colour] of [['ok', '#2e7d32'], ['bad', '#d32f2f'], ['unk', '#ef6c00']] as const) {
    parts.push(`<marker id="arrow-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`);
  }
  parts.push('</defs>');
  parts.push(`<text x="20" y="30" font-size="16" font-weight="bold">${xmlEscape(m.diagramTitle)}</text>`);

  // Model links between boxes (aggregated: one grey line per pair of boxes, labels joined).
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
    const points = route(boxes.get(link.a) as Box, boxes.get(link.b) as Box, -8 + (linkIndex++ % 3) * 2);
    const at = labelPoint(points);
    parts.push(`<g class="model-link" data-from="${xmlEscape(link.a)}" data-to="${xmlEscape(link.b)}"><path d="${pathData(points)}" fill="none" stroke="${link.violation ? '#d32f2f' : '#9e9e9e'}" stroke-width="1.5" stroke-dasharray="2 3"/>`);
    parts.push(`<text x="${round(at.x + 4)}" y="${round(at.y - 4)}" fill="#616161" font-size="10">${xmlEscape([...link.labels].join(', '))}</text></g>`);
  }

  // Boxes.
  for (const box of boxes.values()) {
    parts.push(`<g class="box" data-end="${xmlEscape(box.key)}">`);
    parts.push(`<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="8" fill="${box.fill}" stroke="${box.stroke}" stroke-width="2"/>`);
    parts.push(`<text x="${box.x + 10}" y="${box.y + 20}" font-size="11" font-weight="bold" fill="${box.stroke}">${xmlEscape(box.title)}</text>`);
    const shown = box.members.slice(0, MAX_MEMBERS);
    shown.forEach((label, i) => parts.push(`<text x="${box.x + 14}" y="${box.y + 40 + i * 15}" fill="#333333">${xmlEscape(label)}</text>`));
    if (box.members.length > MAX_MEMBERS) {
      parts.push(`<text x="${box.x + 14}" y="${box.y + 40 + MAX_MEMBERS * 15}" fill="#333333">+${box.members.length - MAX_MEMBERS}</text>`);
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
        ? { colour: '#2e7d32', marker: 'ok', dash: '' }
        : cell.verdict === 'violation'
          ? { colour: '#d32f2f', marker: 'bad', dash: '' }
          : { colour: '#ef6c00', marker: 'unk', dash: ' stroke-dasharray="6 4"' };
    parts.push(`<path class="reach ${cell.verdict}" data-from="${xmlEscape(endKey(cell.from))}" data-to="${xmlEscape(endKey(cell.to))}" d="${pathData(route(a, b, off))}" fill="none" stroke="${style.colour}" stroke-width="${cell.verdict === 'violation' ? 3 : 2}"${style.dash} marker-end="url(#arrow-${style.marker})"><title>${xmlEscape(`${endLabel(cell.from, m)} → ${endLabel(cell.to, m)}: ${m.cellVerdict[cell.verdict]}`)}</title></path>`);
  }

  // Legend.
  const ly = height - 25;
  parts.push(`<g class="legend"><line x1="20" y1="${ly}" x2="60" y2="${ly}" stroke="#2e7d32" stroke-width="2"/><text x="66" y="${ly + 4}">${xmlEscape(m.diagramLegendPermitted)}</text>`);
  parts.push(`<line x1="220" y1="${ly}" x2="260" y2="${ly}" stroke="#d32f2f" stroke-width="3"/><text x="266" y="${ly + 4}">${xmlEscape(m.diagramLegendViolation)}</text>`);
  parts.push(`<line x1="420" y1="${ly}" x2="460" y2="${ly}" stroke="#ef6c00" stroke-width="2" stroke-dasharray="6 4"/><text x="466" y="${ly + 4}">${xmlEscape(m.cellVerdict.unresolved)}</text></g>`);
  parts.push('</svg>');
  return parts.join('\n');
}
