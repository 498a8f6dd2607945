// Field checks of Indonesian government data (NIP, NIK, phone numbers, e-mail, dates, passwords),
// used by coded forms and by model form field types. Each returns an i18n error key or null.
import type { CheckContext, FieldValue, FormValues } from './form-types.js';
import { withArgs } from '../web/i18n.js';

const str = (v: FieldValue): string => (Array.isArray(v) ? v.join(',') : v);

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

interface NipParts {
  birth: { y: number; m: number; d: number };
  tmt: { y: number; m: number };
  gender: 1 | 2;
}

/** NIP PNS: 18 digits = birth date YYYYMMDD + TMT YYYYMM + gender (1/2) + serial. Spaces are ignored. */
export function parseNip(value: string): NipParts | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})([12])(\d{3})$/.exec(value.replace(/\s+/g, ''));
  if (!m) return null;
  const [by, bm, bd, ty, tm, g] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return { birth: { y: by, m: bm, d: bd }, tmt: { y: ty, m: tm }, gender: g as 1 | 2 };
}

const WIB_OFFSET_MS = 7 * 3600 * 1000; // the SOP owner's zone; "this month" is the month in WIB

/**
 * NIP: format, real dates, a birth date at most 100 years ago, and a plausible TMT: not before the
 * 18th birthday (TMT is the first of its month) and not after the current month.
 */
export function checkNip(value: FieldValue, _all: FormValues, ctx: CheckContext): string | null {
  const nip = parseNip(str(value));
  if (!nip) return 'field.nip.format';
  const { birth, tmt } = nip;
  if (!isRealDate(birth.y, birth.m, birth.d) || !isRealDate(tmt.y, tmt.m, 1)) return 'field.nip.date';
  if (Date.UTC(tmt.y, tmt.m - 1, 1) < Date.UTC(birth.y + 18, birth.m - 1, birth.d)) return 'field.nip.tmtBeforeAdult';
  const today = new Date(ctx.now.getTime() + WIB_OFFSET_MS);
  if (Date.UTC(birth.y, birth.m - 1, birth.d) < Date.UTC(today.getUTCFullYear() - 100, today.getUTCMonth(), today.getUTCDate())) return 'field.nip.birthRange';
  if (tmt.y * 12 + tmt.m - 1 > today.getUTCFullYear() * 12 + today.getUTCMonth()) return 'field.nip.tmtFuture';
  return null;
}

interface NikParts {
  birth: { yy: number; m: number; d: number };
  gender: 1 | 2; // 2 = women (day + 40)
}

export function parseNik(value: string): NikParts | null {
  const m = /^\d{6}(\d{2})(\d{2})(\d{2})\d{4}$/.exec(value.replace(/\s+/g, ''));
  if (!m) return null;
  const day = Number(m[1]);
  return { birth: { yy: Number(m[3]), m: Number(m[2]), d: day > 40 ? day - 40 : day }, gender: day > 40 ? 2 : 1 };
}

/** NIK: 16 digits, the embedded DDMMYY is a real date (day + 40 for women). */
export function checkNik(value: FieldValue): string | null {
  const nik = parseNik(str(value));
  if (!nik) return 'field.nik.format';
  // two-digit year: any century works for a day/month check; 2000 is a leap year, so 29-02 passes
  if (!isRealDate(2000 + nik.birth.yy, nik.birth.m, nik.birth.d)) return 'field.nik.date';
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

/** Any date field: a real date between these (a year such as 9999 or 0001 is a typing error). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

export function checkDate(value: FieldValue): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(value));
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return 'field.date.format';
  return str(value) < EARLIEST_DATE || str(value) > LATEST_DATE ? withArgs('field.date.between', EARLIEST_DATE, LATEST_DATE) : null;
}

/** Today in WIB (the SOP owner's zone) moved by whole years, as YYYY-MM-DD. */
function wibYearsFrom(now: Date, years: number): string {
  const today = new Date(now.getTime() + WIB_OFFSET_MS);
  const d = new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** A real date from `yearsBack` years ago to `yearsAhead` years ahead of today (WIB), e.g. an SK date. */
export function dateWithin(yearsBack: number, yearsAhead: number) {
  return (value: FieldValue, _all: FormValues, ctx: CheckContext): string | null => {
    const own = checkDate(value);
    if (own) return own;
    const from = wibYearsFrom(ctx.now, -yearsBack);
    const to = wibYearsFrom(ctx.now, yearsAhead);
    return str(value) < from || str(value) > to ? withArgs('field.date.between', from, to) : null;
  };
}

/** Both checks in order: the first error wins. */
export function allOf(...checks: Array<(value: FieldValue, all: FormValues, ctx: CheckContext) => string | null>) {
  return (value: FieldValue, all: FormValues, ctx: CheckContext): string | null => {
    for (const check of checks) {
      const error = check(value, all, ctx);
      if (error) return error;
    }
    return null;
  };
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
