// Turns a template's text into an outbox message addressed to one recipient.
import { randomUUID } from 'node:crypto';
import type { Channel, OutboxMessage } from '../store/ports.js';
import type { MessageText } from './templates/compose.js';

export interface Recipient {
  userId: string | null;
  to: string; // e-mail address or +628… number
}

export function outboxMessage(kind: string, channel: Channel, who: Recipient, text: MessageText, now: Date, caseId: string | null = null): OutboxMessage {
  const at = now.toISOString();
  return {
    id: randomUUID(), kind, channel, to: who.to, subject: channel === 'email' ? text.subject : null, body: text.body,
    userId: who.userId, caseId, createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at,
    lockedUntil: null, lastError: null, sentAt: null,
  };
}

/** Absolute links in messages (ALUR_PUBLIC_URL + path). */
export class Links {
  constructor(private readonly base: string) {}

  to(path: string): string {
    return `${this.base}${path}`;
  }
}
