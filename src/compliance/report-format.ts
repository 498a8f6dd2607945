// Numbers of the reports as people read them: durations in minutes (hours or days when long), shares
// as whole percentages; Bahasa Indonesia uses a decimal comma. '—' when there is nothing to show.
import type { Lang } from '../web/i18n.js';

const MIN = 60_000;
const UNITS = { id: { min: 'mnt', hour: 'jam', day: 'hari' }, en: { min: 'min', hour: 'h', day: 'd' } };

export function decimal(n: number, lang: Lang, digits = 1): string {
  const rounded = Number(n.toFixed(digits));
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(digits);
  return lang === 'id' ? text.replace('.', ',') : text;
}

export function minutesText(ms: number | null | undefined, lang: Lang): string {
  if (ms === null || ms === undefined) return '—';
  const u = UNITS[lang];
  const minutes = ms / MIN;
  if (Math.abs(minutes) < 120) return `${decimal(minutes, lang)} ${u.min}`;
  if (Math.abs(minutes) < 48 * 60) return `${decimal(minutes / 60, lang)} ${u.hour}`;
  return `${decimal(minutes / 1440, lang)} ${u.day}`;
}

export const percentText = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** Minutes as a number cell for CSV (two decimal places at most), null (an empty cell) when missing. */
export const csvMinutes = (ms: number | null | undefined): number | null => (ms === null || ms === undefined ? null : Number((ms / MIN).toFixed(2)));
export const csvPercent = (share: number | null | undefined): number | null => (share === null || share === undefined ? null : Number((share * 100).toFixed(1)));
