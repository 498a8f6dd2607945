// No secret in any log line, in any mode: a message is named by id, kind, channel and a masked
// recipient; its text, code and link never appear, neither when it is delivered to the development
// mailbox nor when a delivery fails with an error that echoes them (the stored error is cleaned too).
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransports } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { maskRecipient, redactError } from '../../src/notifications/log-safe.js';
import { outboxMessage } from '../../src/notifications/messages.js';
import { OutboxSender } from '../../src/notifications/outbox-sender.js';
import type { Transport } from '../../src/notifications/transports/transport.js';
import type { OutboxMessage, Store } from '../../src/store/ports.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const LINK = 'http://127.0.0.1:3000/lupa-kata-sandi/reset/u-admin.Zq3XbW9kLmN0pQrStUvWxYz1234567890abc';
const CODE = '482913';
const now = new Date('2026-03-02T01:00:00.000Z');
const reset = outboxMessage('password-reset', 'email', { userId: 'u-admin', to: 'admin@alur.local' }, { subject: 'Atur ulang kata sandi', body: `Buka tautan berikut: ${LINK}` }, now);
const code = outboxMessage('verify-whatsapp', 'whatsapp', { userId: 'u-budi', to: '+6281234567890' }, { subject: null, body: `Kode verifikasi Alur Anda: ${CODE}.` }, now);

function expectNoSecret(text: string): void {
  for (const secret of [LINK, 'Zq3XbW9kLmN0pQrStUvWxYz1234567890abc', CODE, 'admin@alur.local', '+6281234567890', '6281234567890', 'Buka tautan', 'Kode verifikasi']) {
    expect(text).not.toContain(secret);
  }
}

describe('Given messages that carry a reset link and a WhatsApp code', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alur-logs-'));
    store = createSqliteStore({ file: join(dir, 'alur.sqlite') });
    await store.init();
    await store.enqueueMessages([reset, code]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each(['development', 'test'] as const)('when the development mailbox delivers them (NODE_ENV=%s), then the log names each message without its text, code or link', async (env) => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const { transports } = createTransports(loadConfig({ NODE_ENV: env }), log);
    expect(await new OutboxSender({ store, transports, now: () => now, log }).deliverDue()).toEqual({ sent: 2, failed: 0 });
    expect(lines).toHaveLength(2);
    expectNoSecret(lines.join('\n'));
    expect(lines.join('\n')).toContain(`email message ${reset.id} (password-reset) to a***@alur.local`);
    expect(lines.join('\n')).toContain(`whatsapp message ${code.id} (verify-whatsapp) to +62********890`);
  });

  test('when a delivery fails with an error that echoes the recipient, link and code, then neither the log nor the stored error holds them', async () => {
    const echo: Transport = {
      kind: 'echo',
      async send(m: OutboxMessage) {
        throw new Error(`550 rejected <${m.to}>: ${m.body}`);
      },
    };
    const lines: string[] = [];
    await new OutboxSender({ store, transports: { email: echo, whatsapp: echo }, now: () => now, log: (l) => lines.push(l) }).deliverDue();
    expect(lines).toHaveLength(2);
    expectNoSecret(lines.join('\n'));
    expect(lines.join('\n')).toContain('(password-reset) to a***@alur.local failed, attempt 1/8: 550 rejected <a***@alur.local>: [message text]; retry at');
    const stored = await store.listMessages({ limit: 10 });
    expect(stored.map((m) => m.status)).toEqual(['pending', 'pending']);
    expectNoSecret(stored.map((m) => m.lastError).join('\n'));
  });
});

describe('Given the masking rules', () => {
  test('when a recipient or an error is written to the log, then addresses are masked and links, tokens and codes removed', () => {
    expect([maskRecipient('budi@kalbarprov.go.id'), maskRecipient('+6281234567890'), maskRecipient('12345')]).toEqual(['b***@kalbarprov.go.id', '+62********890', '*****']);
    expect(redactError(`connect ECONNREFUSED 127.0.0.1:465 for budi@kalbarprov.go.id, code ${CODE}, ${LINK}`))
      .toBe('connect ECONNREFUSED 127.0.0.1:465 for b***@kalbarprov.go.id, code [redacted], [redacted]');
    expect(redactError('token u-1.Zq3XbW9kLmN0pQrStUvWxYz12 to 6281234567890')).toBe('token u-1.[redacted] to 628*******890');
  });
});
