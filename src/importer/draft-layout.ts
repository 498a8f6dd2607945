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
const SIZE = { userTask: { width: 120, height: 80 }, exclusiveGateway: { width: 50, height: 50 }, startEvent: { width: 36, height: 36 }, endEvent: { width: 36, height: 36 } };
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

  // rows: a row with a decision stacks task and gateway; the other shapes sit on the gateway's line
  const rowTop: number[] = [];
  const flowLine: number[] = [];
  let y = POOL.y + POOL.header + LANE_HEADER;
  for (let r = 1; r <= Math.max(rowCount, 1); r++) {
    const decision = nodes.some((n) => n.row === r && n.type === 'exclusiveGateway');
    const events = nodes.some((n) => n.row === r && (n.type === 'startEvent' || n.type === 'endEvent'));
    rowTop.push(y);
    flowLine.push(decision ? y + PAD + SIZE.userTask.height + GAP + SIZE.exclusiveGateway.height / 2 : y + PAD + SIZE.userTask.height / 2);
    y += decision ? PAD + SIZE.userTask.height + GAP + SIZE.exclusiveGateway.height + LABEL_LINE * 2 + PAD : PAD * 2 + SIZE.userTask.height + (events ? 10 : 0);
  }
  const bottom = y + 20;

  const shapes = new Map<string, Bounds>();
  const labels = new Map<string, Bounds>();
  for (const n of nodes) {
    const column = columnOf.get(n.id)!;
    const cell = `${n.row}:${column}`;
    const slots = slotsPerCell.get(cell) ?? 1;
    const centreX = laneX[column]! + laneWidth[column]! / 2 + (slotOf.get(n.id)! - (slots - 1) / 2) * SLOT;
    const size = SIZE[n.type];
    const top = rowTop[n.row - 1]!;
    const line = flowLine[n.row - 1]!;
    const centreY = n.gateway ? top + PAD + size.height / 2 : line;
    const bounds = { x: Math.round(centreX - size.width / 2), y: Math.round(centreY - size.height / 2), width: size.width, height: size.height };
    shapes.set(n.id, bounds);
    if (n.type !== 'userTask' && n.name) labels.set(n.id, labelBounds(n.name, cx(bounds), bounds.y + bounds.height + 4));
  }

  const lanes = laneWidth.map((width, c) => ({ x: laneX[c]!, y: POOL.y + POOL.header, width, height: bottom - POOL.y - POOL.header }));
  const pool = { x: POOL.x, y: POOL.y, width: laneWidth.reduce((a, b) => a + b, 0), height: bottom - POOL.y };
  const edges = routeFlows(nodes, flows, { shapes, columnOf, lanes, rowTop });
  return { pool, lanes, shapes, labels, edges };
}

interface RouteContext { shapes: Map<string, Bounds>; columnOf: Map<string, number>; lanes: Bounds[]; rowTop: number[] }

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
  /** Whether a vertical segment at x from y1 to y2 passes through a shape other than the ends. */
  const blockedV = (x: number, y1: number, y2: number, ends: string[]): boolean =>
    [...ctx.shapes].some(([id, b]) => !ends.includes(id) && x > b.x - 2 && x < b.x + b.width + 2 && Math.max(y1, y2) > b.y && Math.min(y1, y2) < b.y + b.height);
  const blockedH = (y: number, x1: number, x2: number, ends: string[]): boolean =>
    [...ctx.shapes].some(([id, b]) => !ends.includes(id) && y > b.y - 2 && y < b.y + b.height + 2 && Math.max(x1, x2) > b.x && Math.min(x1, x2) < b.x + b.width);

  const edges: DraftLayout['edges'] = new Map();
  for (const f of flows) {
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
      points = [{ x: s.x + s.width, y: cy(s) }, { x: s.x + s.width + 20, y: cy(s) }, { x: s.x + s.width + 20, y: up }, { x: cx(s), y: up }, { x: cx(s), y: s.y }];
    } else if (tn.row > sn.row) {
      points = forward(s, t, ends, ctx.rowTop[tn.row - 1]! + 12, { blockedV, blockedH, channel: () => channelX(ctx.columnOf.get(f.source)!, 'right') });
    } else if (tn.row === sn.row) {
      const toRight = cx(t) > cx(s);
      const sx = toRight ? s.x + s.width : s.x;
      const tx = toRight ? t.x : t.x + t.width;
      const mid = Math.round((sx + tx) / 2);
      points = Math.abs(cy(s) - cy(t)) < 1 ? [{ x: sx, y: cy(s) }, { x: tx, y: cy(t) }] : [{ x: sx, y: cy(s) }, { x: mid, y: cy(s) }, { x: mid, y: cy(t) }, { x: tx, y: cy(t) }];
    } else {
      points = backward(s, t, ctx.columnOf.get(f.source)!, ctx.columnOf.get(f.target)!, channelX);
    }
    const rounded = points.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
    edges.set(f.id, { waypoints: rounded, label: f.name ? flowLabel(f.name, rounded) : null });
  }
  return edges;
}

interface Blocks {
  blockedV: (x: number, y1: number, y2: number, ends: string[]) => boolean;
  blockedH: (y: number, x1: number, x2: number, ends: string[]) => boolean;
  channel: () => number;
}

/** Down the table: straight down, else across then down, else down then across, else along the lane's side. */
function forward(s: Bounds, t: Bounds, ends: string[], gapY: number, b: Blocks): Point[] {
  if (Math.abs(cx(s) - cx(t)) < 1) {
    if (!b.blockedV(cx(s), s.y + s.height, t.y, ends)) return [{ x: cx(s), y: s.y + s.height }, { x: cx(t), y: t.y }];
    const x = b.channel();
    return [{ x: s.x + s.width, y: cy(s) }, { x, y: cy(s) }, { x, y: cy(t) }, { x: t.x + t.width, y: cy(t) }];
  }
  const toRight = cx(t) > cx(s);
  const sx = toRight ? s.x + s.width : s.x;
  if (!b.blockedH(cy(s), sx, cx(t), ends) && !b.blockedV(cx(t), cy(s), t.y, ends)) {
    return [{ x: sx, y: cy(s) }, { x: cx(t), y: cy(s) }, { x: cx(t), y: t.y }];
  }
  return [{ x: cx(s), y: s.y + s.height }, { x: cx(s), y: gapY }, { x: cx(t), y: gapY }, { x: cx(t), y: t.y }];
}

/** Up the table (a loop back): out of the side, up a channel along the target lane's side, into the target's side. */
function backward(s: Bounds, t: Bounds, sColumn: number, tColumn: number, channelX: (column: number, side: 'left' | 'right') => number): Point[] {
  if (sColumn > tColumn) {
    const x = channelX(tColumn, 'right');
    return [{ x: s.x, y: cy(s) }, { x, y: cy(s) }, { x, y: cy(t) }, { x: t.x + t.width, y: cy(t) }];
  }
  const x = channelX(tColumn, 'left');
  const sx = sColumn === tColumn ? s.x : s.x + s.width;
  return [{ x: sx, y: cy(s) }, { x, y: cy(s) }, { x, y: cy(t) }, { x: t.x, y: cy(t) }];
}

function flowLabel(text: string, points: Point[]): Bounds {
  const [a, b] = [points[0]!, points[1]!];
  const width = textWidth(text);
  if (a.y === b.y) return { x: b.x > a.x ? a.x + 6 : a.x - 6 - width, y: a.y - LABEL_LINE - 4, width, height: LABEL_LINE };
  return { x: a.x + 6, y: b.y > a.y ? a.y + 4 : a.y - LABEL_LINE - 4, width, height: LABEL_LINE };
}
