// The verification code of a receipt (Bukti): the nomor permohonan and a check derived from the case's
// id, which only the applicant and staff ever see: nobody can make a valid code for another case.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CaseRecord, Store } from '../store/ports.js';

const CHECK_LENGTH = 16;

function checkOf(caseId: string): string {
  return createHash('sha256').update(`alur-bukti\n${caseId}`).digest('base64url').slice(0, CHECK_LENGTH);
}

/** 'PBP-2026-000123.Xy3…' (null for a case without a number). */
export function receiptCode(c: Pick<CaseRecord, 'id' | 'caseNumber'>): string | null {
  return c.caseNumber ? `${c.caseNumber}.${checkOf(c.id)}` : null;
}

/** The case a code belongs to, or null when the code is not genuine (unknown number, wrong check). */
export async function caseOfReceipt(store: Store, code: string): Promise<CaseRecord | null> {
  const dot = code.lastIndexOf('.');
  if (dot <= 0 || code.length > 100) return null;
  const number = code.slice(0, dot);
  const check = Buffer.from(code.slice(dot + 1));
  const c = await store.getCaseByNumber(number);
  if (!c) return null;
  const expected = Buffer.from(checkOf(c.id));
  return check.length === expected.length && timingSafeEqual(check, expected) ? c : null;
}
