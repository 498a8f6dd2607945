// The receipt (Bukti Permohonan) as a one-page A4 PDF (pdfkit): the office, the service, the nomor
// permohonan, the applicant, the dates and the result, with a QR code of the verification URL.
import type QRCodeModule from 'qrcode';
import { formatDateTime } from '../web/i18n.js';
import { collectPdf, loadPdfKit } from '../pdf/collect-pdf.js';

export interface ReceiptFacts {
  office: string;
  processName: string;
  caseNumber: string;
  applicantName: string;
  submittedAt: string; // ISO
  completedAt: string; // ISO
  result: string; // e.g. 'Selesai', 'Aktif'
  systems: string[];
  verifyUrl: string;
}

const MARGIN = 56;
const QR_SIZE = 120;

/** The modules of the QR code drawn as squares (vector: sharp at any zoom). */
function drawQr(QRCode: typeof QRCodeModule, doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
  }
  doc.fill('black');
}

export async function receiptPdf(f: ReceiptFacts): Promise<Buffer> {
  const [PDFDocument, QRCode] = await Promise.all([loadPdfKit(), import('qrcode').then((m) => m.default)]); // on first use, not at start
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `Bukti Permohonan ${f.caseNumber}`, Subject: f.processName, Creator: 'Alur' } });
  const done = collectPdf(doc);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica').fontSize(11).text(f.office, { width });
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(18).text('BUKTI PERMOHONAN', { width });
  doc.font('Helvetica').fontSize(10).fillColor('#444').text('Receipt of application', { width }).fillColor('black');
  doc.moveDown(1.2);
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).fillColor('#444').text(label, MARGIN, y, { width: 150 });
    doc.font('Helvetica-Bold').fontSize(11).fillColor('black').text(value, MARGIN + 160, y, { width: width - 160 });
    doc.moveDown(0.6);
  };
  row('Nomor permohonan', f.caseNumber);
  row('Layanan', f.processName);
  row('Atas nama', f.applicantName);
  row('Diajukan', formatDateTime(f.submittedAt, 'id'));
  row('Selesai', formatDateTime(f.completedAt, 'id'));
  row('Hasil', f.result);
  if (f.systems.length) row('Sistem', f.systems.join(', '));
  doc.moveDown(1.5);
  const top = doc.y;
  drawQr(QRCode, doc, f.verifyUrl, MARGIN, top, QR_SIZE);
  doc.font('Helvetica').fontSize(10).text('Periksa keaslian bukti ini dengan memindai kode QR atau membuka:', MARGIN + QR_SIZE + 20, top, { width: width - QR_SIZE - 20 });
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(9).text(f.verifyUrl, { width: width - QR_SIZE - 20, link: f.verifyUrl });
  doc.moveDown(0.8).font('Helvetica').fontSize(9).fillColor('#444')
    .text('Verify this receipt by scanning the QR code or opening the address above.', { width: width - QR_SIZE - 20 }).fillColor('black');
  doc.end();
  return done;
}
