// The header of the procedure table in pasted text: which column is No, Kegiatan, a Pelaksana (actor),
// a Mutu Baku cell (Persyaratan/Kelengkapan/Input, Waktu, Output) or Keterangan. One header line, or a
// grouping line ("Pelaksana", "Mutu Baku" spanning columns) over a line of sub-headers.

export type ColumnRole = 'no' | 'kegiatan' | 'actor' | 'pelaksana' | 'persyaratan' | 'waktu' | 'output' | 'keterangan' | 'ignore';

export interface TableHeader {
  /** role per column index */
  roles: ColumnRole[];
  /** the Pelaksana headers of 'actor' columns, by column index */
  actorNames: Map<number, string>;
  /** lines the header takes (1 or 2) */
  lines: number;
}

const norm = (cell: string): string => cell.toLowerCase().replace(/[^a-z0-9/ ]+/g, ' ').replace(/\s+/g, ' ').trim();

const ROLE_WORDS: Array<[RegExp, ColumnRole]> = [
  [/^(no|nomor|no urut|nomor urut)$/, 'no'],
  [/^(uraian kegiatan|kegiatan|aktivitas|aktivitas\/kegiatan|uraian aktivitas|uraian prosedur|prosedur|uraian|langkah kegiatan|langkah)$/, 'kegiatan'],
  [/^(persyaratan\/perlengkapan|persyaratan \/ perlengkapan|persyaratan|kelengkapan|perlengkapan|input|masukan|syarat)$/, 'persyaratan'],
  [/^(waktu|standar waktu|waktu penyelesaian)$/, 'waktu'],
  [/^(output|keluaran|hasil|out put)$/, 'output'],
  [/^(keterangan|ket|catatan)$/, 'keterangan'],
  [/^(pelaksana|pelaku|pelaksana kegiatan)$/, 'pelaksana'],
];
const MUTU_BAKU = /^mutu ?baku$/;
const NUMBERED_HEADER = /^\(?\d{1,2}\)?$/;

export function roleOf(cell: string): ColumnRole | null {
  const text = norm(cell);
  for (const [pattern, role] of ROLE_WORDS) if (pattern.test(text)) return role;
  return null;
}

/** A line of column numbers "(1) (2) (3) …" printed under some headers. */
export const isNumberedHeaderLine = (cells: string[]): boolean => {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length >= 3 && filled.every((c) => NUMBERED_HEADER.test(c));
};

/** Whether a line looks like the header: a Kegiatan column and one more SOP column. */
export function isHeaderLine(cells: string[]): boolean {
  const roles = cells.map(roleOf);
  const others = cells.filter((c, i) => roles[i] !== 'kegiatan' && (roles[i] !== null || MUTU_BAKU.test(norm(c))));
  return roles.includes('kegiatan') && others.length > 0;
}

/**
 * Column roles from the header line `top` and the line after it (`sub`), which is a sub-header when it
 * fills columns that `top` leaves empty or groups ("Pelaksana", "Mutu Baku"). Returns the unknown headers
 * instead when a column outside the Pelaksana area is not an SOP column.
 */
export function readHeader(top: string[], sub: string[] | undefined): TableHeader | { unknown: string[] } {
  const grouping = top.some((c) => MUTU_BAKU.test(norm(c)) || roleOf(c) === 'pelaksana');
  const subFills = sub !== undefined && roleOf(sub[0] ?? '') !== 'no' && !/^\d/.test((sub[0] ?? '').trim()) && (sub[1] ?? '').trim() === '' && sub.some((c) => c.trim());
  const useSub = grouping && subFills;
  const width = Math.max(top.length, useSub ? sub!.length : 0);
  const roles: ColumnRole[] = [];
  const actorNames = new Map<number, string>();
  const unknown: string[] = [];
  let group: 'pelaksana' | 'mutu' | null = null;
  let kegiatanSeen = false;
  let mutuSeen = false;
  for (let i = 0; i < width; i++) {
    const head = (top[i] ?? '').trim();
    const below = useSub ? (sub![i] ?? '').trim() : '';
    if (head) group = roleOf(head) === 'pelaksana' ? 'pelaksana' : MUTU_BAKU.test(norm(head)) ? 'mutu' : null;
    const actorZone = kegiatanSeen && !mutuSeen;
    let role: ColumnRole;
    let name = '';
    if (group === 'pelaksana') {
      // under a "Pelaksana" group each column is an actor; a lone "Pelaksana" column names the actor per row
      role = useSub ? 'actor' : head ? 'pelaksana' : 'ignore';
      name = below;
    } else if (group === 'mutu') {
      role = useSub ? roleOf(below) ?? 'ignore' : 'ignore';
      if (below && roleOf(below) === null) unknown.push(below);
    } else {
      const label = head || below;
      const own = label ? roleOf(label) : null;
      role = own ?? (!label ? 'ignore' : actorZone ? 'actor' : 'ignore');
      name = label;
      if (label && !own && !actorZone) unknown.push(label);
    }
    if (role === 'kegiatan') kegiatanSeen = true;
    if (role === 'persyaratan' || role === 'waktu' || role === 'output' || role === 'keterangan') mutuSeen = true;
    if (role === 'actor') actorNames.set(i, name);
    roles.push(role);
  }
  if (unknown.length) return { unknown };
  return { roles, actorNames, lines: useSub ? 2 : 1 };
}
