// Imports an SOP document (a PDF with a text layer, or a pasted table) into a BPMN draft, within input
// limits: the reader gives the table (pdf/ or text/), build-draft.ts the draft. Refusals are ImportRefusedError.
import { ImportRefusedError, type ImportResult, type SopTable } from './types.js';
import { readSopText } from './text/read-text.js';
import { buildDraft } from './build-draft.js';
import { IMPORT_LIMITS } from './limits.js';

export type ImportInput = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'text'; text: string };

export { IMPORT_LIMITS };

async function readPdf(bytes: Uint8Array): Promise<SopTable> {
  // NOTE: loaded on first use: pdf.js is large, and pasted text never needs it
  const { readSopPdf } = await import('./pdf/read-pdf.js');
  return readSopPdf(bytes, { maxPages: IMPORT_LIMITS.pages });
}

/** The draft of the document, or an ImportRefusedError saying why there is none. */
export async function importSop(input: ImportInput): Promise<ImportResult> {
  let table: SopTable;
  if (input.kind === 'pdf') {
    if (input.bytes.byteLength > IMPORT_LIMITS.pdfBytes) throw new ImportRefusedError('too-large', { bytes: String(input.bytes.byteLength), max: String(IMPORT_LIMITS.pdfBytes) });
    if (input.bytes.byteLength === 0) throw new ImportRefusedError('empty');
    table = await readPdf(input.bytes);
  } else {
    const bytes = Buffer.byteLength(input.text, 'utf8');
    if (bytes > IMPORT_LIMITS.textBytes) throw new ImportRefusedError('too-large', { bytes: String(bytes), max: String(IMPORT_LIMITS.textBytes) });
    table = readSopText(input.text);
  }
  if (table.rows.length > IMPORT_LIMITS.rows) throw new ImportRefusedError('too-large', { rows: String(table.rows.length), max: String(IMPORT_LIMITS.rows) });
  if (table.rows.length === 0) throw new ImportRefusedError('empty');
  return buildDraft(table);
}
