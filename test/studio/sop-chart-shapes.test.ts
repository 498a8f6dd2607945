// The SOP document of an imported draft draws every shape of a row, each in its lane (a published SOP
// row may hold shapes in several Pelaksana columns): the PDF, read back by the importer's PDF reader,
// has the same shapes per row; each HTML row's SVG has one symbol per shape and names every actor.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { importSop } from '../../src/importer/import-sop.js';
import { readSopPdf } from '../../src/importer/pdf/read-pdf.js';
import { sopPdf } from '../../src/studio/sop-pdf.js';
import { sopView } from '../../src/studio/sop-view.js';
import { readSopDocument, type SopDocument } from '../../src/workflow/index.js';

// 031 and 052 start with a capsule carrying the first activity (a start event and a task in one lane and row)
const SAMPLES = ['009-penjualan-bmn', '027-pengiriman-surat-dinas', '031-pengajuan-belanja-pegawai', '052-permintaan-instalasi-perangkat-lunak'];
const VERSION = { version: 1, deployedAt: '2026-12-01T03:00:00.000Z' };
const docs = new Map<string, SopDocument>();
beforeAll(async () => {
  for (const name of SAMPLES) {
    const bytes = new Uint8Array(readFileSync(new URL(`../importer/fixtures/bps-bengkulu/${name}.pdf`, import.meta.url)));
    docs.set(name, await readSopDocument((await importSop({ kind: 'pdf', bytes })).xml));
  }
}, 60_000);

/** Each row's shapes as "kind@column", the row's own first. */
const shapesOf = (doc: SopDocument): string[][] => doc.rows.map((r) => (r.shapes ?? [r]).map((s) => `${s.symbol}@${s.column}`));

describe.each(SAMPLES)('Given sample %s imported (rows holding several steps, in several lanes or in one)', (name) => {
  test('when its SOP PDF is drawn and read back, then every row has all its shapes, each in its lane', async () => {
    const doc = docs.get(name)!;
    expect(doc.rows.some((r) => (r.shapes?.length ?? 0) > 1 || r.elementIds.length > (r.symbol === 'decision' ? 2 : 1))).toBe(true);
    const back = await readSopPdf(new Uint8Array(await sopPdf(doc, VERSION)));
    // (a header repeated on the next page is read as a row without a number)
    const drawn = back.rows.filter((r) => /^\d/.test(r.no)).map((r) => r.shapes.map((s) => `${s.kind}@${s.column}`).sort());
    expect(drawn).toEqual(shapesOf(doc).map((row) => [...row].sort()));
  }, 30_000);

  test('when its SOP page is shaped, then each row\'s SVG has one symbol per shape and the row names every lane it uses', () => {
    const doc = docs.get(name)!;
    const view = sopView(doc, VERSION);
    expect(view.rows.map((r) => (r.svg.match(/class="sym /g) ?? []).length)).toEqual(shapesOf(doc).map((row) => row.length));
    for (const [i, row] of view.rows.entries()) {
      const lanes = [...new Set((doc.rows[i]!.shapes ?? [doc.rows[i]!]).map((s) => doc.columns[s.column]))];
      expect(row.actor).toBe(lanes.join(', '));
    }
  });
});
