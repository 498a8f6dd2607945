// A layout that looks like the SOP document: vertical lanes (the Pelaksana columns) left to right, one
// layer per table row top to bottom, shapes centred in their lane, orthogonal arrows; loops back up run
// in a channel along the side of a lane.
import type { DraftFlow, DraftNode } from './draft-graph.js';

export interface Bounds { x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

export interface DraftLayout {
  pool: Bounds;
  lanes: Bounds[]; // by column
  shapes: Map<string, Bounds>;
  /** external labels of events and gateways */
  labels: Map<string, Bounds>;
  edges: Map<string, { waypoints: Point[]; label: Bounds | null }>;
}

const POOL = { x: 160, y: 80, header: 30 };
const LANE_HEADER = 30;
const LANE_MIN_WIDTH = 200;
const SLOT = 150;
const SIZE = { userTask: { width: 140, height: 80 }, exclusiveGateway: { width: 50, height: 50 }, startEvent: { width: 36, height: 36 }, endEvent: { width: 36, height: 36 } };
/** A task is as tall as its name needs (about 20 characters a line in bpmn-js), 80 to 180. */
const sizeOf = (n: DraftNode): { width: number; height: number } =>
  n.type === 'userTask' ? { width: SIZE.userTask.width, height: Math.min(180, Math.max(80, Math.ceil(n.name.length / 20) * 15 + 20)) } : SIZE[n.type];
const PAD = 30;
const GAP = 30; // between a decision's task and its gateway
const LABEL_LINE = 14;
const CHANNEL = 14; // distance of a loop-back channel from the lane's side
const CHANNEL_STEP = 8;

const cx = (b: Bounds): number => b.x + b.width / 2;
const cy = (b: Bounds): number => b.y + b.height / 2;
const textWidth = (text: string): number => Math.min(160, Math.max(30, Math.ceil(text.length * 6.5)));
const labelBounds = (text: string, centreX: number, top: number): Bounds => {
  const width = textWidth(text);
  const lines = Math.max(1, Math.ceil((text.length * 6.5) / 160));
  return { x: Math.round(centreX - width / 2), y: top, width, height: lines * LABEL_LINE };
};

/** The column each node is drawn in: its own, else that of the node before it in table order, else the first. */
function drawnColumns(nodes: DraftNode[]): Map<string, number> {
  const at = new Map<string, number>();
  let last = 0;
  for (const n of nodes) {
    const column = n.column ?? last;
    at.set(n.id, column);
    last = column;
  }
  return at;
}

export function layoutDraft(nodes: DraftNode[], flows: DraftFlow[], columnCount: number, rowCount: number): DraftLayout {
  const columns = Math.max(1, columnCount);
  const columnOf = drawnColumns(nodes);
  // slots: shapes of one row side by side in one lane (a decision's gateway sits under its task)
  const slotOf = new Map<string, number>();
  const slotsPerCell = new Map<string, number>();
  for (const n of nodes) {
    if (n.type === 'exclusiveGateway') continue;
    const cell = `${n.row}:${columnOf.get(n.id)}`;
    const slot = slotsPerCell.get(cell) ?? 0;
    slotOf.set(n.id, slot);
    slotsPerCell.set(cell, slot + 1);
  }
  for (const n of nodes) if (n.gateway) slotOf.set(n.gateway, slotOf.get(n.id)!);
  const laneWidth = Array.from({ length: columns }, (_, c) => {
    const most = Math.max(1, ...[...slotsPerCell].filter(([cell]) => cell.endsWith(`:${c}`)).map(([, count]) => count));
    return Math.max(LANE_MIN_WIDTH, most * SLOT + 50);
  });
  const laneX = laneWidth.map((_, c) => POOL.x + laneWidth.slice(0, c).reduce((a, b) => a + b, 0));

  // rows: a row with a decision stacks task and gateway; the other shapes sit on the gateway's line.
  // A start event's label goes above it (its arrow leaves downwards), an end event's and a gateway's below.
  const rowTop: number[] = [];
  const contentTop: number[] = [];
  const flowLine: number[] = [];
  const labelHeight = (ns: DraftNode[]): number => Math.max(0, ...ns.filter((n) => n.name).map((n) => labelBounds(n.name, 0, 0).height + 4));
  let y = POOL.y + POOL.header + LANE_HEADER;
  for (let r = 1; r <= Math.max(rowCount, 1); r++) {
    const inRow = nodes.filter((n) => n.row === r);
    const decision = inRow.some((n) => n.type === 'exclusiveGateway');
    const above = labelHeight(inRow.filter((n) => n.type === 'startEvent'));
    const below = labelHeight(inRow.filter((n) => n.type === 'endEvent'));
    const gatewayBelow = labelHeight(inRow.filter((n) => n.type === 'exclusiveGateway')) + LABEL_LINE + 6; // and a branch's label
    const tallest = Math.max(SIZE.userTask.height, ...inRow.filter((n) => n.type === 'userTask').map((n) => sizeOf(n).height));
    const deciding = Math.max(SIZE.userTask.height, ...inRow.filter((n) => n.gateway).map((n) => sizeOf(n).height));
    rowTop.push(y);
    const top = y + PAD + above;
    contentTop.push(top);
    const line = decision ? top + deciding + GAP + SIZE.exclusiveGateway.height / 2 : top + tallest / 2;
    flowLine.push(line);
    const half = decision ? Math.max(SIZE.exclusiveGateway.height / 2 + gatewayBelow, tallest / 2) : tallest / 2;
    y = line + Math.max(half, SIZE.startEvent.height / 2 + below) + PAD;
  }
  const bottom = y + 20;

  const shapes = new Map<string, Bounds>();
  const labels = new Map<string, Bounds>();
  for (const n of nodes) {
    const column = columnOf.get(n.id)!;
    const cell = `${n.row}:${column}`;
    const slots = slotsPerCell.get(cell) ?? 1;
    const centreX = laneX[column]! + laneWidth[column]! / 2 + (slotOf.get(n.id)! - (slots - 1) / 2) * SLOT;
    const size = sizeOf(n);
    const centreY = n.gateway ? contentTop[n.row - 1]! + size.height / 2 : flowLine[n.row - 1]!;
    const bounds = { x: Math.round(centreX - size.width / 2), y: Math.round(centreY - size.height / 2), width: size.width, height: size.height };
    shapes.set(n.id, bounds);
    if (n.type === 'userTask' || !n.name) continue;
    const label = labelBounds(n.name, cx(bounds), 0);
    labels.set(n.id, { ...label, y: n.type === 'startEvent' ? bounds.y - 4 - label.height : bounds.y + bounds.height + 4 });
  }

  const lanes = laneWidth.map((width, c) => ({ x: laneX[c]!, y: POOL.y + POOL.header, width, height: bottom - POOL.y - POOL.header }));
  const pool = { x: POOL.x, y: POOL.y, width: laneWidth.reduce((a, b) => a + b, 0), height: bottom - POOL.y };
  const edges = routeFlows(nodes, flows, { shapes, labels, columnOf, lanes, rowTop });
  return { pool, lanes, shapes, labels, edges };
}

interface RouteContext { shapes: Map<string, Bounds>; labels: Map<string, Bounds>; columnOf: Map<string, number>; lanes: Bounds[]; rowTop: number[] }
type Side = 'left' | 'right' | 'bottom';
interface Candidate { side: Side; points: Point[]; blocked: boolean }

function routeFlows(nodes: DraftNode[], flows: DraftFlow[], ctx: RouteContext): DraftLayout['edges'] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const channels = new Map<string, number>();
  const channelX = (column: number, side: 'left' | 'right'): number => {
    const key = `${column}:${side}`;
    const used = channels.get(key) ?? 0;
    channels.set(key, used + 1);
    const lane = ctx.lanes[column]!;
    return side === 'left' ? lane.x + CHANNEL + used * CHANNEL_STEP : lane.x + lane.width - CHANNEL - used * CHANNEL_STEP;
  };
  /** Whether a vertical (horizontal) segment passes through a shape other than the flow's ends. */
  const blockedV = (x: number, y1: number, y2: number, ends: string[]): boolean =>
    [...ctx.shapes].some(([id, b]) => !ends.includes(id) && x > b.x - 2 && x < b.x + b.width + 2 && Math.max(y1, y2) > b.y && Math.min(y1, y2) < b.y + b.height);
  const blockedH = (y: number, x1: number, x2: number, ends: string[]): boolean =>
    [...ctx.shapes].some(([id, b]) => !ends.includes(id) && y > b.y - 2 && y < b.y + b.height + 2 && Math.max(x1, x2) > b.x && Math.min(x1, x2) < b.x + b.width);
  const used = new Map<string, Set<Side>>();
  const pick = (source: string, candidates: Candidate[]): Point[] => {
    const taken = used.get(source) ?? new Set<Side>();
    const chosen = candidates.find((c) => !c.blocked && !taken.has(c.side)) ?? candidates.find((c) => !c.blocked) ?? candidates[0]!;
    used.set(source, taken.add(chosen.side));
    return chosen.points;
  };
  // loops back claim their sides first, then arrows within a row, then arrows down the table
  const rank = (f: DraftFlow): number => {
    const [a, b] = [byId.get(f.source)!.row, byId.get(f.target)!.row];
    return f.internal ? 0 : b < a || f.source === f.target ? 1 : b === a ? 2 : 3;
  };
  const edges: DraftLayout['edges'] = new Map();
  for (const f of [...flows].sort((x, y) => rank(x) - rank(y))) {
    const s = ctx.shapes.get(f.source)!;
    const t = ctx.shapes.get(f.target)!;
    const sn = byId.get(f.source)!;
    const tn = byId.get(f.target)!;
    const ends = [f.source, f.target];
    let points: Point[];
    if (f.internal) {
      points = [{ x: cx(s), y: s.y + s.height }, { x: cx(t), y: t.y }];
    } else if (f.source === f.target) {
      const up = s.y - 15;
      points = pick(f.source, [{ side: 'right', blocked: false, points: [{ x: s.x + s.width, y: cy(s) }, { x: s.x + s.width + 20, y: cy(s) }, { x: s.x + s.width + 20, y: up }, { x: cx(s), y: up }, { x: cx(s), y: s.y }] }]);
    } else if (tn.row > sn.row) {
      const gapY = ctx.rowTop[tn.row - 1]! + 12;
      points = pick(f.source, forward(s, t, ends, gapY, sn.type === 'exclusiveGateway', { blockedV, blockedH, channel: () => channelX(ctx.columnOf.get(f.source)!, 'right') }));
    } else if (tn.row === sn.row) {
      const toRight = cx(t) > cx(s);
      const sx = toRight ? s.x + s.width : s.x;
      const tx = toRight ? t.x : t.x + t.width;
      const mid = Math.round((sx + tx) / 2);
      const line = Math.abs(cy(s) - cy(t)) < 1 ? [{ x: sx, y: cy(s) }, { x: tx, y: cy(t) }] : [{ x: sx, y: cy(s) }, { x: mid, y: cy(s) }, { x: mid, y: cy(t) }, { x: tx, y: cy(t) }];
      points = pick(f.source, [{ side: toRight ? 'right' : 'left', blocked: false, points: line }]);
    } else {
      points = pick(f.source, backward(s, t, ctx.columnOf.get(f.source)!, ctx.columnOf.get(f.target)!, channelX));
    }
    const rounded = points.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
    edges.set(f.id, { waypoints: rounded, label: f.name ? flowLabel(f.name, rounded, ctx.labels.get(f.source)) : null });
  }
  return new Map(flows.map((f) => [f.id, edges.get(f.id)!]));
}

