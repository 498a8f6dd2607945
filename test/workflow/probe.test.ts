import { test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { loadProcessModel, startProcess, completeUserTask, waitingTasks } from '../../src/workflow/index.js';

test('probe', async () => {
  const xml = readFileSync('processes/pendaftaran-akun-ppbj.bpmn', 'utf8');
  const model = await loadProcessModel(xml);
  console.log(JSON.stringify(model, null, 1).slice(0, 1500));
  const def = { id: 'v1', xml };
  let r = await startProcess(def);
  console.log(r.status, r.error, r.waiting.map((w) => w.elementId), r.engineState.length);
  const steps: Array<[string, Record<string, unknown>]> = [['MembuatAkun', { email: 'a@b.c' }], ['MengisiIdentitas', { nama: 'X' }], ['MelakukanVerifikasi', { ok: true }], ['MelengkapiInformasi', { sk: 'f.pdf' }], ['MemeriksaInformasi', { lengkap: false }], ['MelengkapiInformasi', { sk: 'g.pdf' }], ['MemeriksaInformasi', { lengkap: true }], ['MengaktifkanAkun', {}]];
  for (const [id, out] of steps) {
    r = await completeUserTask(def, r.engineState, id, out);
    console.log(id, r.status, r.error, r.waiting.map((w) => w.elementId), r.engineState.length);
  }
  console.log(await waitingTasks(def, r.engineState));
  expect(r.status).toBe('completed');
});
