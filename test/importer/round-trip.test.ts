// Round trip: a document imported into a draft, and the SOP document generated from that draft
// (readSopDocument, what /proses/:key/sop renders), give back the same table: the same rows in the same
// order, names, actor columns, Mutu Baku cells and Keterangan.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { MAX_LIST_ITEMS, readSopDocument, TEXT_LIMITS, type SopDocument } from '../../src/workflow/index.js';
import { buildDraft } from '../../src/importer/build-draft.js';
import { readSopText } from '../../src/importer/text/read-text.js';
import { readSopPdf } from '../../src/importer/pdf/read-pdf.js';
import { collapse } from '../../src/importer/items.js';
import type { ImportResult, SopTable } from '../../src/importer/types.js';
import { pengirimanSurat } from './tables.js';

const SAMPLES = new URL('./fixtures/bps-bengkulu/', import.meta.url);
const SEED = readFileSync(new URL('./fixtures/sop-pendaftaran-akun-ppbj.txt', import.meta.url), 'utf8');

interface Row { uraian: string; columns: string[]; persyaratan: string[]; waktu: string; output: string; keterangan: string[] }

// NOTE: a cell longer than a deployed model may hold (model-text-limits.ts) comes back cut, as the SOP
// document cuts it; the import flags it ('text-too-long', 'list-too-long') for the owner to shorten
const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const cutList = (items: string[], max: number): string[] => items.slice(0, MAX_LIST_ITEMS).map((t) => cut(t, max));

/** The rows the draft must give back: every table row that became a shape, as the import read it. */
function tableRows(table: SopTable, draft: ImportResult): Row[] {
  return table.rows.flatMap((row, i) => {
    const carrier = draft.nodes.find((n) => n.row === i + 1 && n.mutuBaku);
    if (!carrier) return [];
    const m = carrier.mutuBaku!;
    const columns = [...new Set(row.shapes.filter((s) => s.column !== null).map((s) => draft.lanes[s.column!]!))].sort();
    return [{
      uraian: cut(collapse(row.kegiatan), TEXT_LIMITS.uraian), columns, persyaratan: cutList(m.persyaratan, TEXT_LIMITS.persyaratan),
      waktu: m.waktu, output: cut(m.output, TEXT_LIMITS.output), keterangan: cutList(m.keterangan, TEXT_LIMITS.keterangan),
    }];
  });
}

/** Rows (1-based) whose cells the import had to flag as too long for a model. */
const flaggedLong = (draft: ImportResult): number[] =>
  draft.problems.filter((p) => p.code === 'text-too-long' || p.code === 'list-too-long').map((p) => p.row!);
/** Rows (1-based) with a cell over its limit. */
const cutRows = (table: SopTable, draft: ImportResult): number[] =>
  table.rows.flatMap((row, i) => {
    const m = draft.nodes.find((n) => n.row === i + 1 && n.mutuBaku)?.mutuBaku;
    if (!m) return [];
    const over = collapse(row.kegiatan).length > TEXT_LIMITS.uraian || m.output.length > TEXT_LIMITS.output
      || m.persyaratan.some((t) => t.length > TEXT_LIMITS.persyaratan) || m.keterangan.some((t) => t.length > TEXT_LIMITS.keterangan)
      || m.persyaratan.length > MAX_LIST_ITEMS || m.keterangan.length > MAX_LIST_ITEMS;
    return over ? [i + 1] : [];
  });

/** The rows of the generated SOP document; actor columns only where the table row had them. */
function documentRows(doc: SopDocument, expected: Row[]): Row[] {
  return doc.rows.map((r, i) => ({
    uraian: r.uraian,
    columns: expected[i]?.columns.length ? [...new Set((r.shapes ?? [r]).map((s) => doc.columns[s.column]!))].sort() : [],
    persyaratan: r.requirements, waktu: r.timeStandard, output: r.output, keterangan: r.keterangan,
  }));
}

async function roundTrip(table: SopTable): Promise<{ want: Row[]; got: Row[]; draft: ImportResult }> {
  const draft = buildDraft(table);
  const want = tableRows(table, draft);
  return { want, got: documentRows(await readSopDocument(draft.xml), want), draft };
}

describe('Given the seed SOP pasted as text', () => {
  test('when it is imported and its SOP document generated, then the 8 rows come back with their cells, and the actors the text gave', async () => {
    const { want, got } = await roundTrip(readSopText(SEED));
    expect(want).toHaveLength(8);
    expect(got).toEqual(want);
    expect(got[5]).toMatchObject({ columns: ['Admin PPE'], waktu: '15 Menit', keterangan: ['SiRUP', 'SPSE', 'SiPRAJA'] });
  });
});

describe('Given SOP 027 as its PDF reads (one row with shapes in two lanes)', () => {
  test('when it is imported and its SOP document generated, then row 3 is one row with both actor columns', async () => {
    const { want, got } = await roundTrip(pengirimanSurat());
    expect(got).toEqual(want);
    expect(got[2]!.columns).toEqual(['Layanan Umum', 'Penerima Surat dalam kota']);
  });
});

describe('Given the published sample SOPs (PDF)', () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.pdf')).sort();

  test.each(files)('%s: imported, then generated as an SOP document, it gives back the rows it was read as', async (file) => {
    const table = await readSopPdf(new Uint8Array(readFileSync(new URL(file, SAMPLES))));
    const { want, got, draft } = await roundTrip(table);
    expect(got).toEqual(want);
    expect(flaggedLong(draft)).toEqual(expect.arrayContaining(cutRows(table, draft)));
    // a row that became no shape is not lost: it is in the problems
    const drawn = new Set(draft.nodes.map((n) => n.row));
    for (let r = 1; r <= table.rows.length; r++) if (!drawn.has(r)) expect(draft.problems.some((p) => p.row === r)).toBe(true);
  });
});