interface Blocks {
  blockedV: (x: number, y1: number, y2: number, ends: string[]) => boolean;
  blockedH: (y: number, x1: number, x2: number, ends: string[]) => boolean;
  channel: () => number;
}

/**
 * Down the table: straight down; else across then down (a gateway's first choice) or down then across
 * (a step's: the arrow leaves its bottom as in the SOP chart); else down a channel along the lane's side.
 */
function forward(s: Bounds, t: Bounds, ends: string[], gapY: number, gateway: boolean, b: Blocks): Candidate[] {
  const bottom = s.y + s.height;
  if (Math.abs(cx(s) - cx(t)) < 1) {
    const x = (): number => b.channel();
    return [
      { side: 'bottom', blocked: b.blockedV(cx(s), bottom, t.y, ends), points: [{ x: cx(s), y: bottom }, { x: cx(t), y: t.y }] },
      { side: 'right', blocked: false, get points() { const cx2 = x(); return [{ x: s.x + s.width, y: cy(s) }, { x: cx2, y: cy(s) }, { x: cx2, y: cy(t) }, { x: t.x + t.width, y: cy(t) }]; } },
    ];
  }
  const toRight = cx(t) > cx(s);
  const sx = toRight ? s.x + s.width : s.x;
  const across: Candidate = {
    side: toRight ? 'right' : 'left',
    blocked: b.blockedH(cy(s), sx, cx(t), ends) || b.blockedV(cx(t), cy(s), t.y, ends),
    points: [{ x: sx, y: cy(s) }, { x: cx(t), y: cy(s) }, { x: cx(t), y: t.y }],
  };
  const down: Candidate = {
    side: 'bottom',
    blocked: b.blockedV(cx(s), bottom, gapY, ends) || b.blockedH(gapY, cx(s), cx(t), ends) || b.blockedV(cx(t), gapY, t.y, ends),
    points: [{ x: cx(s), y: bottom }, { x: cx(s), y: gapY }, { x: cx(t), y: gapY }, { x: cx(t), y: t.y }],
  };
  return gateway ? [across, down] : [down, across];
}

