// The timeline of one demo case: sign-up, each SOP step's completion (Admin PPE steps taken first,
// in working hours, by one of the demo admins), returns at step 6, and abandoned applications.
// Times come from a seeded random stream; Admin PPE waits shrink over the months (a visible trend).
import type { WorkingCalendar } from '../src/compliance/working-calendar.js';
import { pick, RETURN_WEIGHTS, type Random } from './seed-demo-people.js';

export type DemoEvent =
  | { at: number; case: number; kind: 'signup' }
  | { at: number; case: number; kind: 'take'; step: string; admin: number }
  | { at: number; case: number; kind: 'complete'; step: string; admin: number | null; values?: Record<string, unknown> };

const MIN = 60_000;
const between = (r: Random, lo: number, hi: number) => lo + r() * (hi - lo);

/** Minutes a PPBJ takes for a step: mostly within 15, a tail of hours and days; null = gives up. */
function ppbjMinutes(r: Random, step: 'identitas' | 'informasi'): number | null {
  const x = r();
  if (x < (step === 'identitas' ? 0.01 : 0.015)) return null;
  if (x < (step === 'identitas' ? 0.78 : 0.66)) return between(r, 3, 14.5);
  if (x < (step === 'identitas' ? 0.95 : 0.92)) return between(r, 15, 60);
  return between(r, 120, 30 * 60);
}

/**
 * Working minutes an Admin PPE step waits in the queue, and how long its handling takes. Activation
 * (step 7) mostly follows the check at once; `slowness` scales the queue wait.
 */
function adminMinutes(r: Random, step: string, slowness: number): { wait: number; handling: number } {
  const x = r();
  const queue = x < 0.65 ? between(r, 0, 5) : x < 0.9 ? between(r, 5, 15) : between(r, 15, 120);
  const wait = (step === 'MengaktifkanAkun' && r() < 0.75 ? between(r, 0, 1.5) : queue) * slowness;
  const [lo, hi, tail] = step === 'MengaktifkanAkun' ? [1, 3, 8] : step === 'MelakukanVerifikasi' ? [2, 8, 20] : [3, 9, 25];
  return { wait, handling: r() < 0.1 ? between(r, hi, tail) : between(r, lo, hi) };
}

function returnReasons(r: Random): Record<string, unknown> {
  const codes = new Set<string>();
  const total = RETURN_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  for (let k = 0; k < (r() < 0.25 ? 2 : 1); k++) {
    let x = r() * total;
    for (const [code, w] of RETURN_WEIGHTS) if ((x -= w) < 0) { codes.add(code); break; }
  }
  const note = codes.has('lainnya') ? pick(r, ['Cap instansi tidak terlihat.', 'Nama pada SK berbeda dengan identitas.', 'Tanda tangan pejabat tidak ada.']) : '';
  return { lengkap: 'tidak', alasanKode: [...codes], alasan: note };
}

/**
 * @param progress 0 at the start of the demo period, 1 at its end (queue waits shrink from 1.4x to 0.7x)
 * @param paces    per admin index: a multiplier of their waits
 */
export function planCase(r: Random, n: number, start: number, progress: number, cal: WorkingCalendar, paces: number[], information: Record<string, unknown>): DemoEvent[] {
  const events: DemoEvent[] = [{ at: start, case: n, kind: 'signup' }];
  let t = start;
  const ppbj = (step: string, kind: 'identitas' | 'informasi', values?: Record<string, unknown>): boolean => {
    const minutes = ppbjMinutes(r, kind);
    if (minutes === null) return false;
    t += Math.max(1, minutes) * MIN;
    events.push({ at: t, case: n, kind: 'complete', step, admin: null, ...(values ? { values } : {}) });
    return true;
  };
  const admin = (step: string, values?: Record<string, unknown>): void => {
    const who = Math.floor(r() * paces.length);
    const { wait, handling } = adminMinutes(r, step, (paces[who] ?? 1) * (1.4 - 0.7 * progress));
    const taken = cal.addWorkingMs(t + MIN / 2, Math.max(0.5, wait) * MIN);
    t = cal.addWorkingMs(taken, Math.max(0.5, handling) * MIN);
    events.push({ at: taken, case: n, kind: 'take', step, admin: who });
    events.push({ at: t, case: n, kind: 'complete', step, admin: who, ...(values ? { values } : {}) });
  };

  if (!ppbj('MengisiIdentitas', 'identitas')) return events;
  admin('MelakukanVerifikasi', { sesuai: 'ya', alasan: '' });
  for (let round = 0; ; round++) {
    if (!ppbj('MelengkapiInformasi', 'informasi', information)) return events;
    const returned = round < 3 && r() < [0.3, 0.15, 0.05][round]!;
    admin('MemeriksaInformasi', returned ? returnReasons(r) : { lengkap: 'ya', alasan: '' });
    if (!returned) break;
  }
  admin('MengaktifkanAkun', { sistem: r() < 0.6 ? ['SiRUP', 'SPSE', 'SiPRAJA'] : ['SPSE'], catatan: '' });
  return events;
}
