// Pasted text -> lines of cells. Word and spreadsheets separate cells with tabs (a spreadsheet quotes a
// cell holding line breaks); a Markdown table with '|'. Text without either keeps one cell per line.
// NOTE: the text is cleaned first: markup a copy may carry (**bold**, <p>, <b>, <br>) and odd spaces.

export type Delimiter = 'tab' | 'pipe' | 'none';

/** Line ends unified, a byte-order mark dropped, NBSP and other fixed spaces made plain. */
export const normaliseText = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[\u00A0\u2007\u202F]/g, ' ');

/** A cell without the markup a copy may carry (**bold**, <p>, <b>, <br>), spaces collapsed per line. */
export function cleanCell(cell: string): string {
  return cell
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, ' ')
    .replace(/<\/?(p|b|strong|i|em|u|span|div)\b[^>]*>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/[ ]+/g, ' ')
    .replace(/^ | $/gm, '');
}

export function delimiterOf(text: string): Delimiter {
  if (text.includes('\t')) return 'tab';
  const piped = text.split('\n').filter((l) => /^\s*\|.*\|\s*$/.test(l)).length;
  return piped >= 2 ? 'pipe' : 'none';
}

/** Tab-separated lines; a cell that starts with '"' runs to its closing quote, across line breaks ("" is a quote). */
function tabLines(text: string): string[][] {
  const lines: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"' && (text[i + 1] === '\t' || text[i + 1] === '\n' || i + 1 === text.length)) quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && atCellStart && text.indexOf('"', i + 1) > i) { quoted = true; atCellStart = false; continue; }
    if (ch === '\t') { cells.push(cell); cell = ''; atCellStart = true; continue; }
    if (ch === '\n') { cells.push(cell); lines.push(cells); cells = []; cell = ''; atCellStart = true; continue; }
    cell += ch;
    atCellStart = false;
  }
  cells.push(cell);
  lines.push(cells);
  return lines;
}

function pipeLines(text: string): string[][] {
  return text.split('\n')
    .filter((l) => !/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l)) // the |---|---| rule of Markdown
    .map((l) => (/^\s*\|.*\|\s*$/.test(l) ? l.trim().slice(1, -1).split('|') : [l]));
}

/** Lines of raw cells (line breaks inside a quoted cell kept); `text` is normalised (normaliseText). */
export function splitLines(text: string, delimiter: Delimiter): string[][] {
  return delimiter === 'tab' ? tabLines(text) : delimiter === 'pipe' ? pipeLines(text) : text.split('\n').map((l) => [l]);
}
