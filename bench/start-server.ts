// What the start and workers benchmarks share: the build made (or found fresh) outside the clock, a
// built Alur spawned on a data folder and watched until GET /healthz answers 200, its processes'
// CPU time read from /proc (Linux), and a bounded stop.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { buildStatus } from '../src/build/ensure-built.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds dist/ if an input changed (what `npm start` does first); throws if the build fails. */
export function ensureBuilt(): void {
  for (let attempt = 1; ; attempt++) {
    const run = spawnSync(process.execPath, ['src/build/ensure-built.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) throw new Error('the build failed: these benchmarks need a built checkout');
    const status = buildStatus(ROOT);
    if (status.upToDate) return;
    // NOTE: someone edits the checkout meanwhile: build again (a start timed now would build too)
    if (attempt === 3) throw new Error(`the checkout keeps changing during the build (${status.reason})`);
  }
}

/** Our environment without what would change the server (ALUR_*, PORT, NODE_OPTIONS…), plus `extra`. */
export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(ALUR_|MONGODB_URI$|SESSION_SECRET$|PORT$|HOST$|NODE_OPTIONS$|NODE_ENV$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

export interface Spawned {
  child: ChildProcess;
  output: () => string;
}

/** Spawns `command` in its own process group (so that npm's children can be stopped with it). */
export function spawnServer(command: string, args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (d: string) => (out = (out + d).slice(-20_000));
  child.stdout!.setEncoding('utf8').on('data', keep);
  child.stderr!.setEncoding('utf8').on('data', keep);
  return { child, output: () => out };
}

/** Milliseconds from now until GET `url`/healthz answers 200 (polled every `everyMs`), or an error after `timeoutMs`. */
export async function msUntilHealthy(url: string, s: Spawned, t0: number, timeoutMs = 60_000, everyMs = 10): Promise<number> {
  for (;;) {
    if (s.child.exitCode !== null) throw new Error(`the server exited with ${s.child.exitCode}: ${s.output()}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`no /healthz 200 within ${timeoutMs} ms: ${s.output()}`);
    await sleep(everyMs);
  }
}

/** SIGTERM to the process group, SIGKILL after `ms`; resolves when the spawned process has exited. */
export async function stopServer(s: Spawned, ms = 15_000): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  process.kill(-s.child.pid!, 'SIGTERM');
  const killed = sleep(ms).then(() => {
    try {
      process.kill(-s.child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  });
  await Promise.race([exited, killed.then(() => exited)]);
}

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** `pid` and its descendants (Linux /proc). */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // no /proc, or gone
  }
  return [pid, ...children.flatMap(processTree)];
}

/** User + system CPU time (ms) of each pid so far, from /proc/<pid>/stat (threads included). */
export function cpuMs(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS); // utime, stime: fields 14 and 15
    } catch {
      // gone
    }
  }
  return out;
}
