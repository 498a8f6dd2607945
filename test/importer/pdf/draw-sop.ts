// Draws small SOP tables as PDFs with pdfkit, laid out differently from the BPS samples (column order,
// header words, symbol sizes, arrows drawn as stroked lines with filled heads): fixtures that prove the
// reader follows the format, not one agency's files.
import PDFDocument from 'pdfkit';

export interface DrawnColumn {
  header: string;
  width: number;
  /** header cell drawn over the column's own header ("Pelaksana", "Mutu Baku") */
  group?: string;
}

export interface DrawnRow {
  no: string;
  /** cell texts by column header (the No column's text is `no`) */
  cells: Record<string, string>;
  height?: number;
}

export interface DrawnShape {
  row: number; // 0-based
  column: string; // an actor column's header
  kind: 'terminator' | 'process' | 'decision';
  text?: string;
  /** offset from the cell's centre */
  dy?: number;
}

export interface DrawnArrow {
  from: number; // index into shapes
  to: number;
  label?: string;
  /**
   * 'down' (default): from the source's bottom, across at mid-height, into the target's top;
   * 'loop-left': from the source's left, up or down beside both, into the target's left side.
   */
  route?: 'down' | 'loop-left';
  /** draw no arrowhead */
  noHead?: boolean;
  /** the mark of its off-page connector on the next page, when not the same as on the first */
  nextMark?: string;
}

export interface DrawnSop {
  title?: string;
  columns: DrawnColumn[];
  rows: DrawnRow[];
  shapes: DrawnShape[];
  arrows: DrawnArrow[];
  /** the table goes on on a new page after this row (0-based); off-page connectors carry the arrows over */
  breakAfter?: number;
  /** repeat the header on the new page */
  repeatHeader?: boolean;
  /** no rule over the table where it goes on */
  openTop?: boolean;
  /** draw the table without any ruling lines */
  noRules?: boolean;
  /** write the Pelaksana headers bottom-to-top in a taller header row */
  turnedActors?: boolean;
  /** the last row before the break goes on (its cells split) at the top of the new page */
  splitRow?: Record<string, string>;
  identity?: Array<[string, string]>;
  userPassword?: string;
  /** more drawing on the first page, over the table */
  extra?: (doc: PDFKit.PDFDocument) => void;
}

const X0 = 40;
const TOP = 60;
const GROUP_H = 16;
const SUB_H = 20;
const ROW_H = 60;
const FONT = 7;

interface Placed {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  kind: DrawnShape['kind'];
}

