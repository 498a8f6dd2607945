// SOP baru without HTTP: the id proposed from a name, and the name of a never-deployed draft read
// without parsing it (the catalogue lists drafts that may not be valid BPMN yet).
import { describe, expect, test } from '@jest/globals';
import { newSopXml } from '../../src/definitions/new-sop-template.js';
import { NewSopService, slugFromName } from '../../src/definitions/new-sop.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { draftProcessName, ProcessCatalog } from '../../src/definitions/process-catalog.js';
import { validateDefinition } from '../../src/workflow/index.js';

describe('SOP baru', () => {
  test.each([
    ['Permohonan Izin Cuti', 'permohonan-izin-cuti'],
    ['  Surat Keterangan (2024) / Bidang Umum ', 'surat-keterangan-2024-bidang-umum'],
    ['Pengadaan Barang & Jasa — Tahap Ⅱ', 'pengadaan-barang-jasa-tahap-ii'],
    ['2024 Laporan Tahunan', 'laporan-tahunan'],
    ['Évaluasi Kinerja', 'evaluasi-kinerja'],
    ['!!!', ''],
  ])('Given the name %j, Then the proposed id is %j (letters first, at most 64)', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  test('Given a very long name, Then the proposed id is cut to 64 characters without a trailing dash', () => {
    const slug = slugFromName('Permohonan '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
  });

  test('Given a name with XML characters, When the template is made, Then it validates with no problem and keeps the name', async () => {
    const xml = newSopXml('izin-cuti', 'Izin <Cuti> & "Sakit"');
    const { problems, model } = await validateDefinition(xml, { hasForm: () => false });
    expect(problems).toEqual([]);
    expect(model).toMatchObject({ processKey: 'izin-cuti', name: 'Izin <Cuti> & "Sakit"' });
    expect(model!.userTasks.map((t) => t.groupId)).toEqual(['petugas']);
    expect(draftProcessName(xml, 'izin-cuti')).toBe('Izin <Cuti> & "Sakit"');
  });

  test('Given a hyphenated process id, When the template is made, Then its element ids have no hyphen, so a gateway expression can name the step', async () => {
    const xml = newSopXml('permohonan-surat-keterangan', 'Permohonan Surat Keterangan');
    const ids = [...xml.matchAll(/<bpmn:(?:startEvent|userTask|endEvent|sequenceFlow|lane) id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['Lane_Petugas', 'Mulai', 'Langkah1', 'Selesai', 'Flow1', 'Flow2']);
    const { problems, model } = await validateDefinition(xml, { hasForm: () => false });
    expect(problems).toEqual([]);
    expect(model!.userTasks.map((t) => t.id)).toEqual(['Langkah1']);
  });

  test('Given a draft whose process has another id or no name, Then no name is read from it', () => {
    expect(draftProcessName(newSopXml('a', 'Nama A'), 'b')).toBeNull();
    expect(draftProcessName('<process id="x">', 'x')).toBeNull();
    expect(draftProcessName('not xml at all', 'x')).toBeNull();
  });
});

describe('Given two process owners naming the same new SOP id at the same moment (review finding)', () => {
  test('when both create it, then one draft is created and the other is refused with the id taken; the first draft is kept', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    await store.init();
    const service = new NewSopService({ store, catalog: new ProcessCatalog(store, () => new Date()) });
    const [a, b] = await Promise.all([
      service.create({ name: 'Izin Cuti A', key: 'izin-cuti' }, 'owner-a'),
      service.create({ name: 'Izin Cuti B', key: 'izin-cuti' }, 'owner-b'),
    ]);
    expect([a, b].filter((errors) => Object.keys(errors).length === 0)).toHaveLength(1);
    expect([a, b].find((errors) => errors.key)?.key).toContain('newSop.error.keyTaken');
    const draft = await store.getProcessDraft('izin-cuti');
    expect(draft?.savedBy).toBe(Object.keys(a).length === 0 ? 'owner-a' : 'owner-b');
    expect(draftProcessName(draft!.xml, 'izin-cuti')).toBe(Object.keys(a).length === 0 ? 'Izin Cuti A' : 'Izin Cuti B');
    await store.close();
  });
});
