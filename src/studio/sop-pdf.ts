// The official SOP as a PDF (pdfkit, A4 landscape): page 1 the identity, then the procedure table
// with the flowchart in the Pelaksana columns (same layout as the HTML, see sop-chart.ts).
import type { SopDocument } from '../workflow/index.js';
import { chartRows, SYMBOL_SIZE, type ArrowSide, type ChartSymbol, type RowChart } from './sop-chart.js';
import { sopDuration, type SopVersion } from './sop-format.js';
import { drawIdentity } from './sop-pdf-identity.js';
import { cell, textHeight, type CellText, type Doc } from './sop-pdf-kit.js';
import { collectPdf, loadPdfKit } from '../pdf/collect-pdf.js';

const MARGIN = 28;
const LANE_WIDTH = 78;
const HEADER_H = 30;

interface Columns { no: number; uraian: number; lanes: number; persyaratan: number; waktu: number; output: number; keterangan: number }

function columnWidths(total: number, laneCount: number): Columns {
  const fixed = { no: 26, lanes: LANE_WIDTH * Math.max(1, laneCount), waktu: 52 };
  const rest = total - fixed.no - fixed.lanes - fixed.waktu;
  return { ...fixed, uraian: rest * 0.32, persyaratan: rest * 0.26, output: rest * 0.22, keterangan: rest * 0.2 };
}

function drawHeader(doc: Doc, sop: SopDocument, c: Columns, x0: number, y: number): number {
  const half = HEADER_H / 2;
  let x = x0;
  const th = (w: number, text: string, h = HEADER_H, dy = 0): void => cell(doc, x, y + dy, w, h, [{ text, bold: true, align: 'center' }], true);
  th(c.no, 'No.'); x += c.no;
  th(c.uraian, 'Uraian Kegiatan'); x += c.uraian;
  th(c.lanes, 'Pelaksana', half);
  const laneW = c.lanes / Math.max(1, sop.columns.length);
  sop.columns.forEach((name) => { th(laneW, name, half, half); x += laneW; });
  th(c.persyaratan + c.waktu + c.output, 'Mutu Baku', half);
  th(c.persyaratan, 'Persyaratan/ Perlengkapan', half, half); x += c.persyaratan;
  th(c.waktu, 'Waktu', half, half); x += c.waktu;
  th(c.output, 'Output', half, half); x += c.output;
  th(c.keterangan, 'Keterangan');
  return y + HEADER_H;
}

function drawSymbol(doc: Doc, symbol: ChartSymbol, arrows: ArrowSide[], cx: number, cy: number): void {
  const { w: sw, h: sh } = SYMBOL_SIZE[symbol.kind];
  doc.lineWidth(0.9);
  if (symbol.kind === 'decision') doc.polygon([cx, cy - sh], [cx + sw, cy], [cx, cy + sh], [cx - sw, cy]);
  else if (symbol.kind === 'terminator') doc.roundedRect(cx - sw, cy - sh, 2 * sw, 2 * sh, sh);
  else doc.rect(cx - sw, cy - sh, 2 * sw, 2 * sh);
  doc.fillAndStroke('white', 'black');
  for (const side of arrows) {
    if (side === 'top') doc.polygon([cx - 3.5, cy - sh - 6], [cx + 3.5, cy - sh - 6], [cx, cy - sh]);
    else if (side === 'left') doc.polygon([cx - sw - 6, cy - 3.5], [cx - sw - 6, cy + 3.5], [cx - sw, cy]);
    else doc.polygon([cx + sw + 6, cy - 3.5], [cx + sw + 6, cy + 3.5], [cx + sw, cy]);
    doc.fill('black');
  }
}

function drawChart(doc: Doc, chart: RowChart, x: number, y: number, w: number, h: number, laneCount: number): void {
  const px = (f: number): number => x + f * w;
  const py = (f: number): number => y + f * h;
  doc.lineWidth(0.6).strokeColor('black');
  for (let i = 1; i < laneCount; i++) doc.moveTo(px(i / laneCount), y).lineTo(px(i / laneCount), y + h).stroke();
  doc.rect(x, y, w, h).stroke();
  doc.lineWidth(0.9);
  for (const s of chart.segments) doc.moveTo(px(s.x1), py(s.y1)).lineTo(px(s.x2), py(s.y2)).stroke();
  // NOTE: the row's own shape last, so it stays whole where two shapes of a row share a lane
  for (let i = chart.symbols.length - 1; i >= 0; i--) {
    const symbol = chart.symbols[i]!;
    drawSymbol(doc, symbol, chart.arrows.filter((a) => a.symbol === i).map((a) => a.side), px(symbol.x), py(0.5));
  }
  doc.font('Helvetica').fontSize(7).fillColor('black');
  for (const l of chart.labels) {
    const left = l.anchor === 'end' ? px(l.x) - 3 - doc.widthOfString(l.text) : px(l.x) + 3;
    doc.text(l.text, left, py(l.y) - 4, { lineBreak: false });
  }
}

const list = (items: string[]): string => (items.length > 1 ? items.map((t) => `- ${t}`).join('\n') : (items[0] ?? ''));

export async function sopPdf(sop: SopDocument, info: SopVersion): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: sop.identity.namaSop, Subject: `SOP ${sop.name}, versi ${info.version}`, Creator: 'Alur' } });
  const done = collectPdf(doc);
  const width = doc.page.width - 2 * MARGIN;
  drawIdentity(doc, sop.identity, info, MARGIN, MARGIN, width);

  const c = columnWidths(width, sop.columns.length);
  const charts = chartRows(sop);
  doc.addPage();
  let y = drawHeader(doc, sop, c, MARGIN, MARGIN);
  sop.rows.forEach((row, i) => {
    const texts: Array<[number, CellText[]]> = [
      [c.no, [{ text: `${row.no}.`, align: 'center' }]],
      [c.uraian, [{ text: row.uraian }]],
      [c.lanes, []],
      [c.persyaratan, [{ text: list(row.requirements) }]],
      [c.waktu, [{ text: sopDuration(row.timeStandard), align: 'center' }]],
      [c.output, [{ text: row.output }]],
      [c.keterangan, [{ text: list(row.keterangan) }]],
    ];
    const h = Math.max(46, ...texts.map(([w, parts]) => textHeight(doc, w, parts)));
    if (y + h > doc.page.height - MARGIN) {
      doc.addPage();
      y = drawHeader(doc, sop, c, MARGIN, MARGIN);
    }
    let x = MARGIN;
    for (const [w, parts] of texts) {
      if (parts.length) cell(doc, x, y, w, h, parts);
      else drawChart(doc, charts[i]!, x, y, w, h, sop.columns.length);
      x += w;
    }
    y += h;
  });
  doc.end();
  return done;
}
