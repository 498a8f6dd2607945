// Profiling aid, not a target: `n` step-3 completions over HTTP as in task-completion.ts, with the
// V8 CPU profiler running only around the timed POSTs (sign-up, login and CSRF set-up excluded).
// node --import tsx bench/profile-completion.ts [n=300] [out.cpuprofile]   (open it in Chrome DevTools)
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { csrfFrom, login } from '../test/helpers/app.js';
import { IDENTITY } from '../test/helpers/ppbj.js';
import { applicantAtStep3 } from './lib/applicant.js';
import { BENCH_ID, startBenchApp } from './lib/bench-app.js';
import { mean, percentile, round } from './lib/stats.js';

const n = Number(process.argv[2] ?? 300);
const out = process.argv[3];
const app = await startBenchApp();
try {
  const cases = [];
  for (let i = 0; i < n; i++) {
    const { data, taskId } = await applicantAtStep3(app.services);
    const agent = app.agent();
    await login(agent, data);
    cases.push({ agent, taskId, email: data.email, csrf: await csrfFrom(agent, '/tugas') });
  }
  const profiler = new Session();
  profiler.connect();
  if (out) {
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
  }
  const server: number[] = [];
  const t0 = performance.now();
  for (const [i, c] of cases.entries()) {
    const id = `profile-${i}`;
    const res = await c.agent.post(`/tugas/${c.taskId}`).set(BENCH_ID, id).type('form').send({ _csrf: c.csrf, ...IDENTITY, email: c.email }); // the account's verified address
    if (res.status !== 303) throw new Error(`POST /tugas/${c.taskId} answered ${res.status}`);
    server.push(await app.serverMs(id));
  }
  const ms = performance.now() - t0;
  if (out) writeFileSync(out, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  console.log(`${n} POSTs in ${round(ms / 1000, 2)} s: ${round((n / ms) * 1000, 1)} req/s; server time mean ${round(mean(server))} ms, ` +
    `p50 ${round(percentile(server, 50))} ms${out ? `; profile in ${out}` : ''}`);
} finally {
  await app.close();
}
process.exit(0);
