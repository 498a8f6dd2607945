// Development delivery: the message stays readable on GET /kotak-surat (process owners) and one
// line goes to the server log. Used for a channel with no SMTP server or webhook configured.
import type { Channel, OutboxMessage } from '../../store/ports.js';
import type { Transport } from './transport.js';

export function devMailboxTransport(channel: Channel, log: (line: string) => void): Transport {
  return {
    kind: 'dev-mailbox',
    async send(m: OutboxMessage): Promise<void> {
      const text = `${m.subject ? `${m.subject} | ` : ''}${m.body}`.replace(/\s+/g, ' ').trim();
      log(`[alur] mailbox ${channel} to ${m.to} (${m.kind}): ${text}`);
    },
  };
}
