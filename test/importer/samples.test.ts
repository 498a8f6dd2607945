// The 16 published BPS Bengkulu SOPs and the seed SOP text, imported and compared with the structure
// written by reading each document (test/importer/expected/*.json): lanes, shapes, flows, Mutu Baku.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test, expect } from '@jest/globals';
import type { ImportResult, ImportedNode } from '../../src/importer/types.js';
import {
  FIXTURES_DIR, SAMPLES_DIR, compareImport, expectationFiles, isTextSample, loadExpectation, nodeKey, resolveEndpoint,
  type SampleExpectation,
} from './sample-expectations.js';

type ImportSop = (input: { kind: 'pdf'; bytes: Uint8Array } | { kind: 'text'; text: string }) => Promise<ImportResult>;

// NOTE: loaded at run time so that, while the importer is missing, each test fails with this message
// (instead of the whole file failing to compile or being skipped).
const IMPORTER = '../../src/importer/import-sop.js';
async function importSop(): Promise<ImportSop> {
  let mod: { importSop?: unknown };
  try {
    mod = (await import(IMPORTER)) as { importSop?: unknown };
  } catch (e) {
    throw new Error(`The SOP importer is missing: src/importer/import-sop.ts could not be loaded (${(e as Error).message.replace(/\s+/g, ' ').trim().slice(0, 300)})`);
  }
  if (typeof mod.importSop !== 'function') throw new Error('src/importer/import-sop.ts does not export importSop()');
  return mod.importSop as ImportSop;
}

const expectations = expectationFiles().map(loadExpectation);
const pdfSamples = expectations.filter((e) => !isTextSample(e));
const seed = expectations.find((e) => e.source === 'sop-pendaftaran-akun-ppbj.txt');

/** The import the expectation describes, built from it: what the comparer must accept (its own test). */
function importMatching(exp: SampleExpectation): ImportResult {
  const ids = new Map<string, string>();
  const nodes: ImportedNode[] = exp.nodes.map((n, i) => {
    const id = `n${i + 1}`;
    ids.set(nodeKey(n.ref, n.type), id);
    const row = Number(n.ref.split('@')[0]);
    const mb = exp.mutuBaku.find((m) => m.row === row);
    const { row: _row, ...mutuBaku } = structuredClone(mb!);
    return {
      id, type: n.type, name: n.name ?? '', lane: n.lane ?? null, row,
      ...(n.type === 'exclusiveGateway' ? {} : { mutuBaku }),
    };
  });
  const flows = exp.flows.map((f, i) => ({
    id: `f${i + 1}`,
    source: ids.get(resolveEndpoint(exp.nodes, f.from, 'from'))!,
    target: ids.get(resolveEndpoint(exp.nodes, f.to, 'to'))!,
    name: f.label ?? '',
  }));
  for (const g of exp.nodes.filter((n) => n.type === 'exclusiveGateway')) {
    const task = ids.get(nodeKey(g.ref, 'userTask'));
    if (task) flows.push({ id: `f${flows.length + 1}`, source: task, target: ids.get(nodeKey(g.ref, g.type))!, name: '' });
  }
  const id = exp.identity;
  return {
    source: isTextSample(exp) ? 'text' : 'pdf', pages: 1, processKey: 'sample', name: id.namaSop ?? '',
    identity: {
      instansi: '', satuanKerja: '', nomor: id.nomor ?? '', tanggalPembuatan: id.tanggalPembuatan ?? '',
      tanggalRevisi: id.tanggalRevisi ?? '', tanggalEfektif: id.tanggalEfektif ?? '', namaSop: id.namaSop ?? '',
      disahkan: { jabatan: id.disahkanJabatan ?? '', nama: id.disahkanNama ?? '', pangkat: id.disahkanPangkat ?? '', nip: id.disahkanNip ?? '' },
      dasarHukum: [], kualifikasiPelaksana: [], keterkaitan: [], peralatan: [], peringatan: [], pencatatan: [],
    },
    lanes: [...exp.lanes], nodes, flows, problems: [], xml: '',
  };
}

const report = (exp: SampleExpectation, diffs: string[]): string[] => diffs.map((d) => `${exp.source}: ${d}`);

