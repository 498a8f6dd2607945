// The delivery transports and their selection from the configuration: the WhatsApp webhook (JSON,
// bearer token, non-2xx = failure), SMTP through nodemailer (against a tiny local SMTP server),
// and the development mailbox (one log line without the text); production refuses the mailbox.
import { afterEach, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTransports } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { outboxMessage } from '../../src/notifications/messages.js';
import { devMailboxTransport } from '../../src/notifications/transports/dev-mailbox-transport.js';
import { smtpTransport } from '../../src/notifications/transports/smtp-transport.js';
import { whatsappWebhookTransport } from '../../src/notifications/transports/whatsapp-webhook-transport.js';

const wa = outboxMessage('verify-whatsapp', 'whatsapp', { userId: 'u1', to: '+6281234567890' }, { subject: null, body: 'Kode verifikasi Alur Anda: 123456.' }, new Date());
const mail = outboxMessage('verify-email', 'email', { userId: 'u1', to: 'budi@kalbarprov.go.id' }, { subject: 'Verifikasi email', body: 'Buka tautan berikut:\nhttp://x/y' }, new Date());

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function listen(server: http.Server | net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

/** A minimal SMTP server: records each message; `rejectRcpt` answers 550 to RCPT TO. */
async function fakeSmtp(rejectRcpt = false) {
  const received: Array<{ from: string; to: string[]; data: string }> = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            socket.write('250 OK queued\r\n');
          } else current.data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 fake\r\n');
        else if (/^MAIL FROM:/i.test(line)) (current.from = line.slice(10)), socket.write('250 OK\r\n');
        else if (/^RCPT TO:/i.test(line)) socket.write(rejectRcpt ? '550 no such user\r\n' : (current.to.push(line.slice(8)), '250 OK\r\n'));
        else if (/^DATA/i.test(line)) (inData = true), socket.write('354 go ahead\r\n');
        else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  const port = await listen(server);
  return { port, received };
}

describe('Given the WhatsApp webhook transport', () => {
  test('when the gateway answers 2xx, then the message went as JSON {to, body} with the bearer token', async () => {
    const seen: Array<{ auth?: string; type?: string; body: unknown }> = [];
    const port = await listen(http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, type: req.headers['content-type'], body: JSON.parse(raw) });
        res.writeHead(202).end();
      });
    }));
    await whatsappWebhookTransport({ url: `http://127.0.0.1:${port}/kirim`, token: 'rahasia' }).send(wa);
    expect(seen).toEqual([{ auth: 'Bearer rahasia', type: 'application/json', body: { to: '+6281234567890', body: 'Kode verifikasi Alur Anda: 123456.' } }]);
  });

  test('when the gateway answers non-2xx echoing the request, then sending fails with the status only, not the echoed code', async () => {
    const port = await listen(http.createServer((req, res) => req.pipe(res.writeHead(503))));
    const failure = whatsappWebhookTransport({ url: `http://127.0.0.1:${port}/`, token: null }).send(wa);
    await expect(failure).rejects.toThrow('WhatsApp webhook answered 503 Service Unavailable');
    await expect(failure).rejects.not.toThrow('123456');
  });
});

describe('Given the SMTP transport (nodemailer)', () => {
  test('when the server accepts, then the e-mail arrives with sender, recipient, subject and text', async () => {
    const smtp = await fakeSmtp();
    await smtpTransport({ url: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, from: 'Alur <no-reply@alur.local>' }).send(mail);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.from).toContain('no-reply@alur.local');
    expect(smtp.received[0]!.to.join()).toContain('budi@kalbarprov.go.id');
    expect(smtp.received[0]!.data).toContain('Subject: Verifikasi email');
    expect(smtp.received[0]!.data).toContain('http://x/y');
  });

  test('when the server refuses the recipient, then sending fails', async () => {
    const smtp = await fakeSmtp(true);
    await expect(smtpTransport({ url: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, from: 'alur@alur.local' }).send(mail)).rejects.toThrow();
  });
});

describe('Given the configuration', () => {
  test('when nothing is configured, then both channels go to the development mailbox, which logs one line per message without its text', async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config).toMatchObject({ publicUrl: 'http://127.0.0.1:3000', mail: { smtpUrl: null, from: 'Alur <no-reply@alur.local>' }, whatsapp: { webhookUrl: null, token: null }, outboxIntervalMs: 2000 });
    const lines: string[] = [];
    const { transports, devChannels } = createTransports(config, (l) => lines.push(l));
    expect(devChannels).toEqual(['email', 'whatsapp']);
    await transports.whatsapp.send(wa);
    await devMailboxTransport('email', (l) => lines.push(l)).send(mail);
    expect(lines).toEqual([
      `[alur] development mailbox (/kotak-surat, whatsapp): whatsapp message ${wa.id} (verify-whatsapp) to +62********890`,
      `[alur] development mailbox (/kotak-surat, email): email message ${mail.id} (verify-email) to b***@kalbarprov.go.id`,
    ]);
  });

  test('when SMTP and the webhook are configured, then they are used and nothing goes to the mailbox', () => {
    const config = loadConfig({
      NODE_ENV: 'test', ALUR_PUBLIC_URL: 'https://alur.kalbarprov.go.id/', ALUR_SMTP_URL: 'smtps://u:p@mail.kalbarprov.go.id:465',
      ALUR_MAIL_FROM: 'Biro PBJ <pbj@kalbarprov.go.id>', ALUR_WHATSAPP_WEBHOOK_URL: 'https://wa.example.go.id/send', ALUR_WHATSAPP_WEBHOOK_TOKEN: 't', ALUR_OUTBOX_INTERVAL_MS: '5000',
    });
    expect(config.publicUrl).toBe('https://alur.kalbarprov.go.id');
    expect(config.outboxIntervalMs).toBe(5000);
    const { transports, devChannels } = createTransports(config, () => undefined);
    expect(devChannels).toEqual([]);
    expect([transports.email.kind, transports.whatsapp.kind]).toEqual(['smtp', 'whatsapp-webhook']);
    expect(() => loadConfig({ ALUR_SMTP_URL: 'bukan url' })).toThrow('ALUR_SMTP_URL');
  });
});
