// The retention job: deletes the text of messages past the retention period (they stay as their
// delivery log entries), the text of one-time secrets once they no longer work, and purges expired
// sessions, used or expired codes, finished timers and ended rate-limit windows. It runs as a durable
// timer of the scheduler (kind 'store.retention', one per time slot), so the scheduler's lease lets
// one instance at a time run it, and a run missed while every instance was down happens at the next
// start. Each step works in bounded batches; what is left over waits for the next slot.
import { SECRET_LIFETIME_MS } from '../notifications/secret-messages.js';
import type { Store, TimerRecord } from '../store/ports.js';
import { newTimer } from './timer-ids.js';
import type { TimerContext, TimerHandler, TimerOutcome } from './timer-scheduler.js';

export const RETENTION_KIND = 'store.retention';
const DAY_MS = 86_400_000;

export interface RetentionOptions {
  store: Store;
  /** ALUR_MESSAGE_RETENTION_DAYS: a sent or given-up message keeps its text this long. */
  messageRetentionDays: number;
  /** Time between runs; runs are at whole multiples of it (default 10 minutes). */
  intervalMs?: number;
  /** Rows per store call (default 500) and calls per step and run (default 20). */
  batch?: number;
  maxBatches?: number;
  /** Used codes, expired codes and finished timers stay this long, for a look after the fact (default 1 day). */
  graceMs?: number;
  log?: (line: string) => void;
}

/** What one run removed, per step; `more`: some step still had a full batch when it stopped. */
export interface RetentionCounts {
  messages: number;
  secrets: number;
  sessions: number;
  verifications: number;
  timers: number;
  rateLimits: number;
  more: boolean;
}

export class RetentionJob {
  readonly intervalMs: number;
  private readonly batch: number;
  private readonly maxBatches: number;
  private readonly graceMs: number;

  constructor(private readonly opts: RetentionOptions) {
    this.intervalMs = opts.intervalMs ?? 10 * 60_000;
    this.batch = opts.batch ?? 500;
    this.maxBatches = opts.maxBatches ?? 20;
    this.graceMs = opts.graceMs ?? DAY_MS;
  }

  /** The scheduler's handler of the job's timers (merge into TimerScheduler's handlers). */
  get handlers(): Record<string, TimerHandler> {
    return { [RETENTION_KIND]: (_timer, ctx) => this.fire(ctx) };
  }

  /** The run of the current slot (a start calls it; the id is the slot's, so instances starting together schedule one). */
  async schedule(now: Date): Promise<void> {
    await this.opts.store.scheduleTimers([this.timerOfSlot(now.getTime(), now)]);
  }

  /** One run as of `now`: each step batch after batch, at most maxBatches calls. */
  async run(now: Date): Promise<RetentionCounts> {
    const { store } = this.opts;
    const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const counts: RetentionCounts = { messages: 0, secrets: 0, sessions: 0, verifications: 0, timers: 0, rateLimits: 0, more: false };
    const step = async (key: Exclude<keyof RetentionCounts, 'more'>, call: (limit: number) => Promise<number>) => {
      for (let i = 0; i < this.maxBatches; i++) {
        const n = await call(this.batch);
        counts[key] += n;
        if (n < this.batch) return;
      }
      counts.more = true;
    };
    await step('messages', (limit) => store.compactMessages(at(this.opts.messageRetentionDays * DAY_MS), limit));
    // a secret no longer works once `lifetime` has passed (secretExpired): created before now - lifetime + 1 ms
    for (const [kind, lifetime] of SECRET_LIFETIME_MS) await step('secrets', (limit) => store.compactMessages(at(lifetime - 1), limit, [kind]));
    await step('sessions', (limit) => store.purgeSessions(at(0), limit));
    await step('verifications', (limit) => store.purgeVerifications(at(this.graceMs), limit));
    await step('timers', (limit) => store.purgeTimers(at(this.graceMs), limit));
    await step('rateLimits', (limit) => store.purgeRateLimits(at(0), limit));
    return counts;
  }

  private async fire(ctx: TimerContext): Promise<TimerOutcome> {
    const counts = await this.run(ctx.now);
    const { more, ...removed } = counts;
    const total = Object.values(removed).reduce((a, b) => a + b, 0);
    if (total > 0) {
      const parts = Object.entries(removed).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
      this.opts.log?.(`[alur] retention: ${parts.join(', ')}${more ? ' (more next run)' : ''}`);
    }
    const next = this.timerOfSlot(ctx.now.getTime() + this.intervalMs, ctx.now);
    return (await this.opts.store.completeTimer(ctx.lease, ctx.now.toISOString(), { timers: [next] })) ? 'done' : 'lost';
  }

  /** The run of the slot holding `ms`, due at the slot's start. */
  private timerOfSlot(ms: number, now: Date): TimerRecord {
    const dueAt = new Date(Math.floor(ms / this.intervalMs) * this.intervalMs).toISOString();
    return newTimer({ id: `retention:${dueAt}`, kind: RETENTION_KIND, caseId: null, taskId: null, dueAt, data: {} }, now);
  }
}
