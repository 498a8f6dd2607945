// The Waktu cell of an SOP table as an ISO-8601 duration: "15 Menit" -> PT15M, "1 x 24 Jam" -> PT24H,
// "3 hari kerja" -> P3D (working time), "1-2 jam" -> the upper bound PT2H; anything else stays text, flagged.
// NOTE: the vocabulary is closed on purpose: a word the reader does not know (a condition, "per berkas",
// "setelah ...") makes the cell unreadable rather than a guess.

export type WaktuProblem = 'waktu-unreadable' | 'waktu-total';

export interface WaktuReading {
  /** the ISO-8601 duration, or null when the cell is not one (or is empty) */
  iso: string | null;
  /** counted in working days/hours ("hari kerja", "HK", "jam kerja") */
  hariKerja: boolean;
  /** why the cell is kept as text; null when read (or empty) */
  problem: WaktuProblem | null;
}

type Unit = 'S' | 'M' | 'H' | 'D' | 'W' | 'MO' | 'Y';
const SECONDS: Record<Unit, number> = { S: 1, M: 60, H: 3600, D: 86_400, W: 7 * 86_400, MO: 30 * 86_400, Y: 365 * 86_400 };
const UNIT_WORDS: Array<[RegExp, Unit]> = [
  [/^(detik|dtk|second|seconds|sec|secs)$/, 'S'],
  [/^(menit|mnt|min|minute|minutes|mins)$/, 'M'],
  [/^(jam|jm|hour|hours|hrs)$/, 'H'],
  [/^(hari|day|days|hk)$/, 'D'],
  [/^(minggu|pekan|week|weeks|mg)$/, 'W'],
  [/^(bulan|bln|month|months)$/, 'MO'],
  [/^(tahun|thn|year|years)$/, 'Y'],
];
const NUMBER_WORDS: Record<string, number> = {
  satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10,
  sebelas: 11, setengah: 0.5, '½': 0.5, '¼': 0.25, '¾': 0.75,
};
/** Words that bound a step's own time ("maksimal 2 jam" is 2 hours). */
const BOUND_PREFIX = /^(?:maksimal|maksimum|maks\.?|max\.?|paling lama|selama|sekitar|kurang lebih|lebih kurang|kurang dari|±|\+\/-|\+-|≤|<=|<|estimasi|perkiraan)\s*/;
/** Words that make the cell a deadline of the whole procedure, not the step's time. */
const TOTAL = /\b(paling lambat|selambat[- ]lambatnya|batas waktu|total|keseluruhan|seluruhnya)\b/;
const RANGE = /\s*[-–—]\s*|\s+(?:s\.?\s?d\.?|s\/d|sampai(?: dengan)?|hingga|to|atau)\s+/;

interface Quantity { value: number; unit: Unit | null; kerja: boolean }

function unitOf(word: string): Unit | null {
  for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(word)) return unit;
  return null;
}

function numberOf(word: string): number | null {
  if (/^\d+(?:[.,]\d+)?$/.test(word)) return Number(word.replace(',', '.'));
  const fraction = /^(\d+)\/(\d+)$/.exec(word);
  if (fraction && Number(fraction[2]) > 0) return Number(fraction[1]) / Number(fraction[2]);
  return NUMBER_WORDS[word] ?? null;
}

/** "1 jam 30 menit", "24 jam kerja", "1 x 24 jam", "sehari", "3hk": seconds and flags, or null. */
function readQuantity(text: string): Quantity | null {
  const tokens = text.replace(/(\d)([a-z½])/g, '$1 $2').replace(/([a-z])(\d)/g, '$1 $2').split(/\s+/).filter(Boolean);
  let seconds = 0;
  let largest: Unit | null = null;
  let pending: number | null = null;
  let kerja = false;
  let parts = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    const se = /^se(hari|jam|minggu|pekan|bulan|tahun)$/.exec(word);
    if (se) { if (pending !== null) return null; pending = 1; tokens.splice(i + 1, 0, se[1]!); continue; }
    const n = numberOf(word);
    if (n !== null) {
      if (pending !== null) return null;
      pending = n;
      continue;
    }
    if (word === 'x' || word === '×') {
      const next = tokens[i + 1] ? numberOf(tokens[i + 1]!) : null;
      if (pending === null || next === null) return null;
      pending *= next;
      i++;
      continue;
    }
    if (word === 'kerja') { if (!largest) return null; kerja = true; continue; }
    if (word === 'hk') kerja = true;
    const unit = unitOf(word);
    if (unit) {
      if (pending === null) return null;
      seconds += pending * SECONDS[unit];
      if (!largest || SECONDS[unit] > SECONDS[largest]) largest = unit;
      pending = null;
      parts++;
      continue;
    }
    return null;
  }
  if (pending !== null) {
    if (parts > 0) return null;
    return { value: pending, unit: null, kerja };
  }
  return parts ? { value: seconds, unit: largest, kerja } : null;
}

/** Seconds as an ISO-8601 duration whose largest unit is `largest` (24 jam stays PT24H, not P1D). */
function toIso(seconds: number, largest: Unit): string | null {
  const whole = Math.round(seconds);
  if (whole <= 0 || Math.abs(whole - seconds) > 1e-6) return null;
  if (largest === 'Y' && whole % SECONDS.Y === 0) return `P${whole / SECONDS.Y}Y`;
  if (largest === 'MO' && whole % SECONDS.MO === 0) return `P${whole / SECONDS.MO}M`;
  const dayUnits = largest === 'D' || largest === 'W' || largest === 'MO' || largest === 'Y';
  const days = dayUnits ? Math.floor(whole / SECONDS.D) : 0;
  let rest = whole - days * SECONDS.D;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secs ? `${secs}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** Reads a Waktu cell as printed. An empty cell (or "-") gives { iso: null, problem: null }. */
export function readWaktu(printed: string): WaktuReading {
  const raw = printed.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (ISO_DURATION.test(raw.toUpperCase()) && !/\s/.test(raw)) return { iso: raw.toUpperCase(), hariKerja: false, problem: null };
  const text = raw.toLowerCase().replace(/[.;:,]+$/, '').trim();
  if (text === '' || /^[-–—]+$/.test(text)) return { iso: null, hariKerja: false, problem: null };
  const unreadable: WaktuReading = { iso: null, hariKerja: false, problem: 'waktu-unreadable' };
  if (TOTAL.test(text)) return { iso: null, hariKerja: /kerja|\bhk\b/.test(text), problem: 'waktu-total' };
  const body = text.replace(BOUND_PREFIX, '').replace(/\(([^)]*)\)$/, (_, inner: string) => ` ${inner}`).trim();
  const sides = body.split(RANGE).map((s) => s.trim()).filter(Boolean);
  if (sides.length === 0 || sides.length > 2) return unreadable;
  const quantities = sides.map(readQuantity);
  if (quantities.some((q) => q === null)) return unreadable;
  const upper = quantities[quantities.length - 1]!;
  const lower = quantities.length === 2 ? quantities[0]! : null;
  if (!upper.unit) return unreadable;
  // "1-2 jam": the lower side borrows the upper side's unit; the upper bound is the time standard
  const kerja = upper.kerja || (lower?.kerja ?? false);
  const iso = toIso(upper.value, upper.unit);
  if (!iso) return unreadable;
  const lowerSeconds = lower ? (lower.unit ? lower.value : lower.value * SECONDS[upper.unit]) : 0;
  if (lowerSeconds > upper.value) return unreadable;
  return { iso, hariKerja: kerja, problem: null };
}
