// Starts the real server (`node --import tsx src/server.ts`) as a child process on a free port,
// with its own temp data/upload folders, and waits for GET /healthz. Every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_SESSION_SECRET = 'e2e-session-secret-e2e-session-secret-0000';

export interface ServerOptions {
  sessionSecret?: string; // at least 32 characters
  sqliteFile?: string; // ALUR_SQLITE_FILE; default: alur.sqlite in the data folder
  dataDir?: string; // default: a new temp folder, removed by stop()
  uploadDir?: string; // default: <dataDir>/uploads
  env?: Record<string, string>;
  startupTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  uploadDir: string;
  output: () => { stdout: string; stderr: string };
  stop: () => Promise<void>;
}

const handedOut = new Set<number>(); // never give the same port to two servers of this test process

/** A port the OS considers free right now (listen(0), read it back, close). */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 20; i += 1) {
    const port = await osFreePort();
    if (!handedOut.has(port)) return handedOut.add(port), port;
  }
  throw new Error('no fresh free port after 20 tries');
}

function osFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port from listen(0)'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tail = (s: string, n = 4000) => (s.length > n ? `…${s.slice(-n)}` : s);

/** Environment for the child: ours, without anything of the parent's that would change the server. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(ALUR_|MONGODB_URI$|SESSION_SECRET$|PORT$|HOST$|NODE_OPTIONS$|NODE_ENV$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function kill(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, ms)) return;
  child.kill('SIGKILL');
  if (!(await waitForExit(child, ms))) throw new Error(`server pid ${child.pid} did not exit after SIGKILL`);
}

export async function startServer(opts: ServerOptions = {}): Promise<ServerProcess> {
  const secret = opts.sessionSecret ?? TEST_SESSION_SECRET;
  if (secret.length < 32) throw new Error('sessionSecret must have at least 32 characters');
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'alur-e2e-'));
  const uploadDir = opts.uploadDir ?? join(dataDir, 'uploads');
  const startupTimeoutMs = opts.startupTimeoutMs ?? 30_000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 5_000;
  const deadline = Date.now() + startupTimeoutMs;
  let lastError = '';
  // The port can be taken between listen(0) and the child's listen: retry with a new one.
  for (let attempt = 1; attempt <= 3 && Date.now() < deadline; attempt += 1) {
    const port = await freePort();
    const out = { stdout: '', stderr: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: PROJECT_DIR,
      env: childEnv({
        NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', SESSION_SECRET: secret,
        ALUR_DATA_DIR: dataDir, ALUR_UPLOAD_DIR: uploadDir,
        ...(opts.sqliteFile ? { ALUR_SQLITE_FILE: opts.sqliteFile } : {}),
        ...opts.env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out.stdout = tail(out.stdout + d, 20_000)));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (out.stderr = tail(out.stderr + d, 20_000)));
    const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
    const url = `http://127.0.0.1:${port}`;
    const ready = await waitForHealth(url, child, out, deadline, spawnError);
    if (ready === true) {
      const stop = async () => {
        await kill(child, stopTimeoutMs);
        if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      };
      return { url, port, pid: child.pid!, dataDir, uploadDir, output: () => ({ ...out }), stop };
    }
    await kill(child, stopTimeoutMs).catch(() => undefined);
    lastError = `${ready}\n--- stderr ---\n${tail(out.stderr)}\n--- stdout ---\n${tail(out.stdout, 2000)}`;
    // A taken port: Express 5 hands the listen error to server.ts's callback, which ignores it, logs
    // "listening" and exits 0 (see the report); so an early exit 0 is retried like EADDRINUSE.
    const portTaken = /EADDRINUSE/.test(out.stderr) || child.exitCode === 0;
    if (!portTaken) break;
  }
  if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  throw new Error(`Alur server did not start (${startupTimeoutMs} ms budget): ${lastError}`);
}

/**
 * true once /healthz answers 200 {ok:true}, our child has logged "listening" and is still alive a
 * moment later (so a different process that holds the port cannot pass for it); otherwise why not.
 */
async function waitForHealth(url: string, child: ChildProcess, out: { stdout: string }, deadline: number, spawnError: Promise<Error>): Promise<true | string> {
  let failure: string | null = null;
  void spawnError.then((e) => (failure = `spawn failed: ${e.message}`));
  child.once('exit', (code, signal) => (failure ??= `server exited early with code ${code} signal ${signal}`));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (failure) return failure;
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = (await res.json().catch(() => null)) as { ok?: boolean } | null;
      last = `GET /healthz answered ${res.status}`;
      if (res.status === 200 && body?.ok === true && out.stdout.includes(`listening on ${url}`)) {
        await sleep(150);
        if (child.exitCode === null && child.signalCode === null) return true;
      }
    } catch (err) {
      last = `GET /healthz: ${err instanceof Error ? err.message : String(err)}`;
    }
    await sleep(100);
  }
  return failure ?? `timed out waiting for ${url}/healthz (${last})`;
}
