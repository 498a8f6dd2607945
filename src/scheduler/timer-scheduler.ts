// The store-backed timer scheduler: every app instance runs one; each tick claims the due timers
// with a lease (claimDueTimers, atomic in both adapters), runs the handler of each timer's kind,
// and the handler marks it done with the lease token (so a timer's effect is written once, even if
// a lease runs out and another instance takes the timer over). Nothing is armed per timer in memory:
// a timer due while every instance was down fires on the first tick after a start.
import { Poller } from '../poller.js';
import type { Store, TimerLease, TimerRecord } from '../store/ports.js';

/** 'done': the handler marked the timer done; 'lost': its lease was taken over meanwhile; retryAt: not yet (e.g. the case was busy). */
export type TimerOutcome = 'done' | 'lost' | { retryAt: string };
export interface TimerContext {
  lease: TimerLease;
  now: Date;
}
export type TimerHandler = (timer: TimerRecord, ctx: TimerContext) => Promise<TimerOutcome>;

export interface TimerSchedulerOptions {
  store: Store;
  handlers: Record<string, TimerHandler>;
  now?: () => Date;
  intervalMs?: number; // default 1 s
  leaseMs?: number; // default 60 s: far above any handler's run time
  batch?: number;
  maxAttempts?: number; // failed claims before a timer is given up ('failed')
  log?: (line: string) => void;
}

export interface SchedulerTick {
  done: number;
  lost: number;
  retried: number;
  failed: number;
}

export const DEFAULT_LEASE_MS = 60_000;
const RETRY_BASE_MS = 5_000;
const RETRY_MAX_MS = 10 * 60_000;

/** Backoff after a handler error: 5 s, 10 s, 20 s … at most 10 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export class TimerScheduler {
  private readonly poller: Poller;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: TimerSchedulerOptions) {
    this.now = opts.now ?? (() => new Date());
    this.log = opts.log ?? (() => undefined);
    this.poller = new Poller(() => this.runDue(), opts.intervalMs ?? 1000, this.log, 'scheduler');
  }

  /** Polls every intervalMs on an unref'd timer, so it never keeps the process alive. */
  start(): void {
    this.poller.start();
  }

  /** Stops polling and waits for the timers in progress. */
  async stop(): Promise<void> {
    await this.poller.stop();
  }

  /** Fires every timer due now, batch after batch; what the poll runs, and what tests call. */
  async runDue(): Promise<SchedulerTick> {
    const total: SchedulerTick = { done: 0, lost: 0, retried: 0, failed: 0 };
    const batch = this.opts.batch ?? 20;
    for (let rounds = 0; rounds < 1000; rounds++) {
      const claimed = await this.opts.store.claimDueTimers(this.now().toISOString(), batch, this.opts.leaseMs ?? DEFAULT_LEASE_MS);
      for (const outcome of await Promise.all(claimed.map((t) => this.fire(t)))) total[outcome]++;
      if (claimed.length < batch) break;
    }
    return total;
  }

  private async fire(t: TimerRecord): Promise<keyof SchedulerTick> {
    const lease = { id: t.id, token: t.leaseToken as string };
    const now = this.now();
    const handler = this.opts.handlers[t.kind];
    try {
      if (!handler) throw new GiveUp(`no handler for timer kind "${t.kind}"`);
      const outcome = await handler(t, { lease, now });
      if (outcome === 'done' || outcome === 'lost') return outcome;
      return (await this.opts.store.releaseTimer(lease, now.toISOString(), outcome.retryAt, null)) ? 'retried' : 'lost';
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const giveUp = err instanceof GiveUp || t.attempts >= (this.opts.maxAttempts ?? 10);
      const retryAt = giveUp ? null : new Date(now.getTime() + retryDelay(t.attempts)).toISOString();
      this.log(`[alur] timer ${t.id} (${t.kind}) failed, attempt ${t.attempts}: ${error}; ${retryAt ? `retry at ${retryAt}` : 'given up'}`);
      if (!(await this.opts.store.releaseTimer(lease, now.toISOString(), retryAt, error))) return 'lost';
      return giveUp ? 'failed' : 'retried';
    }
  }
}

/** A handler error that no retry can fix. */
export class GiveUp extends Error {}
