// Text of the official SOP document (always Bahasa Indonesia, as the Permen PANRB 35/2012 format):
// time standards like "15 Menit" and dates like "12 APRIL 2021".
import { parseIsoDuration } from '../workflow/index.js';

const MONTHS = ['JANUARI', 'FEBRUARI', 'MARET', 'APRIL', 'MEI', 'JUNI', 'JULI', 'AGUSTUS', 'SEPTEMBER', 'OKTOBER', 'NOVEMBER', 'DESEMBER'];
const UNITS: Array<[number, string]> = [[86_400_000, 'Hari'], [3_600_000, 'Jam'], [60_000, 'Menit'], [1_000, 'Detik']];

/** "PT15M" -> "15 Menit", "P1DT2H" -> "1 Hari 2 Jam"; '' stays ''. */
export function sopDuration(iso: string): string {
  let ms = iso ? parseIsoDuration(iso) : null;
  if (ms === null) return iso;
  const parts: string[] = [];
  for (const [unit, name] of UNITS) {
    const count = Math.floor(ms / unit);
    if (count > 0) parts.push(`${count} ${name}`);
    ms -= count * unit;
  }
  return parts.join(' ') || iso;
}

/** "2021-04-12" -> "12 APRIL 2021"; anything else is returned as given. */
export function sopDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : iso;
}

const WIB_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Pontianak', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The version of a deployed SOP as its document shows it: TGL. REVISI is the deploy date (WIB). */
export interface SopVersion { version: number; deployedAt: string }

/** "2026-12-06T02:00:00Z" -> "6 DESEMBER 2026 (VERSI 3)": the TGL. REVISI cell of a version. */
export function sopRevision(v: SopVersion): string {
  const at = new Date(v.deployedAt);
  const day = Number.isNaN(at.getTime()) ? '' : sopDate(WIB_DAY.format(at));
  return `${day} (VERSI ${v.version})`.trim();
}
