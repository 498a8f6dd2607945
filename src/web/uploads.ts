// Document uploads: multer writes to the uploads folder under a generated name; the type is then
// checked by content (magic bytes), the size limit is 2 MB, and a SHA-256 is recorded.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { NextFunction, Request, Response } from 'express';
import { fileTypeFromFile } from 'file-type';
import multer from 'multer';
import type { StoredUpload } from '../cases/case-service.js';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Files in one submission (a form declared in the model may have this many file fields). */
export const MAX_FILES_PER_SUBMISSION = 5;
const ACCEPTED = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

export class UploadRejected extends Error {
  constructor(
    readonly field: string,
    readonly reason: 'upload.tooLarge' | 'upload.type' | 'upload.invalid',
  ) {
    super(reason);
  }
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Multer middleware accepting files (one per field, at most MAX_FILES_PER_SUBMISSION) in the request's
 * `fileFields` (others are ignored);
 * a rejected file becomes `req.uploadError`, never a thrown 500.
 */
export function uploadMiddleware(uploadDir: string) {
  const storage = multer.diskStorage({ destination: uploadDir, filename: (_req, _file, cb) => cb(null, randomUUID()) });
  const parse = multer({
    storage,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_FILES_PER_SUBMISSION, fields: 60, fieldSize: 16 * 1024 },
    fileFilter: (req, file, cb) => cb(null, (req.fileFields ?? []).includes(file.fieldname)),
  }).any();
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data')) return next();
    parse(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        req.uploadError = new UploadRejected(err.field ?? '', err.code === 'LIMIT_FILE_SIZE' ? 'upload.tooLarge' : 'upload.invalid');
        req.body ??= {};
        return next();
      }
      next(err);
    });
  };
}

/** Checks the files multer stored; removes and reports a file whose content is not PDF/JPG/PNG. */
export async function checkUploads(req: Request): Promise<StoredUpload[]> {
  const files = Array.isArray(req.files) ? req.files : [];
  const out: StoredUpload[] = [];
  for (const file of files) {
    const type = await fileTypeFromFile(file.path);
    if (!type || !ACCEPTED.has(type.mime)) {
      await unlink(file.path).catch(() => undefined);
      throw new UploadRejected(file.fieldname, 'upload.type');
    }
    out.push({
      field: file.fieldname, originalName: safeName(file.originalname, ACCEPTED.get(type.mime)!), storedName: file.filename,
      mime: type.mime, size: file.size, sha256: await sha256File(file.path),
    });
  }
  return out;
}

/** A display name without path parts or control characters, with the extension of the real type. */
function safeName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f"<>]/g, '').replace(/\.[^.]*$/, '').slice(0, 120);
  return `${base || 'dokumen'}.${ext}`;
}

export async function discardUploads(req: Request): Promise<void> {
  const files = Array.isArray(req.files) ? req.files : [];
  await Promise.all(files.map((f) => unlink(f.path).catch(() => undefined)));
}
