// A way to deliver one outbox message on one channel. A transport resolves once the message is
// handed over and rejects on any failure; the sender decides about retries.
import type { Channel, OutboxMessage } from '../../store/ports.js';

export interface Transport {
  /** 'dev-mailbox', 'smtp' or 'whatsapp-webhook' (shown on the mailbox page). */
  readonly kind: string;
  send(message: OutboxMessage): Promise<void>;
}

export type Transports = Record<Channel, Transport>;

/** Rejects when `work` has not settled within `ms` (the lease of a claimed message is longer). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
