// importSop's input limits, and the worker that runs it off the request thread (refusals cross the
// thread as refusals; a slow import is abandoned as 'timeout').
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { importSop, IMPORT_LIMITS } from '../../src/importer/import-sop.js';
import { createImportWorker } from '../../src/importer/import-worker.js';
import { ImportRefusedError } from '../../src/importer/types.js';
import { problemMessage, refusalMessage } from '../../src/importer/problem-texts.js';

const SEED = readFileSync(new URL('./fixtures/sop-pendaftaran-akun-ppbj.txt', import.meta.url), 'utf8');

async function refusal(run: Promise<unknown>): Promise<{ code: string; details: Record<string, string> }> {
  try {
    await run;
  } catch (err) {
    if (err instanceof ImportRefusedError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('not refused');
}

describe('Given inputs past the limits', () => {
  test('when a PDF is over 10 MB, then it is refused as too large before it is read', async () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.pdfBytes + 1);
    expect(await refusal(importSop({ kind: 'pdf', bytes }))).toEqual({ code: 'too-large', details: { bytes: String(bytes.length), max: String(IMPORT_LIMITS.pdfBytes) } });
  });

  test('when a pasted text is over 200 KB, then it is refused as too large', async () => {
    const text = `${SEED}\n${'x'.repeat(IMPORT_LIMITS.textBytes)}`;
    expect((await refusal(importSop({ kind: 'text', text }))).code).toBe('too-large');
  });

  test('when a table has more than 200 rows, then it is refused as too large', async () => {
    const rows = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => `${i + 1}\tLangkah ${i + 1}\tx\t1 jam`);
    const text = ['No\tKegiatan\tStaf\tWaktu', ...rows].join('\n');
    expect(await refusal(importSop({ kind: 'text', text }))).toEqual({ code: 'too-large', details: { rows: '201', max: '200' } });
  });

  test('when an empty file is given as PDF, then it is refused as empty', async () => {
    expect((await refusal(importSop({ kind: 'pdf', bytes: new Uint8Array() }))).code).toBe('empty');
  });

  test('when the bytes are not a PDF, then it is refused as broken', async () => {
    expect((await refusal(importSop({ kind: 'pdf', bytes: new TextEncoder().encode('bukan pdf') }))).code).toBe('broken');
  });
});

describe('Given the import worker', () => {
  const worker = createImportWorker();
  const slow = createImportWorker(1);

  test('when it imports the seed text, then the draft comes back from the worker thread', async () => {
    const draft = await worker.run({ kind: 'text', text: SEED });
    expect(draft.processKey).toBe('pendaftaran-akun-pengelola-pengadaan-barang-dan-jasa');
    expect(draft.nodes).toHaveLength(9);
    expect(draft.xml).toContain('<alur:mutuBaku langkah="2" waktu="PT15M" waktuTeks="15 Menit" waktuImpor="PT15M" output="Form Registrasi">');
  }, 30_000);

  test('when the document is refused in the worker, then the refusal arrives as one, with its reason', async () => {
    expect((await refusal(worker.run({ kind: 'text', text: 'Dengan hormat,\nkami sampaikan laporan.' }))).code).toBe('not-sop');
  }, 30_000);

  test('when an import takes longer than its time limit, then it is refused as timeout and the next one still works', async () => {
    expect(await refusal(slow.run({ kind: 'text', text: SEED }))).toEqual({ code: 'timeout', details: { ms: '1' } });
    expect((await worker.run({ kind: 'text', text: SEED })).nodes).toHaveLength(9);
  }, 30_000);
});

describe('Given the texts of problems and refusals', () => {
  test('when a row\'s problem is worded, then it names the row and its Kegiatan in Indonesian, and in English on request', () => {
    const p = { code: 'waktu-unreadable', severity: 'warning' as const, row: 2, step: 'Menerima berkas', elementId: 'Langkah2', args: { waktu: 'Setiap Saat' } };
    expect(problemMessage(p)).toBe('Baris 2 “Menerima berkas”: Waktu “Setiap Saat” bukan lama waktu yang dapat dibaca; isi Waktu dengan angka dan satuan (mis. 15 menit).');
    expect(problemMessage(p, 'en')).toMatch(/^Row 2 “Menerima berkas”: Waktu “Setiap Saat” is not a duration/);
  });

  test('when a scanned PDF is refused, then the text says so and offers the pasted table', () => {
    expect(refusalMessage('scanned')).toBe('Dokumen hasil pindai, tidak ada teks. Salin tabel SOP dan tempel di kolom teks.');
    expect(refusalMessage('not-sop')).toBe('Berkas bukan dokumen SOP: tabel prosedur tidak ditemukan.');
  });
});
