// Target 1: completing a task over HTTP (session, CSRF, validation, engine, persistence, audit)
// runs at ≥ 0.6 × the rate of the bare engine's recover → resume → signal → getState loop.
// Cases are prepared at step 3 (sign-up and contact verification through the services, HTTP
// login, one CSRF token per agent) outside the clock; only the POST /tugas/:id requests are timed.
// Within a round, blocks of 25 bare-engine operations and 25 POSTs alternate, so load on the
// shared machine hits both alike; the medians of 3 rounds are compared. The timed POSTs go over
// node:http on a keep-alive connection (lib/lean-post.ts), not through supertest.
import { performance } from 'node:perf_hooks';
import { csrfFrom, login } from '../test/helpers/app.js';
import { IDENTITY } from '../test/helpers/ppbj.js';
import { applicantAtStep3 } from './lib/applicant.js';
import { BENCH_ID, startBenchApp, type BenchApp } from './lib/bench-app.js';
import { bareEngineLoop } from './lib/bare-engine.js';
import { closeLeanConnections, cookieOf, postForm } from './lib/lean-post.js';
import { target, type BenchOptions, type BenchOutcome } from './lib/result.js';
import { log, mean, median, percentile, round } from './lib/stats.js';

const MIN_RATIO = 0.6;
const BLOCK = 25;

interface PreparedCase {
  cookie: string;
  taskId: string;
  csrf: string;
  email: string;
}

async function prepareCases(app: BenchApp, n: number): Promise<PreparedCase[]> {
  const out: PreparedCase[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const { data, taskId } = await applicantAtStep3(app.services);
    const agent = app.agent();
    await login(agent, data);
    const csrf = await csrfFrom(agent, '/tugas');
    out.push({ cookie: cookieOf(agent), taskId, email: data.email, csrf });
  }
  log(`    ${n} cases prepared at step 3 (sign-up, contacts verified, login, CSRF token) in ${round((performance.now() - t0) / 1000, 1)} s`);
  return out;
}

let seq = 0;
async function completeOverHttp(app: BenchApp, cases: PreparedCase[]): Promise<{ ms: number; serverMs: number[] }> {
  const serverMs: number[] = [];
  const t0 = performance.now();
  for (const c of cases) {
    const id = `post-${++seq}`;
    const res = await postForm(`${app.url}/tugas/${c.taskId}`, { _csrf: c.csrf, ...IDENTITY, email: c.email }, { cookie: c.cookie, [BENCH_ID]: id }); // the account's verified address
    if (res.status !== 303 || !res.location.startsWith('/kasus/')) throw new Error(`POST /tugas/${c.taskId} answered ${res.status} (${res.location})`);
    serverMs.push(await app.serverMs(id));
  }
  return { ms: performance.now() - t0, serverMs };
}

const rate = (n: number, ms: number): number => (n / ms) * 1000;

export async function benchTaskCompletion(opts: BenchOptions): Promise<BenchOutcome> {
  const started = performance.now();
  const n = opts.quick ? 30 : 400;
  const warm = opts.quick ? 10 : 50;
  const rounds = 3;
  const safe = await bareEngineLoop('safe');
  const plain = await bareEngineLoop('default');
  const app = await startBenchApp();
  try {
    log(`  warm-up (${warm} ops each)`);
    await safe.run(warm);
    await plain.run(warm);
    await completeOverHttp(app, await prepareCases(app, warm));

    const safeRates: number[] = [];
    const plainRates: number[] = [];
    const httpRates: number[] = [];
    const server: number[] = [];
    for (let r = 1; r <= rounds; r++) {
      const cases = await prepareCases(app, n);
      // Interleave blocks of the three loops, so a change in machine load hits all of them alike.
      const ms = { safe: 0, plain: 0, http: 0 };
      for (let from = 0; from < n; from += BLOCK) {
        const block = cases.slice(from, from + BLOCK);
        ms.safe += await safe.run(block.length);
        ms.plain += await plain.run(block.length);
        const http = await completeOverHttp(app, block);
        ms.http += http.ms;
        server.push(...http.serverMs);
      }
      safeRates.push(rate(n, ms.safe));
      plainRates.push(rate(n, ms.plain));
      httpRates.push(rate(n, ms.http));
      log(`  round ${r}/${rounds}: bare engine ${round(safeRates.at(-1)!, 1)} ops/s (default options ${round(plainRates.at(-1)!, 1)}), ` +
        `HTTP ${round(httpRates.at(-1)!, 1)} req/s`);
    }
    const baseline = median(safeRates);
    const measured = median(httpRates);
    const ratio = measured / baseline;
    const perRound = httpRates.map((h, i) => round(h / safeRates[i]!, 3));
    log(`  bare engine (app's safe options) ${round(baseline, 1)} ops/s; HTTP ${round(measured, 1)} req/s; ratio ${round(ratio, 3)} (target ≥ ${MIN_RATIO}; per round ${perRound.join(', ')})`);
    log(`  bare engine (default options, state with diagram) ${round(median(plainRates), 1)} ops/s; ratio ${round(measured / median(plainRates), 3)} (info)`);
    const serverRate = 1000 / mean(server);
    log(`  server time per POST: p50 ${round(percentile(server, 50))} ms, p95 ${round(percentile(server, 95))} ms, mean ${round(mean(server))} ms ` +
      `(server-only rate ${round(serverRate, 1)} req/s, ratio ${round(serverRate / baseline, 3)}, info: excludes the in-process client)`);
    return {
      bench: 'completion',
      seconds: round((performance.now() - started) / 1000, 1),
      targets: [target('completion.ratio', 'HTTP task completion rate / bare engine rate (median of 3 rounds)', round(ratio, 3), '>=', MIN_RATIO)],
      details: {
        iterationsPerRound: n, interleavedBlock: BLOCK, warmUp: warm, rounds,
        bareEngineSafe: { opsPerSec: safeRates.map((v) => round(v, 1)), median: round(baseline, 1), stateJsonBytes: safe.stateBytes },
        bareEngineDefault: { opsPerSec: plainRates.map((v) => round(v, 1)), median: round(median(plainRates), 1), stateJsonBytes: plain.stateBytes, ratio: round(measured / median(plainRates), 3) },
        http: { reqPerSec: httpRates.map((v) => round(v, 1)), median: round(measured, 1) },
        ratioPerRound: perRound,
        serverMsPerPost: { p50: round(percentile(server, 50)), p95: round(percentile(server, 95)), p99: round(percentile(server, 99)), mean: round(mean(server)) },
        serverOnly: { reqPerSec: round(serverRate, 1), ratio: round(serverRate / baseline, 3) },
      },
    };
  } finally {
    closeLeanConnections();
    await app.close();
  }
}
