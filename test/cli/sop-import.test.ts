// `npm run sop:import`: spawned as an office runs it, on the seed SOP text, a sample PDF, a folder of
// documents with a refused one, a scanned PDF and bad usage: the drafts written, the JSON summary, the
// reasons on stderr and the exit codes.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { readSopDocument } from '../../src/workflow/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 'test/importer/fixtures/sop-pendaftaran-akun-ppbj.txt';
const SAMPLE = 'test/importer/fixtures/bps-bengkulu/027-pengiriman-surat-dinas.pdf';
const tmp = mkdtempSync(join(tmpdir(), 'alur-sop-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run { code: number; stdout: string; stderr: string }

function sopImport(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/sop-import.ts', ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A one-page PDF with a drawing and no text: what a scanner gives. */
function scannedPdf(path: string): Promise<void> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => { writeFileSync(path, Buffer.concat(chunks)); resolve(); });
    doc.rect(50, 50, 400, 300).fill('#777');
    doc.end();
  });
}

describe('Given the sop:import command', () => {
  test('when it imports the seed SOP text with --out, then it writes the draft, prints the summary and exits 0', async () => {
    const out = join(tmp, 'seed.bpmn');
    const run = await sopImport(SEED, '--out', out);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown> & { problems: Array<Record<string, unknown>> };
    expect(Object.keys(summary)).toEqual(['input', 'output', 'source', 'pages', 'processKey', 'name', 'identity', 'lanes', 'rows', 'counts', 'problems']);
    expect(summary).toMatchObject({
      input: SEED, output: out, source: 'text', processKey: 'pendaftaran-akun-pengelola-pengadaan-barang-dan-jasa', lanes: ['PPBJ', 'Admin PPE'], rows: 8,
      counts: { startEvent: 1, endEvent: 1, userTask: 6, exclusiveGateway: 1, sequenceFlow: 9 },
      identity: expect.objectContaining({ namaSop: 'PENDAFTARAN AKUN PENGELOLA PENGADAAN BARANG DAN JASA', tanggalEfektif: '2021-05-12' }),
    });
    expect(Object.keys(summary.problems[0]!)).toEqual(['code', 'severity', 'row', 'step', 'element', 'message']);
    expect(summary.problems).toContainEqual(expect.objectContaining({
      code: 'text-decision-guessed', row: 6, element: 'Langkah6',
      message: 'Baris 6 “Memeriksa Informasi PPBJ. Jika Lengkap, Akun PPBJ Diaktifkan. Jika Tidak, Lengk…”: keputusan ditebak dari kalimat “Jika …”: “Ya” ke baris 7, “Tidak” ke baris 5; periksa cabangnya.',
    }));
    expect((await readSopDocument(readFileSync(out, 'utf8'))).rows).toHaveLength(8);
  }, 60_000);

  test('when it is asked for English, then the problems are worded in English', async () => {
    const run = await sopImport('--lang', 'en', SEED, '--out', join(tmp, 'seed-en.bpmn'));
    expect(run.code).toBe(0);
    const { problems } = JSON.parse(run.stdout) as { problems: Array<{ message: string }> };
    expect(problems[0]!.message).toMatch(/^Row 1 “Mulai”: the text has no chart shapes/);
  }, 60_000);

  test('when it imports a folder of documents with --out-dir and one is no SOP, then the others are written, the reason is on stderr and it exits 2', async () => {
    const letter = join(tmp, 'surat.txt');
    writeFileSync(letter, 'Dengan hormat,\nbersama ini kami sampaikan laporan bulanan.\n');
    const dir = join(tmp, 'drafts');
    const run = await sopImport(SEED, SAMPLE, letter, '--out-dir', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sop:import: ${letter}: Berkas bukan dokumen SOP: tabel prosedur tidak ditemukan. (not-sop)\n`);
    const summaries = JSON.parse(run.stdout) as Array<{ input: string; output: string; source: string; lanes: string[] }>;
    expect(summaries.map((s) => [s.input, s.output, s.source])).toEqual([
      [SEED, join(dir, 'sop-pendaftaran-akun-ppbj.bpmn'), 'text'],
      [SAMPLE, join(dir, '027-pengiriman-surat-dinas.bpmn'), 'pdf'],
    ]);
    expect(summaries[1]!.lanes).toEqual(['TIM', 'Layanan Umum', 'Jasa Pengiriman', 'Penerima Surat dalam kota']);
    expect(existsSync(join(dir, 'surat.bpmn'))).toBe(false);
  }, 60_000);

  test('when the PDF is a scan without text, then it says so, offers the pasted table, writes nothing and exits 2', async () => {
    const scan = join(tmp, 'pindaian.pdf');
    await scannedPdf(scan);
    const out = join(tmp, 'pindaian.bpmn');
    const run = await sopImport(scan, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Dokumen hasil pindai, tidak ada teks. Salin tabel SOP dan tempel di kolom teks. (scanned)');
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  test.each([
    [[], 'no input document given'],
    [[SEED], 'no output given'],
    [[SEED, SAMPLE, '--out', 'x.bpmn'], 'several inputs need --out-dir'],
    [[SEED, '--out', 'a.bpmn', '--out-dir', 'b'], 'give --out or --out-dir, not both'],
    [[SEED, '--lang', 'fr', '--out', 'a.bpmn'], '--lang takes "id" or "en", not "fr"'],
    [[SEED, '--verbose', '--out', 'a.bpmn'], 'unknown option "--verbose"'],
  ])('when it is called with %j, then it prints the reason and the usage and exits 2', async (args, reason) => {
    const run = await sopImport(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`sop:import: ${reason}`);
    expect(run.stderr).toContain('usage: npm run sop:import --');
  }, 60_000);

  test('when the input does not exist, then it says so and exits 2', async () => {
    const run = await sopImport('tidak-ada.txt', '--out', join(tmp, 'x.bpmn'));
    expect([run.code, run.stderr]).toEqual([2, 'sop:import: tidak-ada.txt: berkas tidak ditemukan\n']);
  }, 60_000);
});
