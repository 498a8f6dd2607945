// Which scope a new case's nomor permohonan is counted in: the process's prefix (its pack's, e.g.
// 'SKD', else the initials of the process name: 'Pengajuan Belanja Pegawai' -> 'PBP') and the year
// (WIB) the case starts; the store adds the scope's next number ('PBP-2026-000123').

/** Words left out of a name's initials. */
const SMALL_WORDS = new Set(['dan', 'atau', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada', 'the', 'of', 'and', 'for']);
const MAX_PREFIX = 6;
const FALLBACK = 'ALUR';
/** WIB (Asia/Pontianak, the office's zone) is UTC+7 all year. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** The initials of a process name (letters and digits of each word, small words left out), at most 6; 'ALUR' for none. */
export function initialsOf(name: string): string {
  const words = name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  const initials = words.map((w) => w[0]!.toUpperCase()).join('').replace(/[^A-Z0-9]/g, '').slice(0, MAX_PREFIX);
  return initials.length >= 2 ? initials : FALLBACK;
}

export class CaseNumbering {
  /** `prefixes`: processKey -> a pack's own prefix (upper-case letters and digits). */
  constructor(private readonly prefixes: Readonly<Record<string, string>> = {}) {}

  prefixOf(processKey: string, processName: string): string {
    return Object.hasOwn(this.prefixes, processKey) ? this.prefixes[processKey]! : initialsOf(processName || processKey);
  }

  /** The scope of a case of this process started at `now`: 'PBP-2026'. */
  scopeOf(process: { processKey: string; name: string }, now: Date): string {
    return `${this.prefixOf(process.processKey, process.name)}-${new Date(now.getTime() + WIB_OFFSET_MS).getUTCFullYear()}`;
  }
}
