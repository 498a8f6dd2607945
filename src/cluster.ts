// The primary process when ALUR_WORKERS > 1: forks the workers (each a whole Alur server, sharing
// the listening port through node:cluster and the store, whose leases keep timers and messages
// single), restarts a worker that crashes (a bounded number of times), and stops them all on a signal.
import cluster, { type Worker } from 'node:cluster';

export interface PrimaryOptions {
  workers: number;
  log: (line: string) => void;
  /** Crashes within `restartWindowMs` after which the primary stops everything (exit 1) instead of restarting. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** After a stop signal, workers still running after this long are killed. */
  stopTimeoutMs?: number;
}

export const DEFAULT_MAX_RESTARTS = 5;
export const DEFAULT_RESTART_WINDOW_MS = 60_000;
export const DEFAULT_STOP_TIMEOUT_MS = 15_000;

/**
 * Runs the workers until a stop signal (resolves 0) or a failure it cannot mend (resolves 1): a
 * worker that exits before it listens (configuration, port, store), or too many crashes.
 * NOTE: the first worker starts alone: it migrates a new store and writes the development session
 * secret before the others open them.
 */
export function runPrimary(opts: PrimaryOptions): Promise<number> {
  const { workers, log } = opts;
  const maxRestarts = opts.maxRestarts ?? DEFAULT_MAX_RESTARTS;
  const windowMs = opts.restartWindowMs ?? DEFAULT_RESTART_WINDOW_MS;
  const listening = new Set<Worker>();
  const crashes: number[] = [];
  let stopping = false;
  let started = false;

  return new Promise<number>((resolve) => {
    const live = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    const stopAll = (reason: string, code: number) => {
      if (stopping) return;
      stopping = true;
      log(`[alur] ${reason}: stopping ${live().length} worker(s)`);
      const kill = setTimeout(() => {
        for (const w of live()) w.process.kill('SIGKILL');
      }, opts.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
      kill.unref();
      const done = () => {
        if (live().length > 0) return;
        clearTimeout(kill);
        resolve(code);
      };
      cluster.on('exit', done);
      for (const w of live()) w.process.kill('SIGTERM');
      done();
    };

    cluster.on('listening', (worker, address) => {
      listening.add(worker);
      if (!started && listening.size === 1) {
        started = true;
        for (let i = 1; i < workers; i++) cluster.fork();
      }
      if (listening.size === workers) log(`[alur] ${workers} workers listening on port ${address.port} (primary pid ${process.pid})`);
    });
    cluster.on('exit', (worker, code, signal) => {
      const wasListening = listening.delete(worker);
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!wasListening) return stopAll(`worker ${worker.id} (pid ${worker.process.pid}) exited with ${how} before it listened`, 1);
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - windowMs) crashes.shift();
      if (crashes.length > maxRestarts) return stopAll(`worker ${worker.id} exited with ${how}; ${crashes.length} crashes within ${windowMs / 1000} s`, 1);
      log(`[alur] worker ${worker.id} (pid ${worker.process.pid}) exited with ${how}: starting another`);
      cluster.fork();
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal, 0));
    log(`[alur] starting ${workers} workers (ALUR_WORKERS)`);
    cluster.fork();
  });
}
