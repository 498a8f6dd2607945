// Structured reasons for a step 6 "Tidak lengkap" return, each tied to the step 5 fields it
// concerns, so the PPBJ sees what to fix at the top of the reopened form and next to each field.
import type { FieldOption, FormEffects, FieldValue, ReturnReason } from '../../../forms/form-types.js';

export type { ReturnReason } from '../../../forms/form-types.js';

export const RETURN_REASONS: readonly ReturnReason[] = [
  { code: 'sk-tidak-terbaca', label: 'reason.sk-tidak-terbaca', record: 'SK tidak terbaca', fields: ['skFile'] },
  { code: 'sk-kedaluwarsa', label: 'reason.sk-kedaluwarsa', record: 'SK kedaluwarsa', fields: ['berlakuMulai', 'berlakuSampai'] },
  { code: 'data-tidak-sesuai', label: 'reason.data-tidak-sesuai', record: 'Data tidak sesuai dengan SK', fields: ['nomorSk', 'tanggalSk', 'peran'] },
  { code: 'dokumen-kurang', label: 'reason.dokumen-kurang', record: 'Dokumen kurang', fields: ['skFile'] },
  { code: 'lainnya', label: 'reason.lainnya', record: 'Lainnya', fields: [] },
];

/** The reason that needs the free note to say what it is. */
export const OTHER_REASON = 'lainnya';

export const RETURN_REASON_OPTIONS: FieldOption[] = RETURN_REASONS.map((r) => ({ value: r.code, label: r.label }));

export function reasonByCode(code: string): ReturnReason | undefined {
  return RETURN_REASONS.find((r) => r.code === code);
}

const list = (v: FieldValue | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/** The note is required on a return unless a reason other than "Lainnya" is ticked. */
export function noteRequired(lengkap: FieldValue | undefined, codes: FieldValue | undefined): boolean {
  const ticked = list(codes);
  return lengkap === 'tidak' && (ticked.length === 0 || ticked.includes(OTHER_REASON));
}

/** Audit data of a return: the readable text (labels, then the note), the codes and the note. */
export function returnEffects(codes: FieldValue | undefined, note: FieldValue | undefined): FormEffects {
  const known = list(codes).map(reasonByCode).filter((r): r is ReturnReason => Boolean(r));
  const text = typeof note === 'string' ? note.trim() : '';
  const labels = known.map((r) => r.record).join('; ');
  return {
    returnedReasons: [labels, text].filter(Boolean).join(' — '),
    returnedCodes: known.map((r) => r.code),
    returnedNote: text,
  };
}
