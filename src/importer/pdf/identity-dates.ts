// Dates and NIPs as SOP identity blocks print them: "2 Juni 2025", "02 June 2025", "2/6/2025",
// "2025-06-02" -> ISO YYYY-MM-DD; "NIP. 19660825 198802 1 001" -> its 18 digits as grouped.

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, pebruari: 2, february: 2, feb: 2, peb: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** '' for an empty or "-" value, the ISO date, or null when the text is not a date. */
export function parseIdDate(text: string): string | null {
  const t = text.trim().replace(/^[:\s]+/, '').replace(/\s+/g, ' ');
  if (!t || /^[-–—]+$/.test(t)) return '';
  let m = /^(\d{1,2})\s*[-\s.]?\s*([A-Za-z]+)\.?\s*[-\s.,]?\s*(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** The NIP as printed, grouping kept ("NIP. 19660825 198802 1 001" -> "19660825 198802 1 001"), or null. */
export function parseNip(line: string): string | null {
  const m = /^(?:NIP\b\.?\s*:?\s*)?(\d[\d\s]{16,28}\d)$/i.exec(line.trim());
  if (!m) return null;
  return m[1]!.replace(/\D/g, '').length === 18 ? m[1]!.replace(/\s+/g, ' ') : null;
}

/** A line naming a civil-service rank ("Pembina Utama Muda", "Penata Tk. I (III/d)"). */
export const isPangkat = (line: string): boolean =>
  /^(pembina|penata|pengatur|juru)\b/i.test(line.trim()) || /\((I|II|III|IV)\s*\/\s*[a-e]\)/i.test(line);
