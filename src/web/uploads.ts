// Document uploads: multer writes to the uploads folder under a generated name; the type is then
// checked by content (magic bytes), the size limit is 2 MB, images are stored without their
// metadata (see image-metadata.ts), and a SHA-256 of the stored bytes is recorded.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { NextFunction, Request, Response } from 'express';
import { fileTypeFromFile } from 'file-type';
import multer from 'multer';
import type { StoredUpload } from '../cases/case-service.js';
import { cleanFileName } from './file-names.js';
import { isMalformedMultipart } from './http-errors.js';
import { stripImageMetadata, UnreadableImage } from './image-metadata.js';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Files in one submission (a form declared in the model may have this many file fields). */
export const MAX_FILES_PER_SUBMISSION = 5;
/** Text fields of one multipart submission, and the size of each. */
export const MAX_MULTIPART_FIELDS = 60;
export const MAX_MULTIPART_FIELD_BYTES = 16 * 1024;
const ACCEPTED = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

export type UploadRejectReason = 'upload.tooLarge' | 'upload.type' | 'upload.invalid' | 'upload.malformed' | 'upload.unreadableImage';

export class UploadRejected extends Error {
  constructor(
    readonly field: string,
    readonly reason: UploadRejectReason,
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

function reasonOf(err: unknown): UploadRejectReason {
  if (!(err instanceof multer.MulterError)) return 'upload.malformed';
  return err.code === 'LIMIT_FILE_SIZE' ? 'upload.tooLarge' : 'upload.invalid';
}

/**
 * Multer middleware accepting files (one per field, at most MAX_FILES_PER_SUBMISSION) in the request's
 * `fileFields` (others are ignored). A rejected or malformed upload (too large, truncated body, a
 * part header busboy refuses, e.g. a control character in the file name) becomes `req.uploadError`
 * with the fields read so far kept in `req.body`, never a 500; multer has removed its files by then.
 * A body of which not even the CSRF field could be read goes on as a 400.
 */
export function uploadMiddleware(uploadDir: string) {
  const storage = multer.diskStorage({ destination: uploadDir, filename: (_req, _file, cb) => cb(null, randomUUID()) });
  const parse = multer({
    storage,
    // NOTE: browsers send file names as raw UTF-8 without a charset parameter; multer's default (latin1) garbles them
    defParamCharset: 'utf8',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_FILES_PER_SUBMISSION, fields: MAX_MULTIPART_FIELDS, fieldSize: MAX_MULTIPART_FIELD_BYTES },
    fileFilter: (req, file, cb) => cb(null, (req.fileFields ?? []).includes(file.fieldname)),
  }).any();
  return tolerantMultipart(parse, (req, err) => {
    req.uploadError = new UploadRejected(err instanceof multer.MulterError ? (err.field ?? '') : '', reasonOf(err));
  });
}

type Parser = (req: Request, res: Response, done: (err: unknown) => void) => void;

/**
 * Runs a multer parser on multipart requests so that a body it refuses as malformed (too large,
 * truncated, a bad part header) is handed to `refused` with the fields read so far in `req.body`,
 * and the route answers it in the user's language. A body without even its CSRF field goes on as
 * the error (a 400); any other error goes on too.
 */
export function tolerantMultipart(parse: Parser, refused: (req: Request, err: unknown, res: Response) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data')) return next();
    parse(req, res, (err: unknown) => {
      if (!err) return next();
      if (!isMalformedMultipart(err)) return next(err);
      req.body ??= {};
      if (typeof req.body._csrf !== 'string') return next(err);
      refused(req, err, res);
      next();
    });
  };
}

/**
 * Checks the files multer stored: a file whose content is not PDF/JPG/PNG is refused, and so is an
 * image that cannot be decoded; images are re-encoded without metadata. The hash and size are of
 * the bytes stored. On a refusal the request's files stay for the caller to discard.
 */
export async function checkUploads(req: Request): Promise<StoredUpload[]> {
  const out: StoredUpload[] = [];
  for (const file of requestFiles(req)) {
    const type = await fileTypeFromFile(file.path);
    if (!type || !ACCEPTED.has(type.mime)) throw new UploadRejected(file.fieldname, 'upload.type');
    let size = file.size;
    let sha256: string;
    if (type.mime === 'image/jpeg' || type.mime === 'image/png') {
      const stored = await stripImageMetadata(file.path, type.mime).catch((err: unknown) => {
        throw err instanceof UnreadableImage ? new UploadRejected(file.fieldname, 'upload.unreadableImage') : err;
      });
      size = stored.length;
      sha256 = createHash('sha256').update(stored).digest('hex');
    } else {
      sha256 = await sha256File(file.path);
    }
    out.push({ field: file.fieldname, originalName: cleanFileName(file.originalname, ACCEPTED.get(type.mime)!), storedName: file.filename, mime: type.mime, size, sha256 });
  }
  return out;
}

function requestFiles(req: Request): Express.Multer.File[] {
  return Array.isArray(req.files) ? req.files : [];
}

/** Removes the files this request stored, except those whose stored name is in `kept`. */
export async function discardUploads(req: Request, kept: ReadonlySet<string> = new Set()): Promise<void> {
  await Promise.all(requestFiles(req).filter((f) => !kept.has(f.filename)).map((f) => unlink(f.path).catch(() => undefined)));
}

/** What an upload route did: the files it handed to something that keeps them, and how it answers. */
export interface UploadOutcome {
  keep: readonly StoredUpload[];
  respond: () => void;
}

/**
 * The one place that removes the files a request stored when its change is refused: the route's
 * handler returns which files it kept (recorded, or staged for the next try); every other file of
 * the request is deleted before the answer is sent, and all of them when anything fails after
 * multer stored them (403 CSRF, 409 conflict, any error), except those `recorded` says are in the
 * store after all.
 */
export function uploadRoute(
  handler: (req: Request, res: Response) => Promise<UploadOutcome>,
  recorded: (req: Request, res: Response) => Promise<ReadonlySet<string>>,
): [(req: Request, res: Response, next: NextFunction) => void, (err: unknown, req: Request, res: Response, next: NextFunction) => void] {
  return [
    (req, res, next) => {
      handler(req, res)
        .then(async (outcome) => {
          await discardUploads(req, new Set(outcome.keep.map((f) => f.storedName)));
          outcome.respond();
        })
        .catch(next);
    },
    (err, req, res, next) => {
      recorded(req, res)
        .catch(() => new Set(requestFiles(req).map((f) => f.filename))) // unknown: delete nothing
        .then((kept) => discardUploads(req, kept))
        .then(() => next(err), () => next(err));
    },
  ];
}
