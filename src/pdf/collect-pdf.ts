// The bytes of a pdfkit document: call right after creating it, before drawing, then doc.end().
import type PDFDocument from 'pdfkit';

export function collectPdf(doc: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

let pdfkit: Promise<typeof PDFDocument> | undefined;

/** pdfkit, loaded on the first PDF rather than at start (it and its fonts cost a start about 0.1 s). */
export function loadPdfKit(): Promise<typeof PDFDocument> {
  pdfkit ??= import('pdfkit').then((m) => m.default);
  return pdfkit;
}
