// One-time secrets (verification links and codes, password-reset and staff set-password links) do not
// stay in the outbox after delivery: once sent through a real transport, or given up, the stored text
// has "[disembunyikan]" where the link or code was. The development mailbox keeps the full text (its
// page is where the link is read; it never runs in production).
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outboxMessage } from '../../src/notifications/messages.js';
import { linkToken, newLinkSecret, newNumericCode } from '../../src/notifications/one-time-codes.js';
import { OutboxSender } from '../../src/notifications/outbox-sender.js';
import { MAX_DELIVERY_ATTEMPTS, retryAt } from '../../src/notifications/policy.js';
import { REDACTED, redactedText, SECRET_KINDS, secretExpired } from '../../src/notifications/secret-messages.js';
import { passwordReset } from '../../src/notifications/templates/password-reset.js';
import { taskCreated } from '../../src/notifications/templates/task-created.js';
import { verifyEmail } from '../../src/notifications/templates/verify-email.js';
import { verifyWhatsapp } from '../../src/notifications/templates/verify-whatsapp.js';
import type { MessageText } from '../../src/notifications/templates/compose.js';
import { devMailboxTransport } from '../../src/notifications/transports/dev-mailbox-transport.js';
import type { Transport } from '../../src/notifications/transports/transport.js';
import { staffInvitation, staffPasswordReset } from '../../src/staff/staff-messages.js';
import { contactChangeWhatsapp } from '../../src/notifications/templates/contact-change.js';
import type { Channel, OutboxMessage, Store } from '../../src/store/ports.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const BASE = 'https://alur.kalbarprov.go.id';
const expiresAt = '2026-03-03T01:00:00.000Z';

/** Each secret-carrying message as its service writes it, with the secret it carries. */
function secretMessages(): Array<{ kind: string; channel: Channel; text: MessageText; secret: string }> {
  const token = () => linkToken('user-1', newLinkSecret());
  const [t1, t2, t3, t4, t5, code] = [token(), token(), token(), token(), token(), newNumericCode()];
  return [
    { kind: 'verify-email', channel: 'email', secret: t1, text: verifyEmail({ name: 'Budi', link: `${BASE}/verifikasi/email/${t1}`, expiresAt }) },
    { kind: 'verify-whatsapp', channel: 'whatsapp', secret: code, text: verifyWhatsapp({ code, minutes: 10 }) },
    { kind: 'password-reset', channel: 'email', secret: t2, text: passwordReset({ name: 'Budi', link: `${BASE}/atur-ulang-kata-sandi/${t2}`, expiresAt }) },
    {
      kind: 'staff-invitation', channel: 'email', secret: t3,
      text: staffInvitation({ name: 'Dewi', roleId: 'Admin PPE', roleEn: 'Admin PPE', invitedBy: 'Pemilik', link: `${BASE}/atur-ulang-kata-sandi/${t3}`, expiresAt }),
    },
    { kind: 'staff-password-reset', channel: 'email', secret: t4, text: staffPasswordReset({ name: 'Dewi', link: `${BASE}/atur-ulang-kata-sandi/${t4}`, expiresAt }) },
    { kind: 'verify-contact-change', channel: 'whatsapp', secret: t5, text: contactChangeWhatsapp({ link: `${BASE}/verifikasi/kontak/whatsapp/${t5}?ke=%2B6281299998888` }) },
  ];
}

/** A real transport's stand-in: records what it was handed; fails while `failures` > 0. */
function fakeTransport(kind: string, failures = 0): Transport & { sent: OutboxMessage[] } {
  const t = {
    kind, sent: [] as OutboxMessage[],
    async send(m: OutboxMessage) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('550 mailbox unavailable');
      }
      t.sent.push(m);
    },
  };
  return t;
}

