// The import service without HTTP: one document at a time with a bounded queue (more are refused as
// busy), the worker's refusals and failures as messages on the right field, an id typed that is not
// free refused before any reading, and the draft saved under the id chosen.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { importSop } from '../../src/importer/import-sop.js';
import { ImportRefusedError, type ImportResult } from '../../src/importer/types.js';
import { ProcessCatalog } from '../../src/definitions/process-catalog.js';
import { OneAtATime, SOP_IMPORTS_WAITING, SopImportService, withProcessKey, type SopImporter } from '../../src/definitions/sop-import.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/ports.js';
import { validateDefinition } from '../../src/workflow/index.js';

const SEED_TEXT = readFileSync(new URL('../importer/fixtures/sop-pendaftaran-akun-ppbj.txt', import.meta.url), 'utf8');
let store: Store;
let seed: ImportResult;
beforeAll(async () => {
  store = createSqliteStore({ file: ':memory:' });
  await store.init();
  seed = await importSop({ kind: 'text', text: SEED_TEXT });
});
afterAll(async () => store.close());

const service = (importer: SopImporter, log: string[] = []) =>
  new SopImportService({ store, catalog: new ProcessCatalog(store, () => new Date()), importer, log: (line) => log.push(line) });
const text = { kind: 'text', text: 'x' } as const;

describe('Given imports arriving together', () => {
  test('when more arrive than run and wait, then one runs at a time, the waiting ones follow in order, and the rest are refused as busy', async () => {
    const turns = new OneAtATime(2);
    const order: string[] = [];
    let release!: () => void;
    const first = turns.run(async () => {
      order.push('a start');
      await new Promise<void>((r) => { release = r; });
      order.push('a end');
    });
    const b = turns.run(async () => { order.push('b'); });
    const c = turns.run(async () => { order.push('c'); });
    await expect(turns.run(async () => { order.push('d'); })).rejects.toThrow('another SOP import is running');
    await Promise.resolve();
    release();
    await Promise.all([first, b, c]);
    expect(order).toEqual(['a start', 'a end', 'b', 'c']);
    await turns.run(async () => { order.push('e'); }); // free again
    expect(order.at(-1)).toBe('e');
  });

  test('when one waits longer than its bound, then it is refused as busy, leaves the queue, and the next in line still gets its turn', async () => {
    const turns = new OneAtATime(2, 50);
    let release!: () => void;
    const first = turns.run(() => new Promise<void>((r) => { release = r; }));
    const late = turns.run(async () => 'late');
    await expect(late).rejects.toThrow('another SOP import is running');
    const next = turns.run(async () => 'next');
    release();
    await first;
    expect(await next).toBe('next');
  });

  test('when the service is busy past its queue, then the next import is refused with 503 on its field', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const s = service(async () => { await gate; throw new ImportRefusedError('empty'); });
    const waiting = Array.from({ length: SOP_IMPORTS_WAITING + 1 }, () => s.import(text, '', null));
    expect(await s.import({ kind: 'pdf', bytes: new Uint8Array(1) }, '', null)).toEqual({ ok: false, field: 'berkas', message: 'sopImport.error.busy', status: 503 });
    release();
    expect((await Promise.all(waiting)).map((o) => !o.ok && o.message)).toEqual(Array(SOP_IMPORTS_WAITING + 1).fill('import.refused.empty'));
  });
});

describe('Given the importer refuses or fails', () => {
  test.each([
    ['timeout', 'text', 'teks', 422],
    ['too-large', 'pdf', 'berkas', 413],
    ['scanned', 'pdf', 'teks', 422], // a scan's way on is the pasted table
    ['not-sop', 'pdf', 'berkas', 422],
  ] as const)('when it refuses as %s (%s), then the message is its refusal, on the %s field, status %i', async (code, kind, field, status) => {
    const input = kind === 'pdf' ? { kind, bytes: new Uint8Array(1) } as const : text;
    expect(await service(async () => { throw new ImportRefusedError(code); }).import(input, '', null))
      .toEqual({ ok: false, field, message: `import.refused.${code}`, status });
  });

  test('when the reader fails in a way it does not foresee, then the document is refused (422), never a 500, and the failure is logged', async () => {
    const log: string[] = [];
    const outcome = await service(async () => { throw new Error('pdf.js: bad XRef entry'); }, log).import({ kind: 'pdf', bytes: new Uint8Array(1) }, '', null);
    expect(outcome).toEqual({ ok: false, field: 'berkas', message: 'sopImport.error.failed', status: 422 });
    expect(log).toEqual(['SOP import failed: pdf.js: bad XRef entry']);
  });
});

describe('Given the process id of the import', () => {
  test('when the id typed is taken or not an id, then it is refused before the document is read', async () => {
    await store.saveProcessDraft({ processKey: 'sudah-ada', xml: '<x/>', savedAt: new Date().toISOString(), savedBy: null });
    let reads = 0;
    const s = service(async () => { reads++; return seed; });
    expect(await s.import(text, 'sudah-ada', null)).toMatchObject({ ok: false, field: 'idImpor', message: expect.stringContaining('newSop.error.keyTaken') });
    expect(await s.import(text, 'baru', null)).toMatchObject({ ok: false, field: 'idImpor', message: 'newSop.error.keyReserved' });
    expect(reads).toBe(0);
  });

  test('when an id is typed, then the draft is saved under it, its XML names it, and it validates as that process', async () => {
    const outcome = await service(async () => seed).import(text, 'akun_pengadaan', 'owner-1');
    expect(outcome).toEqual({ ok: true, key: 'akun_pengadaan', problems: seed.problems.length });
    const draft = await store.getProcessDraft('akun_pengadaan');
    expect(draft?.savedBy).toBe('owner-1');
    expect(draft?.importProblems?.map((p) => p.id)).toEqual(seed.problems.map((_p, i) => `p${i + 1}`));
    expect((await validateDefinition(draft!.xml)).processKey).toBe('akun_pengadaan');
  });

  test('when no id is typed, then the one the importer proposed is used', async () => {
    expect(await service(async () => seed).import(text, '', null)).toMatchObject({ ok: true, key: seed.processKey });
    expect(withProcessKey(seed.xml, seed.processKey, seed.processKey)).toBe(seed.xml);
  });
});