describe('The expectations', () => {
  test('every sample PDF has its expected structure, and the seed text too', () => {
    // Given the sample PDFs beside the tests
    const pdfs = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.pdf')).sort();
    // Then each has exactly one expectation file, and the seed SOP text has one
    expect(pdfSamples.map((e) => e.source).sort()).toEqual(pdfs);
    expect(pdfs).toHaveLength(16);
    expect(seed).toBeDefined();
  });

  test.each(expectations.map((e) => [e.source, e] as const))('%s: the comparison accepts the import the expectation describes', (_source, exp) => {
    // Given an import built from the expectation itself, When compared, Then no difference (the file is self-consistent)
    expect(report(exp, compareImport(exp, importMatching(exp)))).toEqual([]);
  });

  test('the comparison reports every kind of difference, naming the row', () => {
    // Given an import that is exactly what 009 (two-lane rows, a lettered decision, off-page joins) expects
    const exp = pdfSamples.find((e) => e.source.startsWith('009-'))!;
    // When a label, a lane, a flow, a name, a time and an item are wrong
    const wrong = importMatching(exp);
    const gateway = wrong.nodes.find((n) => n.type === 'exclusiveGateway')!;
    wrong.flows.find((f) => f.source === gateway.id && f.name === 'A')!.name = 'Ya';
    wrong.nodes.find((n) => n.row === 7)!.lane = 'Satuan Kerja';
    wrong.flows = wrong.flows.filter((f) => !(wrong.nodes.find((n) => n.id === f.source)?.row === 10));
    wrong.nodes.find((n) => n.row === 2)!.name = 'Melakukan penelitian data';
    wrong.nodes.find((n) => n.row === 8)!.mutuBaku!.waktuIso = 'PT1H';
    wrong.nodes.find((n) => n.row === 9)!.mutuBaku!.persyaratan.pop();
    // Then each is reported, naming its row
    const diffs = compareImport(exp, wrong);
    expect(diffs).toEqual(expect.arrayContaining([
      'flow missing: 4@Satuan Kerja#exclusiveGateway -> 5@Pengelola Barang#userTask "A"',
      'flow extra: 4@Satuan Kerja#exclusiveGateway -> 5@Pengelola Barang#userTask "Ya"',
      'row 7 userTask: lane expected "Pengelola Barang", got "Satuan Kerja"',
      'flow missing: 10#userTask -> 11#userTask ""',
      expect.stringMatching(/^row 2 userTask: name expected "Melakukan penelitian data administratif/),
      'row 8 Mutu Baku (userTask "Melaksanakan penandatanganan BAST Penjualan BMN") waktuIso: expected P1D, got PT1H',
      expect.stringMatching(/^row 9 Mutu Baku .* persyaratan: expected/),
    ]));
    expect(diffs).toHaveLength(7);
  });
});

describe('Importing the published SOPs (BPS Provinsi Bengkulu)', () => {
  test.each(pdfSamples.map((e) => [e.source, e] as const))(
    '%s: identity, lanes, shapes, every flow with its label and the Mutu Baku of every row as the document reads',
    async (source, exp) => {
      // Given the published PDF
      const bytes = new Uint8Array(readFileSync(new URL(source, SAMPLES_DIR)));
      // When it is imported
      const result = await (await importSop())({ kind: 'pdf', bytes });
      // Then the draft is the structure read from the document, difference by difference
      expect(report(exp, compareImport(exp, result))).toEqual([]);
    },
  );
});

describe('Importing the seed SOP pasted as text (chart shapes lost)', () => {
  test('8 rows, lanes PPBJ and Admin PPE, the decision of row 6 with its branches, and every guess flagged as a warning', async () => {
    // Given the seed SOP's table pasted as text
    const exp = seed!;
    const text = readFileSync(new URL(exp.source, FIXTURES_DIR), 'utf8');
    // When it is imported
    const result = await (await importSop())({ kind: 'text', text });
    // Then the steps, lanes, decision and Mutu Baku are what the text says
    expect(report(exp, compareImport(exp, result))).toEqual([]);
    expect(new Set(result.nodes.map((n) => n.row))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    // And what the importer had to guess is listed, as warnings, the decision of row 6 among them
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(result.problems.filter((p) => p.row === 6).length).toBeGreaterThan(0);
  });
});
