// A case of the shipped SOP run step by step, every step a fresh engine recovered from the
// stored Buffer: nothing but the state travels between calls.
import { describe, test, expect } from '@jest/globals';
import {
  completeUserTask,
  startProcess,
  waitingTasks,
  TaskNotWaitingError,
  type DefinitionRef,
  type EngineResult,
} from '../../src/workflow/index.js';
import { decodeState } from '../../src/workflow/engine-state.js';
import { SOP_STEPS, definition, shippedXml } from './helpers.js';

const MAX_STATE_BYTES = 6144;

const FORMS: Record<string, Record<string, unknown>> = {
  MembuatAkun: { email: 'siti.rahma@kalbarprov.go.id', whatsapp: '+6281234567890', password: '(hashed elsewhere)' },
  MengisiIdentitas: { nama: 'Siti Rahmawati, S.E.', nip: '198705122010012003', instansi: 'Dinas Pendidikan Provinsi Kalimantan Barat', jabatan: 'Pejabat Pengadaan' },
  MelakukanVerifikasi: { terverifikasi: true, catatan: 'NIP dan instansi sesuai' },
  MelengkapiInformasi: { nomorSk: '027/123/DISDIK-A/2026', tanggalSk: '2026-01-15', dokumenSk: 'uploads/sk-123.pdf' },
  MemeriksaInformasi: { lengkap: true, catatan: 'SiRUP, SPSE, SiPRAJA sesuai' },
  MengaktifkanAkun: { aktif: true },
};

function expectWaitingAt(result: EngineResult, elementId: string): void {
  const step = SOP_STEPS.find((s) => s.id === elementId)!;
  expect(result).toMatchObject({ status: 'running', error: null });
  expect(result.waiting).toHaveLength(1);
  const [task] = result.waiting;
  expect(task?.elementId).toBe(elementId);
  expect(task?.spec).toMatchObject({
    name: step.name,
    groupId: step.groupId,
    formKey: step.formKey,
    timeStandard: step.time,
    sop: { requirements: step.requirements, output: step.output, keterangan: step.keterangan },
  });
}

async function complete(def: DefinitionRef, result: EngineResult, elementId: string, form = FORMS[elementId]!): Promise<EngineResult> {
  return completeUserTask(def, result.engineState, elementId, form);
}

describe('a case of Pendaftaran Akun PPBJ', () => {
  test('Given a new case, when every step is completed (lengkap at step 6), then it waits at steps 2..7 in order and completes', async () => {
    const def = definition(shippedXml());
    let result = await startProcess(def);
    for (const [i, step] of SOP_STEPS.entries()) {
      expectWaitingAt(result, step.id);
      expect(await waitingTasks(def, result.engineState)).toEqual(result.waiting);
      result = await complete(def, result, step.id);
      if (i < SOP_STEPS.length - 1) expect(result.status).toBe('running');
    }
    expect(result).toEqual({ status: 'completed', engineState: expect.any(Buffer), waiting: [], error: null });
    expect(await waitingTasks(def, result.engineState)).toEqual([]);
  });

  test('Given a case at step 6, when it is returned twice as not lengkap, then it goes back to step 5 each time and completes after activation', async () => {
    const def = definition(shippedXml());
    let result = await startProcess(def);
    for (const id of ['MembuatAkun', 'MengisiIdentitas', 'MelakukanVerifikasi']) result = await complete(def, result, id);
    for (let round = 1; round <= 2; round++) {
      expectWaitingAt(result, 'MelengkapiInformasi');
      result = await complete(def, result, 'MelengkapiInformasi', { nomorSk: `draft-${round}` });
      expectWaitingAt(result, 'MemeriksaInformasi');
      result = await complete(def, result, 'MemeriksaInformasi', { lengkap: false, catatan: `SK belum lengkap (${round})` });
    }
    expectWaitingAt(result, 'MelengkapiInformasi');
    result = await complete(def, result, 'MelengkapiInformasi');
    result = await complete(def, result, 'MemeriksaInformasi', { lengkap: true });
    expectWaitingAt(result, 'MengaktifkanAkun');
    result = await complete(def, result, 'MengaktifkanAkun');
    expect(result.status).toBe('completed');
  });

  test('Given a case at step 6, when lengkap is the string "true", then the strict condition sends it back to step 5', async () => {
    const def = definition(shippedXml());
    let result = await startProcess(def);
    for (const id of ['MembuatAkun', 'MengisiIdentitas', 'MelakukanVerifikasi', 'MelengkapiInformasi']) result = await complete(def, result, id);
    result = await complete(def, result, 'MemeriksaInformasi', { lengkap: 'true' });
    expectWaitingAt(result, 'MelengkapiInformasi');
  });

  test('Given a case waiting at each step, then its stored state is at most 6 KB', async () => {
    const def = definition(shippedXml());
    let result = await startProcess(def);
    const sizes: string[] = [];
    for (const step of SOP_STEPS) {
      const json = JSON.stringify(decodeState(result.engineState)).length;
      sizes.push(`${step.id}: ${result.engineState.length} B stored (${json} B JSON)`);
      expect(result.engineState.length).toBeLessThanOrEqual(MAX_STATE_BYTES);
      result = await complete(def, result, step.id);
    }
    sizes.push(`completed: ${result.engineState.length} B stored`);
    console.log(`engine state per step:\n  ${sizes.join('\n  ')}`);
    expect(result.engineState.length).toBeLessThanOrEqual(MAX_STATE_BYTES);
  });

  test('Given two cases of one definition, when their steps interleave, then each keeps its own position', async () => {
    const def = definition(shippedXml());
    let a = await startProcess(def);
    let b = await startProcess(def);
    a = await complete(def, a, 'MembuatAkun');
    b = await complete(def, b, 'MembuatAkun');
    a = await complete(def, a, 'MengisiIdentitas');
    expect((await waitingTasks(def, a.engineState)).map((t) => t.elementId)).toEqual(['MelakukanVerifikasi']);
    expect((await waitingTasks(def, b.engineState)).map((t) => t.elementId)).toEqual(['MengisiIdentitas']);
  });

  test('Given a case waiting at step 2, when step 4 is completed, then TaskNotWaitingError is thrown and the state is unchanged', async () => {
    const def = definition(shippedXml());
    const result = await startProcess(def);
    await expect(completeUserTask(def, result.engineState, 'MelakukanVerifikasi', {})).rejects.toThrow(TaskNotWaitingError);
    await expect(completeUserTask(def, result.engineState, 'NoSuchTask', {})).rejects.toThrow(TaskNotWaitingError);
    expect((await waitingTasks(def, result.engineState)).map((t) => t.elementId)).toEqual(['MembuatAkun']);
  });

  test('Given a completed case, when a step is completed again, then TaskNotWaitingError is thrown', async () => {
    const def = definition(shippedXml());
    let result = await startProcess(def);
    for (const step of SOP_STEPS) result = await complete(def, result, step.id);
    await expect(completeUserTask(def, result.engineState, 'MengaktifkanAkun', {})).rejects.toThrow(TaskNotWaitingError);
  });
});
