// Structured reasons for returning a PPBJ case, each tied to the fields it concerns, so the PPBJ sees
// what to fix at the top of the reopened form and next to each field: step 4 "Tidak sesuai" returns
// the identity (step 3), step 6 "Tidak lengkap" the information (step 5).
import type { FieldOption, FormEffects, FieldValue, ReturnReason } from '../../../forms/form-types.js';

export type { ReturnReason } from '../../../forms/form-types.js';

const OTHER: ReturnReason = { code: 'lainnya', label: 'reason.lainnya', record: 'Lainnya', fields: [] };

/** Step 6 returns the information of step 5. */
export const INFORMATION_REASONS: readonly ReturnReason[] = [
  { code: 'sk-tidak-terbaca', label: 'reason.sk-tidak-terbaca', record: 'SK tidak terbaca', fields: ['skFile'] },
  { code: 'sk-kedaluwarsa', label: 'reason.sk-kedaluwarsa', record: 'SK kedaluwarsa', fields: ['berlakuMulai', 'berlakuSampai'] },
  { code: 'data-tidak-sesuai', label: 'reason.data-tidak-sesuai', record: 'Data tidak sesuai dengan SK', fields: ['nomorSk', 'tanggalSk', 'peran'] },
  { code: 'dokumen-kurang', label: 'reason.dokumen-kurang', record: 'Dokumen kurang', fields: ['skFile'] },
  OTHER,
];

/** Step 4 returns the identity of step 3. */
export const IDENTITY_REASONS: readonly ReturnReason[] = [
  { code: 'nip-tidak-sesuai', label: 'reason.nip-tidak-sesuai', record: 'NIP tidak sesuai', fields: ['nip'] },
  { code: 'nik-tidak-sesuai', label: 'reason.nik-tidak-sesuai', record: 'NIK tidak sesuai', fields: ['nik'] },
  { code: 'nama-tidak-sesuai', label: 'reason.nama-tidak-sesuai', record: 'Nama atau gelar tidak sesuai', fields: ['gelarDepan', 'namaLengkap', 'gelarBelakang'] },
  { code: 'jabatan-tidak-sesuai', label: 'reason.jabatan-tidak-sesuai', record: 'Pangkat/golongan atau jabatan tidak sesuai', fields: ['pangkatGolongan', 'jabatan'] },
  { code: 'instansi-tidak-sesuai', label: 'reason.instansi-tidak-sesuai', record: 'Instansi atau unit kerja tidak sesuai', fields: ['instansi', 'perangkatDaerah', 'unitKerja'] },
  OTHER,
];

/** Every reason of the pack, each code once (the registry and the reports look codes up here). */
export const RETURN_REASONS: readonly ReturnReason[] = [...INFORMATION_REASONS, ...IDENTITY_REASONS.filter((r) => r !== OTHER)];

/** The reason that needs the free note to say what it is. */
export const OTHER_REASON = OTHER.code;

const options = (reasons: readonly ReturnReason[]): FieldOption[] => reasons.map((r) => ({ value: r.code, label: r.label }));
export const RETURN_REASON_OPTIONS: FieldOption[] = options(INFORMATION_REASONS);
export const IDENTITY_REASON_OPTIONS: FieldOption[] = options(IDENTITY_REASONS);

export function reasonByCode(code: string): ReturnReason | undefined {
  return RETURN_REASONS.find((r) => r.code === code);
}

const list = (v: FieldValue | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/** The note is required on a return (`decision` 'tidak') unless a reason other than "Lainnya" is ticked. */
export function noteRequired(decision: FieldValue | undefined, codes: FieldValue | undefined): boolean {
  const ticked = list(codes);
  return decision === 'tidak' && (ticked.length === 0 || ticked.includes(OTHER_REASON));
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
