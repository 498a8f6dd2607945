// NIP against NIK: both carry the birth date and the gender. A mismatch is usually a typo, but
// not always (corrected records), so it is a warning the PPBJ may confirm, never a hard error.
import type { FormValues, FormWarning } from '../../../forms/form-types.js';
import { parseNik, parseNip } from '../../../forms/validators.js';

export const NIP_NIK_BIRTH_DATE = 'nipNik.tanggalLahir';
export const NIP_NIK_GENDER = 'nipNik.jenisKelamin';

/** Call with values that passed checkNip / checkNik; anything missing or unparsable gives no warning. */
export function nipNikWarnings(clean: FormValues): FormWarning[] {
  const nip = typeof clean.nip === 'string' ? parseNip(clean.nip) : null;
  const nik = typeof clean.nik === 'string' ? parseNik(clean.nik) : null;
  if (!nip || !nik) return [];
  const out: FormWarning[] = [];
  const { birth } = nip;
  if (birth.y % 100 !== nik.birth.yy || birth.m !== nik.birth.m || birth.d !== nik.birth.d) {
    out.push({ code: NIP_NIK_BIRTH_DATE, fields: ['nip', 'nik'], message: 'warning.nipNik.tanggalLahir' });
  }
  if (nip.gender !== nik.gender) out.push({ code: NIP_NIK_GENDER, fields: ['nip', 'nik'], message: 'warning.nipNik.jenisKelamin' });
  return out;
}
