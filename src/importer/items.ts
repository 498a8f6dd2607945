// Splitting a table cell into list items: "1. A 2. B", "- A - B", "• A", one item per line, and for
// Persyaratan a list separated by commas or semicolons ("e-Mail Aktif, Nomor Whatsapp Aktif").

/** Whitespace runs collapsed, trimmed. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const NUMBERED = /(?:^|\s)(?:\d{1,2}|[a-z])[.)]\s+/g;
const BULLETS = /(?:^|\s)[-•●▪◦*·]\s+/g;

function splitOn(text: string, marker: RegExp): string[] | null {
  const starts = [...text.matchAll(marker)];
  if (starts.length === 0 || starts[0]!.index !== 0 && text.slice(0, starts[0]!.index).trim() !== '') return null;
  const items: string[] = [];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : text.length;
    items.push(text.slice(m.index + m[0].length, end));
  });
  return items;
}

/** Numbered items must count up from 1 (or a), so "Pasal 5. Ayat" is not a list. */
function numberedItems(text: string): string[] | null {
  const marks = [...text.matchAll(NUMBERED)].map((m) => m[0].trim().slice(0, -1));
  if (marks.length === 0) return null;
  const sequence = marks.every((mark, i) => mark === String(i + 1)) || marks.every((mark, i) => mark === String.fromCharCode(97 + i));
  return sequence ? splitOn(text, NUMBERED) : null;
}

const MARKER = /^(?:(?:\d{1,2}|[a-z])[.)]|[-•●▪◦*·])\s+/;

/**
 * The items of a cell: a numbered (1, 2, … or a, b, …) or bulleted list over the whole cell, else one
 * item per line (a line starting in lower case continues the one before). `commas`: a cell without
 * markers on one line is split on ',' and ';' (Persyaratan/Kelengkapan: they separate the things required).
 */
export function splitItems(cell: string, options: { commas?: boolean } = {}): string[] {
  const lines = cell.split(/\r?\n/).map(collapse).filter(Boolean);
  if (lines.length === 0) return [];
  const joined = lines.join('\n');
  let items = numberedItems(joined) ?? splitOn(joined, BULLETS);
  if (!items) {
    items = [];
    for (const line of lines) {
      if (items.length && !MARKER.test(line) && /^[a-z(]/.test(line)) items[items.length - 1] += ` ${line}`;
      else items.push(line.replace(MARKER, ''));
    }
  }
  const cleaned = items.map((t) => collapse(t).replace(/[;,]$/, '').trim()).filter(Boolean);
  if (options.commas && cleaned.length === 1) {
    const parts = cleaned[0]!.split(/\s*[,;]\s*/).filter(Boolean);
    if (parts.length > 1) return parts;
  }
  return cleaned;
}
