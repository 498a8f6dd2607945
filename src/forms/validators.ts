// Field checks for the PPBJ domain. Each returns an i18n error key or null.
import type { FieldValue, FormValues } from './form-types.js';

const str = (v: FieldValue): string => (Array.isArray(v) ? v.join(',') : v);

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** NIP PNS: 18 digits = birth date YYYYMMDD + TMT YYYYMM + gender (1/2) + serial. Spaces are ignored. */
export function checkNip(value: FieldValue): string | null {
  const v = str(value).replace(/\s+/g, '');
  const m = /^(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})([12])(\d{3})$/.exec(v);
  if (!m) return 'field.nip.format';
  const [, by, bm, bd, ty, tm] = m.map(Number) as number[] as [number, number, number, number, number, number];
  if (!isRealDate(by, bm, bd) || !isRealDate(ty, tm, 1)) return 'field.nip.date';
  return null;
}

/** NIK: 16 digits, the embedded DDMMYY is a real date (day + 40 for women). */
export function checkNik(value: FieldValue): string | null {
  const v = str(value).replace(/\s+/g, '');
  const m = /^\d{6}(\d{2})(\d{2})(\d{2})\d{4}$/.exec(v);
  if (!m) return 'field.nik.format';
  const day = Number(m[1]) > 40 ? Number(m[1]) - 40 : Number(m[1]);
  // two-digit year: any century works for a day/month check; 2000 is a leap year, so 29-02 passes
  if (!isRealDate(2000 + Number(m[3]), Number(m[2]), day)) return 'field.nik.date';
  return null;
}

const WHATSAPP = /^(?:\+62|62|0)(8\d{7,11})$/;

export function checkWhatsapp(value: FieldValue): string | null {
  return WHATSAPP.test(str(value).replace(/[\s-]/g, '')) ? null : 'field.whatsapp.format';
}

/** Normalise 08…, 628…, +628… to E.164 +628…; call only on values that passed checkWhatsapp. */
export function normaliseWhatsapp(value: string): string {
  const m = WHATSAPP.exec(value.replace(/[\s-]/g, ''));
  return m ? `+62${m[1]}` : value;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;

export function checkEmail(value: FieldValue): string | null {
  const v = str(value);
  return v.length <= 254 && EMAIL.test(v) ? null : 'field.email.format';
}

export function checkDate(value: FieldValue): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(value));
  return m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : 'field.date.format';
}

/** A date that must not be before another field's date (validity end after start). */
export function dateNotBefore(otherField: string, errorKey: string) {
  return (value: FieldValue, all: FormValues): string | null => {
    const own = checkDate(value);
    if (own) return own;
    const other = all[otherField];
    return typeof other === 'string' && checkDate(other) === null && str(value) < other ? errorKey : null;
  };
}

export function checkPassword(value: FieldValue): string | null {
  return str(value).length >= 12 ? null : 'field.password.length';
}
