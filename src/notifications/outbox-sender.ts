// Background delivery of the outbox. Each tick leases the due messages (claimDueMessages, so
// several app instances never send one message twice while a lease holds), sends them, and marks
// each sent, or failed with a retry time (backoff) until MAX_DELIVERY_ATTEMPTS. Log lines and stored
// errors name a message by id, kind, channel and masked recipient, never its text (log-safe.ts).
// A message that carries a one-time secret keeps only its redacted text once sent or given up
// (secret-messages.ts), written with the mark itself. Except for the development mailbox: there the
// stored text IS the delivery (read on /kotak-surat), and that transport never runs in production
// (createTransports refuses to start without real ones). A message whose secret expired before it
// could be sent (a sender down, retries) is given up unsent, redacted, in every mode.
import { Poller } from '../poller.js';
import { describeMessage, redactError } from './log-safe.js';
import { redactedText, secretExpired } from './secret-messages.js';
import type { OutboxMessage, Store } from '../store/ports.js';
import { MAX_DELIVERY_ATTEMPTS, OUTBOX_BATCH, OUTBOX_LEASE_MS, retryAt } from './policy.js';
import type { Transports } from './transports/transport.js';

export interface OutboxSenderOptions {
  store: Store;
  transports: Transports;
  now?: () => Date;
  intervalMs?: number;
  leaseMs?: number;
  batch?: number;
  log?: (line: string) => void;
}

export interface TickResult {
  sent: number;
  failed: number; // failed this attempt (retried later or given up)
}

export class OutboxSender {
  private readonly poller: Poller;
  private stopped = false;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: OutboxSenderOptions) {
    this.now = opts.now ?? (() => new Date());
    this.log = opts.log ?? (() => undefined);
    this.poller = new Poller(() => this.deliverDue(), opts.intervalMs ?? 2000, this.log, 'outbox');
  }

  /** Polls every intervalMs (default 2 s) on an unref'd timer, so it never keeps the process alive. */
  start(): void {
    this.stopped = false;
    this.poller.start();
  }

  /** Stops polling and waits for a delivery in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.poller.stop();
  }

  /** Delivers every message due now (batch after batch); what the timer runs, and what tests call. */
  async deliverDue(): Promise<TickResult> {
    const total: TickResult = { sent: 0, failed: 0 };
    const batch = this.opts.batch ?? OUTBOX_BATCH;
    for (;;) {
      const claimed = await this.opts.store.claimDueMessages(this.now().toISOString(), batch, this.opts.leaseMs ?? OUTBOX_LEASE_MS);
      const results = await Promise.all(claimed.map((m) => this.deliver(m)));
      total.sent += results.filter(Boolean).length;
      total.failed += results.filter((ok) => !ok).length;
      if (claimed.length < batch || this.stopped) return total;
    }
  }

  /** The last error of a message whose secret expired before delivery (given up unsent). */
  static readonly EXPIRED = 'expired before delivery: the code or link no longer works';

  private async deliver(m: OutboxMessage): Promise<boolean> {
    const transport = this.opts.transports[m.channel];
    if (secretExpired(m, this.now())) {
      await this.opts.store.markMessageFailed(m.id, OutboxSender.EXPIRED, null, redactedText(m) ?? undefined);
      this.log(`[alur] outbox: ${describeMessage(m)} given up unsent, attempt ${m.attempts}: ${OutboxSender.EXPIRED}`);
      return false;
    }
    const redacted = transport.kind === 'dev-mailbox' ? undefined : (redactedText(m) ?? undefined);
    try {
      await transport.send(m);
    } catch (err) {
      const error = redactError(err instanceof Error ? err.message : String(err), m).slice(0, 500);
      const retry = retryAt(this.now(), m.attempts);
      await this.opts.store.markMessageFailed(m.id, error, retry, retry ? undefined : redacted);
      this.log(`[alur] outbox: ${describeMessage(m)} failed, attempt ${m.attempts}/${MAX_DELIVERY_ATTEMPTS}: ${error}; ${retry ? `retry at ${retry}` : 'given up'}`);
      return false;
    }
    await this.opts.store.markMessageSent(m.id, this.now().toISOString(), redacted);
    if (transport.kind !== 'dev-mailbox') this.log(`[alur] outbox: ${describeMessage(m)} sent by ${transport.kind}`);
    return true;
  }
}
