// The chart of a pasted table, whose shapes the copy lost, guessed from what the text says: a row
// "Mulai"/"Selesai" is a terminator, a row "… Jika X, … Jika tidak, …" a decision whose branches go to
// the rows its clauses name, any other row a process box, flowing to the next row; the Pelaksana is the
// column holding a mark (√, x, "Ya", "Tidak", …). Every guess is a warning naming the row.
import type { ImportProblem, ShapeKind, TableConnector, TableRow } from '../types.js';
import { collapse } from '../items.js';

/** A row read from the text: its cells, and the marks in its Pelaksana columns (by column index into the lanes). */
export interface TextRow {
  row: Omit<TableRow, 'shapes'>;
  /** column -> the mark printed there */
  marks: Map<number, string>;
  /** the lane named in a "Pelaksana" text cell (not a guess) */
  namedColumn: number | null;
}

const TERMINATOR = /^(mulai|selesai|start|end|finish|berakhir|akhir|proses selesai|mulai proses|selesai proses)[.!]?$/i;
const LABEL_MARK = /^(ya|iya|lya|tidak|tdk|yes|no|y|t|n)$/i;
const CONDITION = /\b(jika|apabila|bila|kalau|bilamana)\b\s+([^.;]*?)(?=(?:[.;]|\b(?:jika|apabila|bila|kalau|bilamana)\b|$))/gi;
const NEGATIVE = /^(tidak|tdk|belum|ditolak|kurang|salah|gagal|tak)\b/i;
const STOP = new Set(['yang', 'dan', 'di', 'ke', 'dari', 'untuk', 'dengan', 'atau', 'akan', 'oleh', 'jika', 'maka', 'ini', 'itu', 'kembali', 'proses', 'dapat', 'harus', 'sudah', 'telah', 'tidak', 'belum', 'ya', 'pada', 'dalam', 'agar', 'serta', 'lalu', 'kemudian', 'langsung']);

/** A crude Indonesian stem (affixes off) so "Diaktifkan" meets "Mengaktifkan" and "Lengkapi" meets "Melengkapi". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const suffix of ['nya', 'kan', 'an', 'i']) if (w.endsWith(suffix) && w.length - suffix.length >= 4) { w = w.slice(0, -suffix.length); break; }
  for (const prefix of ['meng', 'meny', 'mem', 'men', 'me', 'peng', 'peny', 'pem', 'pen', 'pe', 'di', 'ber', 'ter']) if (w.startsWith(prefix) && w.length - prefix.length >= 4) { w = w.slice(prefix.length); break; }
  return w;
}

const stems = (text: string): Set<string> => new Set(text.split(/\s+/).map((t) => t.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((t) => t.length > 1 && !STOP.has(t)).map(stem));

export interface Branch { label: string; condition: string; consequence: string; negative: boolean }

/** The branches of a decision sentence: two or more "Jika …" clauses, one of them usually "Jika tidak …". */
export function decisionBranches(kegiatan: string): Branch[] {
  const clauses = [...kegiatan.matchAll(CONDITION)].map((m) => collapse(m[2]!).replace(/[,\s]+$/, '')).filter(Boolean);
  if (clauses.length < 2) return [];
  const branches = clauses.map((clause) => {
    const comma = clause.indexOf(',');
    const negative = NEGATIVE.test(clause);
    let condition = comma >= 0 ? clause.slice(0, comma).trim() : negative ? clause.split(' ')[0]! : '';
    const consequence = (comma >= 0 ? clause.slice(comma + 1) : negative ? clause.split(' ').slice(1).join(' ') : clause).trim();
    if (negative && !condition) condition = clause.split(' ')[0]!;
    return { label: negative ? 'Tidak' : 'Ya', condition, consequence, negative };
  });
  return branches.some((b) => b.negative) || branches.length >= 2 ? branches : [];
}

