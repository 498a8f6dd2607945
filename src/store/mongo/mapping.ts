// Lean MongoDB documents ↔ the port's plain records: `_id` ↔ `id`, BSON Binary → Buffer,
// and MongoDB errors → ConflictError.
import { ConflictError, type SessionRecord } from '../ports.js';
import type { SessionDoc } from './schemas.js';

/**
 * Strips `_id` (→ `id`) and the store-internal `seq`, `leaseExpires` and counters (`eventSeq`,
 * `codeSeq`: sequences.ts; `holdSeq`: case-change.ts); what is left is the record.
 */
export function fromDoc<R extends { id: string }>(doc: Record<string, unknown> & { _id: string }): R {
  const { _id, seq: _seq, leaseExpires: _leaseExpires, eventSeq: _eventSeq, codeSeq: _codeSeq, holdSeq: _holdSeq, ...rest } = doc;
  return { id: _id, ...rest } as unknown as R;
}

export function toDoc<R extends { id: string }>(record: R): Omit<R, 'id'> & { _id: string } {
  const { id, ...rest } = record;
  return { _id: id, ...rest };
}

/** Lean reads return BSON Binary for Buffer paths; callers get a Node Buffer. */
export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const binary = value as { value?: () => Uint8Array } | null;
  if (binary && typeof binary.value === 'function') return Buffer.from(binary.value());
  throw new TypeError(`expected binary data, got ${typeof value}`);
}

export function sessionFromDoc(doc: SessionDoc): SessionRecord {
  return { sid: doc._id, data: doc.data, expiresAt: doc.expiresAt };
}

export function sessionToDoc(s: SessionRecord): SessionDoc {
  const expiresDate = new Date(s.expiresAt);
  if (Number.isNaN(expiresDate.getTime())) throw new Error(`session expiresAt is not a date: ${s.expiresAt}`);
  return { _id: s.sid, data: s.data, expiresAt: s.expiresAt, expiresDate, uploads: storedNamesIn(s.data) };
}

/**
 * The stored names of uploads a session's JSON names (`"storedName":"…"`, e.g. files staged by a
 * submission that failed validation), kept beside the text so the upload sweeper asks an index.
 */
export function storedNamesIn(json: string): string[] {
  return [...new Set(Array.from(json.matchAll(/"storedName":"((?:[^"\\]|\\.)*)"/g), (m) => JSON.parse(`"${m[1]}"`) as string))];
}

const DUPLICATE_KEY = 11000;

/** E11000 (a unique index or `_id`), also inside a bulk write's writeErrors. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: unknown; writeErrors?: Array<{ code?: unknown }>; cause?: unknown } | null;
  if (!e) return false;
  if (e.code === DUPLICATE_KEY) return true;
  if (Array.isArray(e.writeErrors) && e.writeErrors.some((w) => w.code === DUPLICATE_KEY)) return true;
  return e.cause !== undefined && e.cause !== err && isDuplicateKey(e.cause);
}

/** Awaits `work`, turning a duplicate-key error into ConflictError with `message`. */
export async function uniqueOrConflict<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isDuplicateKey(err)) throw new ConflictError(`${message}: ${(err as Error).message}`);
    throw err;
  }
}