/** Up the table (a loop back): out of the side, up a channel along the target lane's side, into the target's side. */
function backward(s: Bounds, t: Bounds, sColumn: number, tColumn: number, channelX: (column: number, side: 'left' | 'right') => number): Candidate[] {
  const via = (side: 'left' | 'right', exit: Side, sx: number, tx: number): Candidate => ({
    side: exit, blocked: false,
    get points() { const x = channelX(tColumn, side); return [{ x: sx, y: cy(s) }, { x, y: cy(s) }, { x, y: cy(t) }, { x: tx, y: cy(t) }]; },
  });
  if (sColumn > tColumn) return [via('right', 'left', s.x, t.x + t.width)];
  if (sColumn < tColumn) return [via('left', 'right', s.x + s.width, t.x)];
  return [via('left', 'left', s.x, t.x), via('right', 'right', s.x + s.width, t.x + t.width)];
}

/** Beside the arrow's first segment, past the source's own label when the arrow leaves downwards through it. */
function flowLabel(text: string, points: Point[], sourceLabel: Bounds | undefined): Bounds {
  const [a, b] = [points[0]!, points[1]!];
  const width = textWidth(text);
  if (a.y === b.y) return { x: b.x > a.x ? a.x + 6 : a.x - 6 - width, y: a.y - LABEL_LINE - 4, width, height: LABEL_LINE };
  const below = sourceLabel && b.y > a.y && sourceLabel.y >= a.y - 1 ? sourceLabel.y + sourceLabel.height + 2 : a.y + 4;
  return { x: a.x + 6, y: b.y > a.y ? below : a.y - LABEL_LINE - 4, width, height: LABEL_LINE };
}
