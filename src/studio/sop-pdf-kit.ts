// Small drawing helpers over pdfkit shared by the SOP PDF pages: bordered text cells and lists.
import type PDFKit from 'pdfkit';

export type Doc = PDFKit.PDFDocument;
export const PAD = 4;
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;
/**
 * Characters laid out per text of a cell. NOTE: pdfkit's line breaking costs grow faster than the
 * text (a long unbroken word is quadratic), so each text is cut here whatever the document holds.
 */
export const MAX_CELL_CHARS = 1500;

const shown = (text: string): string => (text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 1)}…`);

export interface CellText {
  text: string;
  bold?: boolean;
  align?: 'left' | 'center';
  size?: number;
}

/** Numbered list text ("1. …\n2. …"), or the single item as is. */
export function numbered(items: string[]): string {
  return items.length > 1 ? items.map((t, i) => `${i + 1}. ${t}`).join('\n') : (items[0] ?? '');
}

/** Height the texts need in a cell of width `w` (one paragraph per entry). */
export function textHeight(doc: Doc, w: number, parts: CellText[]): number {
  return parts.reduce((h, p) => {
    doc.font(p.bold ? FONT.bold : FONT.regular).fontSize(p.size ?? 8.5);
    return h + (p.text ? doc.heightOfString(shown(p.text), { width: w - 2 * PAD }) : 0);
  }, 2 * PAD);
}

/** A bordered cell with its texts stacked from the top (or centred vertically). */
export function cell(doc: Doc, x: number, y: number, w: number, h: number, parts: CellText[], middle = false): void {
  doc.lineWidth(0.6).rect(x, y, w, h).stroke();
  let ty = y + PAD;
  if (middle) ty = y + (h - textHeight(doc, w, parts)) / 2 + PAD;
  for (const p of parts) {
    if (!p.text) continue;
    doc.font(p.bold ? FONT.bold : FONT.regular).fontSize(p.size ?? 8.5).fillColor('black');
    const text = shown(p.text);
    doc.text(text, x + PAD, ty, { width: w - 2 * PAD, align: p.align ?? 'left' });
    ty += doc.heightOfString(text, { width: w - 2 * PAD });
  }
}