export function drawSop(spec: DrawnSop): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 20, autoFirstPage: false, bufferPages: true, ...(spec.userPassword ? { userPassword: spec.userPassword, ownerPassword: 'owner-' + spec.userPassword } : {}) });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.addPage();
  doc.font('Helvetica').fontSize(FONT).lineWidth(0.6);
  if (spec.noRules) {
    // table rules drawn in white: invisible on paper, as a borderless table
    doc.strokeColor('#ffffff');
  }
  let top = TOP;
  if (spec.identity) {
    spec.identity.forEach(([label, value], i) => {
      doc.text(label, 420, 40 + i * 12, { lineBreak: false });
      doc.text(value, 520, 40 + i * 12, { lineBreak: false });
    });
    top = 60 + spec.identity.length * 12;
  }
  const xs: number[] = [X0];
  for (const c of spec.columns) xs.push(xs[xs.length - 1]! + c.width);
  const colX = (header: string): [number, number] => {
    const i = spec.columns.findIndex((c) => c.header === header);
    return [xs[i]!, xs[i + 1]!];
  };
  const placed: Placed[] = [];
  let page = 0;
  let y = drawHeader(doc, spec, xs, top);
  const rowTop: number[] = [];
  let continuedAt = 0;
  spec.rows.forEach((row, r) => {
    const h = row.height ?? ROW_H;
    if (spec.breakAfter !== undefined && r === spec.breakAfter + 1) {
      doc.addPage();
      page = 1;
      y = spec.repeatHeader ? drawHeader(doc, spec, xs, TOP) : TOP + 30;
      if (!spec.repeatHeader && !spec.openTop) doc.moveTo(xs[0]!, y).lineTo(xs[xs.length - 1]!, y).stroke();
      continuedAt = y;
      if (spec.splitRow) y = drawRow(doc, spec, xs, y, { no: '', cells: spec.splitRow, height: 30 });
    }
    rowTop[r] = y;
    spec.shapes.forEach((s) => {
      if (s.row !== r) return;
      const [cx0, cx1] = colX(s.column);
      const size = s.kind === 'decision' ? [40, 28] : s.kind === 'terminator' ? [46, 16] : [42, 20];
      const cx = (cx0 + cx1) / 2;
      const cy = y + h / 2 + (s.dy ?? 0);
      placed.push({ page, x: cx - size[0]! / 2, y: cy - size[1]! / 2, w: size[0]!, h: size[1]!, kind: s.kind });
    });
    y = drawRow(doc, spec, xs, y, row);
  });
  // shapes and arrows, page by page (pdfkit draws on the current page only: switch pages by buffering)
  const pages = spec.breakAfter === undefined ? 1 : 2;
  if (spec.extra) {
    doc.switchToPage(0);
    spec.extra(doc);
  }
  for (let p = 0; p < pages; p++) {
    doc.switchToPage(p);
    doc.strokeColor('#000000');
    spec.shapes.forEach((s, i) => {
      const at = placed[i]!;
      if (at.page !== p) return;
      drawShape(doc, at);
      if (s.text) doc.text(s.text, at.x, at.y + at.h / 2 - FONT / 2, { width: at.w, align: 'center', lineBreak: false });
    });
    spec.arrows.forEach((a) => {
      const from = placed[a.from]!;
      const to = placed[a.to]!;
      if (from.page === p && to.page === p) drawArrow(doc, from, to, a);
      else if (from.page === p) {
        const plug: Placed = { page: p, x: from.x + from.w / 2 - 8, y: rowTop[spec.breakAfter!]! + (spec.rows[spec.breakAfter!]!.height ?? ROW_H) + 8, w: 16, h: 14, kind: 'process' };
        drawArrow(doc, from, plug, { ...a, label: a.label });
        drawPentagon(doc, plug, String.fromCharCode(65 + a.from));
      } else if (to.page === p) {
        // above the table, or inside its first row under a repeated header
        const plug: Placed = { page: p, x: to.x + to.w / 2 - 8, y: spec.repeatHeader ? continuedAt + 3 : continuedAt - 22, w: 16, h: 14, kind: 'process' };
        drawPentagon(doc, plug, a.nextMark ?? String.fromCharCode(65 + a.from));
        drawArrow(doc, plug, to, { ...a, label: undefined });
      }
    });
  }
  doc.end();
  return done;
}

function drawHeader(doc: PDFKit.PDFDocument, spec: DrawnSop, xs: number[], top: number): number {
  const bottom = top + GROUP_H + (spec.turnedActors ? 60 : SUB_H);
  doc.moveTo(xs[0]!, top).lineTo(xs[xs.length - 1]!, top).stroke();
  spec.columns.forEach((c, i) => {
    const [x0, x1] = [xs[i]!, xs[i + 1]!];
    if (c.group === 'Pelaksana' && spec.turnedActors) {
      doc.save().rotate(-90, { origin: [(x0 + x1) / 2 - 3, bottom - 4] });
      doc.text(c.header, (x0 + x1) / 2 - 3, bottom - 4, { lineBreak: false });
      doc.restore();
    }
    if (c.group) {
      if (!(c.group === 'Pelaksana' && spec.turnedActors)) doc.text(c.header, x0 + 2, top + GROUP_H + 6, { width: x1 - x0 - 4, align: 'center', lineBreak: false });
      doc.moveTo(x0, top + GROUP_H).lineTo(x1, top + GROUP_H).stroke();
      const first = spec.columns.findIndex((o) => o.group === c.group);
      const last = spec.columns.length - 1 - [...spec.columns].reverse().findIndex((o) => o.group === c.group);
      if (i === first) doc.text(c.group, xs[first]!, top + 5, { width: xs[last + 1]! - xs[first]!, align: 'center', lineBreak: false });
      doc.moveTo(x0, top + (i === first ? 0 : GROUP_H)).lineTo(x0, bottom).stroke();
    } else {
      doc.text(c.header, x0 + 2, top + 14, { width: x1 - x0 - 4, align: 'center', lineBreak: false });
      doc.moveTo(x0, top).lineTo(x0, bottom).stroke();
    }
  });
  doc.moveTo(xs[xs.length - 1]!, top).lineTo(xs[xs.length - 1]!, bottom).stroke();
  doc.moveTo(xs[0]!, bottom).lineTo(xs[xs.length - 1]!, bottom).stroke();
  return bottom;
}

