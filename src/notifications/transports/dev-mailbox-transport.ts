// Development delivery: the message stays readable on GET /kotak-surat (see mailbox-scope.ts for who
// sees what) and one line goes to the server log, naming the message but never its text, code or link.
// Used for a channel with no SMTP server or webhook configured, never in production (config.ts).
import type { Channel, OutboxMessage } from '../../store/ports.js';
import { describeMessage } from '../log-safe.js';
import type { Transport } from './transport.js';

export function devMailboxTransport(channel: Channel, log: (line: string) => void): Transport {
  const where = `[alur] development mailbox (/kotak-surat, ${channel}):`;
  return {
    kind: 'dev-mailbox',
    async send(m: OutboxMessage): Promise<void> {
      log(`${where} ${describeMessage(m)}`);
    },
  };
}