/** The row (index) whose Kegiatan shares the most words with `text`; nearest to `from` on a tie; null when none shares half. */
function rowNamed(text: string, rowStems: Array<Set<string>>, from: number): number | null {
  const wanted = stems(text);
  if (wanted.size === 0) return null;
  let best: { index: number; score: number } | null = null;
  rowStems.forEach((have, index) => {
    if (index === from) return;
    const score = [...wanted].filter((w) => have.has(w)).length / wanted.size;
    const closer = best && score === best.score && Math.abs(index - from) < Math.abs(best.index - from);
    if (score >= 0.5 && (!best || score > best.score || closer)) best = { index, score };
  });
  return (best as { index: number } | null)?.index ?? null;
}

export interface GuessedChart {
  shapes: Map<number, { kind: ShapeKind; column: number | null; text: string }>;
  connectors: TableConnector[];
  problems: ImportProblem[];
}

const shapeId = (index: number): string => `t${index + 1}`;

export function guessChart(rows: TextRow[], columns: string[]): GuessedChart {
  const problems: ImportProblem[] = [];
  const warn = (index: number, code: string, args?: Record<string, string>): void =>
    void problems.push({ code, severity: 'warning', row: index + 1, step: collapse(rows[index]!.row.kegiatan), elementId: null, ...(args ? { args } : {}) });
  const shapes: GuessedChart['shapes'] = new Map();
  const connectors: TableConnector[] = [];
  const rowStems = rows.map((r) => stems(r.row.kegiatan));
  const kinds = rows.map((r) => (TERMINATOR.test(collapse(r.row.kegiatan)) ? 'terminator' : decisionBranches(r.row.kegiatan).length ? 'decision' : 'process') as ShapeKind);

  rows.forEach((r, index) => {
    let column = r.namedColumn;
    if (column === null && r.marks.size) {
      const marks = [...r.marks];
      const [at, mark] = marks.find(([, m]) => !LABEL_MARK.test(m)) ?? marks[0]!;
      column = at;
      warn(index, 'text-lane-guessed', { mark, lane: columns[at] ?? '' });
    }
    const branches = kinds[index] === 'decision' ? decisionBranches(r.row.kegiatan) : [];
    const positive = branches.find((b) => !b.negative);
    const text = positive && positive.condition && positive.condition.split(' ').length <= 5 ? `${positive.condition}?` : '';
    shapes.set(index, { kind: kinds[index]!, column, text });
    warn(index, 'text-shape-guessed');
  });

  rows.forEach((r, index) => {
    const kind = kinds[index]!;
    const isEnd = kind === 'terminator' && index > 0 && (index === rows.length - 1 || /selesai|end|finish|akhir/i.test(r.row.kegiatan));
    if (isEnd) return;
    if (kind !== 'decision') {
      const next = index + 1;
      if (next < rows.length && !(kinds[next] === 'terminator' && /^mulai|^start/i.test(collapse(rows[next]!.row.kegiatan)))) connectors.push({ from: shapeId(index), to: shapeId(next), label: '' });
      return;
    }
    const targets: string[] = [];
    for (const b of decisionBranches(r.row.kegiatan)) {
      const named = rowNamed(b.consequence || b.condition, rowStems, index);
      const target = named ?? (!b.negative && index + 1 < rows.length ? index + 1 : null);
      if (target === null) { warn(index, 'text-branch-unresolved', { label: b.label }); continue; }
      connectors.push({ from: shapeId(index), to: shapeId(target), label: b.label });
      targets.push(`${b.label}:${target + 1}`);
    }
    const yes = targets.find((t) => t.startsWith('Ya:'))?.split(':')[1] ?? '-';
    const no = targets.find((t) => t.startsWith('Tidak:'))?.split(':')[1] ?? '-';
    warn(index, 'text-decision-guessed', { yes: 'Ya', yesRow: yes, no: 'Tidak', noRow: no });
  });
  return { shapes, connectors, problems };
}