function drawRow(doc: PDFKit.PDFDocument, spec: DrawnSop, xs: number[], y: number, row: DrawnRow): number {
  const h = row.height ?? ROW_H;
  spec.columns.forEach((c, i) => {
    const text = i === 0 ? row.no : row.cells[c.header];
    if (text) doc.text(text, xs[i]! + 3, y + 4, { width: xs[i + 1]! - xs[i]! - 6 });
    doc.moveTo(xs[i]!, y).lineTo(xs[i]!, y + h).stroke();
  });
  doc.moveTo(xs[xs.length - 1]!, y).lineTo(xs[xs.length - 1]!, y + h).stroke();
  doc.moveTo(xs[0]!, y + h).lineTo(xs[xs.length - 1]!, y + h).stroke();
  return y + h;
}

function drawShape(doc: PDFKit.PDFDocument, s: Placed): void {
  if (s.kind === 'process') doc.rect(s.x, s.y, s.w, s.h).stroke();
  else if (s.kind === 'terminator') doc.roundedRect(s.x, s.y, s.w, s.h, s.h / 2).stroke();
  else doc.polygon([s.x + s.w / 2, s.y], [s.x + s.w, s.y + s.h / 2], [s.x + s.w / 2, s.y + s.h], [s.x, s.y + s.h / 2]).stroke();
}

function drawPentagon(doc: PDFKit.PDFDocument, s: Placed, mark: string): void {
  doc.polygon([s.x, s.y], [s.x + s.w, s.y], [s.x + s.w, s.y + s.h * 0.6], [s.x + s.w / 2, s.y + s.h], [s.x, s.y + s.h * 0.6]).stroke();
  doc.text(mark, s.x, s.y + 2, { width: s.w, align: 'center', lineBreak: false });
}

/** An orthogonal connector ending in a filled head, its label beside its first stretch. */
function drawArrow(doc: PDFKit.PDFDocument, a: Placed, b: Placed, arrow: DrawnArrow): void {
  const acx = a.x + a.w / 2;
  const bcx = b.x + b.w / 2;
  const pts: Array<[number, number]> = [];
  if (arrow.route === 'loop-left') {
    const out = Math.min(a.x, b.x) - 14;
    pts.push([a.x, a.y + a.h / 2], [out, a.y + a.h / 2], [out, b.y + b.h / 2], [b.x, b.y + b.h / 2]);
  } else if (Math.abs(bcx - acx) < 1) {
    pts.push([acx, a.y + a.h], [bcx, b.y]);
  } else {
    const midY = (a.y + a.h + b.y) / 2;
    pts.push([acx, a.y + a.h], [acx, midY], [bcx, midY], [bcx, b.y]);
  }
  const [tx, ty] = pts[pts.length - 1]!;
  const [px, py] = pts[pts.length - 2]!;
  const len = Math.hypot(tx - px, ty - py);
  const ux = (tx - px) / len;
  const uy = (ty - py) / len;
  const head = 5;
  const base: [number, number] = arrow.noHead ? [tx, ty] : [tx - ux * head, ty - uy * head];
  doc.moveTo(pts[0]![0], pts[0]![1]);
  for (const p of pts.slice(1, -1)) doc.lineTo(p[0], p[1]);
  doc.lineTo(base[0], base[1]).stroke();
  if (!arrow.noHead) doc.polygon([tx, ty], [base[0] - uy * 2.5, base[1] + ux * 2.5], [base[0] + uy * 2.5, base[1] - ux * 2.5]).fill('#000000');
  if (arrow.label) {
    const [x0, y0] = pts[0]!;
    const [x1, y1] = pts[1]!;
    const horizontal = Math.abs(y1 - y0) < 1;
    const width = doc.widthOfString(arrow.label);
    doc.fillColor('#000000').text(arrow.label, horizontal ? (x0 + x1) / 2 - width / 2 : x0 + 3, horizontal ? y0 - FONT - 2 : (y0 + y1) / 2 - FONT / 2, { lineBreak: false });
  }
}
