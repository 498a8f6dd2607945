// E-mail through an SMTP server (nodemailer), e.g. ALUR_SMTP_URL=smtps://user:pass@mail.example.go.id:465.
import nodemailer from 'nodemailer';
import type { OutboxMessage } from '../../store/ports.js';
import { SEND_TIMEOUT_MS } from '../policy.js';
import { withTimeout, type Transport } from './transport.js';

export function smtpTransport(opts: { url: string; from: string }): Transport {
  const mailer = nodemailer.createTransport({
    url: opts.url,
    connectionTimeout: SEND_TIMEOUT_MS / 3,
    greetingTimeout: SEND_TIMEOUT_MS / 3,
    socketTimeout: SEND_TIMEOUT_MS / 2,
  });
  return {
    kind: 'smtp',
    async send(m: OutboxMessage): Promise<void> {
      await withTimeout(mailer.sendMail({ from: opts.from, to: m.to, subject: m.subject ?? 'Alur', text: m.body }), SEND_TIMEOUT_MS, 'SMTP');
    },
  };
}
