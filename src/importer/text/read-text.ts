// A pasted SOP (text copied from Word, a spreadsheet or a PDF viewer) -> SopTable: the identity lines,
// the procedure table's header (table-header.ts) and rows (a row starts at a No cell; a line break inside
// a cell continues it), and the chart guessed from the text (chart-guess.ts), every guess flagged.
import { ImportRefusedError, type ImportProblem, type SopTable, type TableRow } from '../types.js';
import { collapse, splitItems } from '../items.js';
import { cleanCell, delimiterOf, normaliseText, splitLines } from './text-lines.js';
import { isHeaderLine, isNumberedHeaderLine, readHeader, type TableHeader } from './table-header.js';
import { readIdentity } from './identity-text.js';
import { guessChart, type TextRow } from './chart-guess.js';
import { IMPORT_LIMITS } from '../limits.js';

const ROW_NO = /^\d{1,3}\.?$/;
const blank = (cells: string[]): boolean => cells.every((c) => !c.trim());

/** Raw cells of each table row: a new row at a No cell, a short line (a line break inside a cell) continuing the last cell. */
function tableRows(lines: string[][], header: TableHeader): string[][] {
  const width = header.roles.length;
  const noCol = header.roles.indexOf('no');
  const kegCol = header.roles.indexOf('kegiatan');
  const rows: string[][] = [];
  let current: string[] | null = null;
  let filled = 0;
  for (const raw of lines) {
    const cells = raw.map(cleanCell);
    if (isHeaderLine(cells) || isNumberedHeaderLine(cells)) continue; // a header repeated on the next page
    const startsRow = noCol >= 0
      ? ROW_NO.test((cells[noCol] ?? '').trim())
      : cells.length > 1 && !!(cells[kegCol] ?? '').trim() && (!current || filled >= width);
    if (startsRow) {
      current = Array.from({ length: width }, (_, i) => cells[i] ?? '');
      rows.push(current);
      filled = cells.length;
      continue;
    }
    if (!current) continue;
    if (filled < width) {
      // the previous line ended inside a cell: this line's first cell continues it
      current[filled - 1] = `${current[filled - 1]}\n${cells[0] ?? ''}`;
      cells.slice(1).forEach((c, j) => { if (filled + j < width) current![filled + j] = c; });
      filled += cells.length - 1;
      continue;
    }
    if (cells.length === 1 && !blank(cells)) break; // text after the table
    cells.forEach((c, i) => { if (c.trim() && i < width) current![i] = current![i] ? `${current![i]}\n${c}` : c; });
  }
  return rows;
}

function textRows(rows: string[][], header: TableHeader): { rows: TextRow[]; columns: string[] } {
  const col = (role: string): number => header.roles.indexOf(role as TableHeader['roles'][number]);
  const actorCols = header.roles.flatMap((r, i) => (r === 'actor' ? [i] : []));
  const named = col('pelaksana');
  const columns = actorCols.map((i) => collapse(header.actorNames.get(i) ?? ''));
  const cell = (cells: string[], role: string): string => (col(role) >= 0 ? cells[col(role)] ?? '' : '');
  const out = rows.map((cells): TextRow => {
    const marks = new Map<number, string>();
    actorCols.forEach((c, k) => { const mark = collapse(cells[c] ?? ''); if (mark) marks.set(k, mark); });
    let namedColumn: number | null = null;
    const actor = named >= 0 ? collapse(cells[named] ?? '') : '';
    if (actor) {
      if (!columns.includes(actor)) columns.push(actor);
      namedColumn = columns.indexOf(actor);
    }
    const row: Omit<TableRow, 'shapes'> = {
      no: collapse(cell(cells, 'no')), page: 1, kegiatan: collapse(cell(cells, 'kegiatan')),
      persyaratan: splitItems(cell(cells, 'persyaratan'), { commas: true }), waktu: collapse(cell(cells, 'waktu')),
      output: collapse(cell(cells, 'output')), keterangan: cell(cells, 'keterangan').trim(),
    };
    return { row, marks, namedColumn };
  });
  return { rows: out, columns };
}

/** Text without cells (copied from a PDF viewer): a row per numbered line after the header words, columns lost. */
function looseTable(lines: string[]): { start: number; rows: TextRow[] } | null {
  const start = lines.findIndex((l) => /\b(kegiatan|aktivitas|uraian prosedur)\b/i.test(l) && /\b(no|pelaksana|mutu baku|waktu|output)\b/i.test(l));
  if (start < 0) return null;
  const rows: TextRow[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*(\d{1,3})[.)]?(?:\s+(\S.*))?$/.exec(line);
    if (m) rows.push({ row: { no: m[1]!, page: 1, kegiatan: collapse(m[2] ?? ''), persyaratan: [], waktu: '', output: '', keterangan: '' }, marks: new Map(), namedColumn: null });
    else if (rows.length && line.trim()) rows[rows.length - 1]!.row.kegiatan = collapse(`${rows[rows.length - 1]!.row.kegiatan} ${line}`);
  }
  return { start, rows };
}

function assemble(rows: TextRow[], columns: string[], identityLines: string[][], extra: ImportProblem[]): SopTable {
  if (rows.length === 0) throw new ImportRefusedError('empty');
  // NOTE: before the chart is guessed, which compares each decision's clauses with every row
  if (rows.length > IMPORT_LIMITS.rows) throw new ImportRefusedError('too-large', { rows: String(rows.length), max: String(IMPORT_LIMITS.rows) });
  const { identity, problems: identityProblems } = readIdentity(identityLines);
  const chart = guessChart(rows, columns);
  const tableRows: TableRow[] = rows.map((r, i) => {
    const shape = chart.shapes.get(i)!;
    return { ...r.row, shapes: [{ id: `t${i + 1}`, kind: shape.kind, column: shape.column, text: shape.text }] };
  });
  return { source: 'text', pages: 1, identity, columns, rows: tableRows, connectors: chart.connectors, problems: [...identityProblems, ...extra, ...chart.problems] };
}

/** The SopTable of a pasted SOP; refuses (ImportRefusedError) an empty text, text with no table, or unknown headers. */
export function readSopText(input: string): SopTable {
  const text = normaliseText(input);
  if (!text.trim()) throw new ImportRefusedError('empty');
  const delimiter = delimiterOf(text);
  if (delimiter === 'none') {
    const lines = text.split('\n');
    const loose = looseTable(lines);
    if (!loose) throw new ImportRefusedError('not-sop');
    const lost = loose.rows.map((r, i): ImportProblem => ({ code: 'text-columns-lost', severity: 'warning', row: i + 1, step: r.row.kegiatan, elementId: null }));
    return assemble(loose.rows, [], lines.slice(0, loose.start).map((l) => [l]), lost);
  }
  const lines = splitLines(text, delimiter);
  const at = lines.findIndex((cells) => isHeaderLine(cells.map(cleanCell)));
  if (at < 0) throw new ImportRefusedError(lines.some((cells) => cells.filter((c) => c.trim()).length >= 3) ? 'unknown-headers' : 'not-sop');
  const sub = lines[at + 1]?.map(cleanCell);
  const header = readHeader(lines[at]!.map(cleanCell), sub);
  if ('unknown' in header) throw new ImportRefusedError('unknown-headers', { headers: header.unknown.join(', ') });
  const { rows, columns } = textRows(tableRows(lines.slice(at + header.lines), header), header);
  return assemble(rows, columns, lines.slice(0, at), []);
}