describe('Given an outbox on a SQLite store with one message of each secret-carrying kind', () => {
  let dir: string;
  let store: Store;
  let clock: { now: Date };
  let messages: Array<OutboxMessage & { secret: string }>;
  const now = () => clock.now;
  const stored = async (id: string) => (await store.listMessages({ limit: 1000 })).find((m) => m.id === id)!;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alur-redact-'));
    store = createSqliteStore({ file: join(dir, 'alur.sqlite') });
    await store.init();
    clock = { now: new Date('2026-03-02T01:00:00.000Z') };
    messages = secretMessages().map(({ kind, channel, text, secret }) => ({
      ...outboxMessage(kind, channel, { userId: null, to: channel === 'email' ? 'budi@kalbarprov.go.id' : '+6281234567890' }, text, clock.now), secret,
    }));
    await store.enqueueMessages(messages.map(({ secret: _secret, ...m }) => m));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the list of secret kinds names every one of them', () => {
    expect([...SECRET_KINDS].sort()).toEqual(messages.map((m) => m.kind).sort());
  });

  test('when they are sent through a real transport, then the recipient gets the secret and the stored text has "[disembunyikan]" instead', async () => {
    const transport = fakeTransport('smtp');
    const sender = new OutboxSender({ store, transports: { email: transport, whatsapp: transport }, now });
    expect(await sender.deliverDue()).toEqual({ sent: messages.length, failed: 0 });
    for (const m of messages) {
      expect(transport.sent.find((x) => x.id === m.id)!.body).toContain(m.secret);
      const kept = await stored(m.id);
      expect(kept.status).toBe('sent');
      expect(`${kept.subject ?? ''}\n${kept.body}`).not.toContain(m.secret);
      expect(kept.body).toContain(REDACTED);
      expect(kept.body).not.toMatch(/https?:\/\//);
      expect(kept.body).toContain('— English —'); // the rest of the text stays readable
      expect(kept.subject).toBe(m.subject);
    }
  });

  test('when they are delivered to the development mailbox, then the stored text keeps the link or code (the mailbox page is where it is read)', async () => {
    const transports = { email: devMailboxTransport('email', () => undefined), whatsapp: devMailboxTransport('whatsapp', () => undefined) };
    await new OutboxSender({ store, transports, now }).deliverDue();
    for (const m of messages) expect(await stored(m.id)).toMatchObject({ status: 'sent', body: m.body, subject: m.subject });
  });

  test('when delivery fails, then the text is kept for the retry; when it is given up, or its secret expires first, then the secret is removed', async () => {
    const transport = fakeTransport('whatsapp-webhook', MAX_DELIVERY_ATTEMPTS * messages.length);
    const sender = new OutboxSender({ store, transports: { email: transport, whatsapp: transport }, now });
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      await sender.deliverDue();
      for (const m of messages) {
        const kept = await stored(m.id);
        if (secretExpired(m, clock.now)) expect(kept).toMatchObject({ status: 'failed', lastError: OutboxSender.EXPIRED }); // given up unsent
        else if (attempt < MAX_DELIVERY_ATTEMPTS) expect(kept).toMatchObject({ status: 'pending', body: m.body });
        else expect(kept.status).toBe('failed');
      }
      const next = retryAt(clock.now, attempt);
      if (next) clock.now = new Date(next);
    }
    // the WhatsApp code (10 minutes) and the reset link (1 hour) expired during the retries
    expect((await stored(messages.find((m) => m.kind === 'verify-whatsapp')!.id)).lastError).toBe(OutboxSender.EXPIRED);
    for (const m of messages) {
      const kept = await stored(m.id);
      expect(kept.body).not.toContain(m.secret);
      expect(kept.body).toContain(REDACTED);
    }
  });

  test('when a message without a secret is sent, then its text is kept as it was', async () => {
    const text = taskCreated({ name: 'Dewi', step: 'Verifikasi', stepNo: 4, applicantName: 'Budi Santoso', link: `${BASE}/tugas/t-1`, dueAt: expiresAt });
    const m = outboxMessage('task-created', 'email', { userId: null, to: 'dewi@alur.local' }, text, clock.now);
    await store.enqueueMessages([m]);
    expect(redactedText(m)).toBeNull();
    await new OutboxSender({ store, transports: { email: fakeTransport('smtp'), whatsapp: fakeTransport('smtp') }, now }).deliverDue();
    expect(await stored(m.id)).toMatchObject({ status: 'sent', body: m.body, subject: m.subject });
  });
});
