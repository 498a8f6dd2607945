import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startProcess, completeUserTask } from './src/workflow/index.js';
const def = { id: 'v1', xml: readFileSync('processes/pendaftaran-akun-ppbj.bpmn', 'utf8') };
const ids = ['MembuatAkun','MengisiIdentitas','MelakukanVerifikasi','MelengkapiInformasi','MemeriksaInformasi','MengaktifkanAkun'];
async function run() { let r = await startProcess(def); for (const id of ids) r = await completeUserTask(def, r.engineState, id, id === 'MemeriksaInformasi' ? { lengkap: true } : { a: 'b' }); return r; }
for (let i = 0; i < 20; i++) await run();
const t0 = performance.now(); const N = 100; for (let i = 0; i < N; i++) await run();
console.log('per call ms', ((performance.now() - t0) / N / 7).toFixed(2));
