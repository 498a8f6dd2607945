// "Impor dokumen SOP" on the SOP baru page (process owners): a PDF (multipart, kept in memory up to
// 10 MB, its type checked by its bytes) or a pasted table; the importer runs in its worker and a draft
// opens the studio (303). A refusal re-renders the page with the reason, the pasted text and the id kept.
import { Router } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import multer from 'multer';
import { requireRole } from '../auth/guards.js';
import { IMPORT_LIMITS, type ImportInput } from '../importer/import-sop.js';
import { importInWorker } from '../importer/import-worker.js';
import type { Store } from '../store/ports.js';
import { asyncRoute, setFlash, type RenderPage } from '../web/page.js';
import { csrfCheck } from '../web/security.js';
import { tolerantMultipart } from '../web/uploads.js';
import { renderNewSop, type ImportFormErrors } from './new-sop-page.js';
import type { ProcessCatalog } from './process-catalog.js';
import { PROCESS_KEY_MAX, processPaths } from './process-key.js';
import { SopImportService, type SopImporter, type SopImportField } from './sop-import.js';

/** The import's multipart POST: app.ts lets it through the early CSRF check, which runs here after parsing. */
export const SOP_IMPORT_PATH = '/proses/baru/impor';
export const SOP_IMPORT_ROUTE = /^\/proses\/baru\/impor$/;
/** A file past the import's limit is still read (and dropped) up to this size, so the fields after it arrive. */
const DRAIN_BYTES = 64 * 1024 * 1024;
/** The pasted text may be this large and still come back on the page (the importer refuses past its limit). */
const TEXT_FIELD_BYTES = 2 * IMPORT_LIMITS.textBytes;

type HeldFile = Express.Multer.File & { tooLarge?: boolean };

/** Multer storage: the file in memory up to `max` bytes; a larger one is read to its end and dropped. */
function boundedMemory(max: number): multer.StorageEngine {
  return {
    _handleFile(_req, file, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      file.stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= max) chunks.push(chunk);
        else chunks.length = 0;
      });
      file.stream.on('error', cb);
      file.stream.on('end', () => cb(null, (size <= max ? { buffer: Buffer.concat(chunks), size } : { size, tooLarge: true }) as Partial<HeldFile>));
    },
    _removeFile(_req, file, cb) {
      (file as Partial<HeldFile>).buffer = undefined;
      cb(null);
    },
  };
}

const parse = multer({
  storage: boundedMemory(IMPORT_LIMITS.pdfBytes),
  // NOTE: browsers send file names as raw UTF-8 without a charset parameter
  defParamCharset: 'utf8',
  limits: { fileSize: DRAIN_BYTES, files: 1, fields: 8, parts: 10, fieldSize: TEXT_FIELD_BYTES },
  fileFilter: (_req, file, cb) => cb(null, file.fieldname === 'berkas'),
}).any();

/** Parses the form; a body multer refuses becomes `res.locals.importParseError` (the CSRF check still decides first). */
const parseForm = tolerantMultipart(parse, (_req, err, res) => {
  res.locals.importParseError = err instanceof multer.MulterError ? err.code : 'MALFORMED';
});

const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

export function sopImportRoutes(deps: { store: Store; catalog: ProcessCatalog; renderPage: RenderPage; now?: () => Date; importer?: SopImporter }): Router {
  const router = Router();
  const service = new SopImportService({ ...deps, importer: deps.importer ?? importInWorker });

  router.post(SOP_IMPORT_PATH, requireRole('process-owner'), parseForm, csrfCheck, asyncRoute(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    // NOTE: a browser sends the textarea's line breaks as CRLF
    const text = str(body.teks, TEXT_FIELD_BYTES).replace(/\r\n?/g, '\n');
    const key = str(body.idImpor, PROCESS_KEY_MAX * 2).trim();
    const refuse = (field: SopImportField, message: string, status: number) => {
      const errors: ImportFormErrors = { [field]: message };
      renderNewSop(deps.renderPage, req, res, { importValues: { text, key }, importErrors: errors, focusText: message === 'import.refused.scanned' }, status);
    };
    const parseError = res.locals.importParseError as string | undefined;
    if (parseError === 'LIMIT_FILE_SIZE') return refuse('berkas', 'import.refused.too-large', 413);
    if (parseError === 'LIMIT_FIELD_VALUE') return refuse('teks', 'import.refused.too-large', 413);
    if (parseError) return refuse('berkas', 'upload.malformed', 400);

    const file = (Array.isArray(req.files) ? req.files : []).find((f) => f.fieldname === 'berkas') as HeldFile | undefined;
    const hasFile = !!file && (file.tooLarge || file.size > 0);
    if (hasFile && text.trim()) return refuse('berkas', 'sopImport.error.both', 422);
    if (!hasFile && !text.trim()) return refuse('berkas', 'sopImport.error.none', 422);
    let input: ImportInput;
    if (hasFile) {
      if (file.tooLarge) return refuse('berkas', 'import.refused.too-large', 413);
      const type = await fileTypeFromBuffer(file.buffer);
      if (type?.mime !== 'application/pdf') return refuse('berkas', 'sopImport.error.notPdf', 422);
      input = { kind: 'pdf', bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength) };
    } else {
      if (Buffer.byteLength(text, 'utf8') > IMPORT_LIMITS.textBytes) return refuse('teks', 'import.refused.too-large', 413);
      input = { kind: 'text', text };
    }

    const outcome = await service.import(input, key, req.user?.id ?? null);
    if (!outcome.ok) {
      if (outcome.status === 503) res.set('Retry-After', '10');
      return refuse(outcome.field, outcome.message, outcome.status);
    }
    setFlash(req, outcome.problems > 0 ? 'sopImport.flash.createdWithProblems' : 'sopImport.flash.created');
    res.redirect(303, processPaths(outcome.key).studio);
  }));
  return router;
}
