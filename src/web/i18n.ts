// Message catalogues and locale formatting. Bahasa Indonesia is the default; English is available.
import type { Catalogue } from './locales/catalogue.js';
import { en } from './locales/en.js';
import { forms_extra } from './locales/forms-extra.js';
import { id } from './locales/id.js';
import { inbox } from './locales/inbox.js';
import { notifications } from './locales/notifications.js';
import { privacy } from './locales/privacy.js';
import { studio } from './locales/studio.js';
import { modeler } from './locales/modeler.js';
import { compliance } from './locales/compliance.js';
import { modelForms } from './locales/model-forms.js';
import { httpErrors } from './locales/http-errors.js';
import { limits } from './locales/limits.js';
import { signUp } from './locales/sign-up.js';
import { staff } from './locales/staff.js';
import { services } from './locales/services.js';
import { account } from './locales/account.js';
import { layout } from './locales/layout.js';
import { applicant } from './locales/applicant.js';
import { sopImport } from './locales/sop-import.js';
import { importTexts } from '../importer/problem-texts.js';
import { work } from './locales/work.js';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
const FEATURES: Catalogue[] = [privacy, notifications, inbox, forms_extra, studio, modeler, compliance, modelForms, httpErrors, limits, signUp, staff, services, account, layout, applicant, work, sopImport, importTexts];
export const CATALOGUES: Record<Lang, Record<string, string>> = {
  // null-prototype: a key such as `constructor` (e.g. from a model) finds no Object.prototype member
  id: Object.assign(Object.create(null) as Record<string, string>, id, ...FEATURES.map((f) => f.id)),
  en: Object.assign(Object.create(null) as Record<string, string>, en, ...FEATURES.map((f) => f.en)),
};

/**
 * Merges the process packs' messages into the catalogues (the composition root calls it with the
 * registry's packs; calling it again with the same packs changes nothing). A pack may add keys and
 * may replace the core's generic wording (e.g. the office named in the footer and the privacy
 * notice); two packs giving the same key is a configuration error.
 */
// NOTE: the catalogues are module state, like the group aliases: one registry per process.
export function addPackMessages(packs: readonly Catalogue[]): void {
  for (const lang of LANGS) {
    const seen = new Set<string>();
    for (const pack of packs) {
      for (const key of Object.keys(pack[lang])) {
        if (seen.has(key)) throw new Error(`Message key '${key}' is given by two process packs`);
        seen.add(key);
      }
    }
    for (const pack of packs) Object.assign(CATALOGUES[lang], pack[lang]);
  }
}

const TIME_ZONE = 'Asia/Pontianak'; // WIB, the SOP owner's zone

const LITERAL = '\u001eliteral:';
const ARG = '\u001f';

/** A text from outside the catalogues (e.g. a label written in the process model), shown as-is. */
export const literal = (text: string): string => `${LITERAL}${text}`;

/** A message key with values for its `{0}`, `{1}`… placeholders. */
export const withArgs = (key: string, ...args: string[]): string => [key, ...args].join(ARG);

/** Unknown keys are returned as-is so a missing translation is visible, never blank. */
export function translate(lang: Lang, key: string): string {
  if (key.startsWith(LITERAL)) return key.slice(LITERAL.length);
  const [name = '', ...args] = key.split(ARG);
  const text = CATALOGUES[lang][name] ?? CATALOGUES.id[name] ?? name;
  return args.length ? text.replace(/\{(\d)\}/g, (m, i: string) => args[Number(i)] ?? m) : text;
}

export function parseLang(value: unknown): Lang {
  return value === 'en' ? 'en' : 'id';
}

/** "26 November 2026 14.30 WIB" / "26 November 2026 14:30 WIB" */
// NOTE: Intl formatters are costly to build (and their memory is not given back): build them once.
const DATE_FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
};
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = DATE_FORMATS[lang].format(d);
  const time = TIME_FORMAT.format(d);
  return `${date} ${lang === 'id' ? time.replace(':', '.') : time} WIB`;
}

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** "PT15M" -> "15 menit" / "15 minutes" (days, hours, minutes; seconds dropped). */
export function formatDuration(iso: string, lang: Lang): string {
  const m = DURATION.exec(iso);
  if (!m) return iso;
  const units: Array<[string | undefined, string, string]> = [[m[1], 'hari', 'day'], [m[2], 'jam', 'hour'], [m[3], 'menit', 'minute']];
  const parts = units
    .filter(([n]) => n && Number(n) > 0)
    .map(([n, idUnit, enUnit]) => (lang === 'id' ? `${n} ${idUnit}` : `${n} ${enUnit}${Number(n) === 1 ? '' : 's'}`));
  return parts.join(' ') || iso;
}
