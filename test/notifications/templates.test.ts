// Message templates: Bahasa Indonesia first with the English text below, plain text, and the facts
// each message must carry (link, code, reasons, systems).
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { accountActivatedEmail, accountActivatedWhatsapp } from '../../src/notifications/templates/account-activated.js';
import { caseReturnedEmail, caseReturnedWhatsapp } from '../../src/notifications/templates/case-returned.js';
import { passwordReset } from '../../src/notifications/templates/password-reset.js';
import { taskCreated } from '../../src/notifications/templates/task-created.js';
import { verifyEmail } from '../../src/notifications/templates/verify-email.js';
import { verifyWhatsapp } from '../../src/notifications/templates/verify-whatsapp.js';
import { CODE_TTL_MS, MAX_WRONG_GUESSES, RESEND_LIMIT, RESEND_WINDOW_MS } from '../../src/notifications/policy.js';
import { translate } from '../../src/web/i18n.js';

const at = '2026-03-02T07:30:00.000Z'; // 14.30 WIB

describe('Given the message templates', () => {
  const all = [
    verifyEmail({ name: 'Budi', link: 'https://alur/verifikasi/email/t', expiresAt: at }),
    verifyWhatsapp({ code: '042917', minutes: 10 }),
    passwordReset({ name: 'Budi', link: 'https://alur/atur-ulang-kata-sandi/t', expiresAt: at }),
    taskCreated({ name: 'Admin PPE', step: 'Melakukan Verifikasi', stepNo: 4, applicantName: 'Budi', dueAt: at, link: 'https://alur/kotak-masuk' }),
    caseReturnedEmail({ name: 'Budi', reasons: 'SK tidak terbaca.', link: 'https://alur/tugas' }),
    caseReturnedWhatsapp({ reasons: 'SK tidak terbaca.', link: 'https://alur/tugas' }),
    accountActivatedEmail({ name: 'Budi', systems: ['SiRUP', 'SPSE'], link: 'https://alur/kasus/1' }),
    accountActivatedWhatsapp({ systems: ['SiRUP'], link: 'https://alur/kasus/1' }),
  ];

  test('when any message is rendered, then it is plain text in Bahasa Indonesia followed by an English block', () => {
    for (const m of all) {
      const [id, en] = m.body.split('— English —');
      expect(id!.length).toBeGreaterThan(10);
      expect(en!.length).toBeGreaterThan(10);
      expect(m.body).not.toMatch(/<[a-z]/i);
    }
  });

  test('when facts are given, then each message carries them (dates in WIB in both languages)', () => {
    expect(all[0]!.body).toContain('https://alur/verifikasi/email/t');
    expect(all[0]!.body).toContain('2 Maret 2026 14.30 WIB');
    expect(all[0]!.body).toContain('2 March 2026 14:30 WIB');
    expect(all[1]!.body).toContain('042917');
    expect(all[1]!.subject).toBeNull();
    expect(all[3]!.subject).toContain('Melakukan Verifikasi');
    expect(all[3]!.body).toContain('4. Melakukan Verifikasi');
    expect(all[4]!.body.split('SK tidak terbaca.')).toHaveLength(3); // reasons in both languages
    expect(all[6]!.body).toContain('SiRUP, SPSE');
  });

  test('when a case is returned or an account activated, then the wording is generic and names the process', () => {
    const processName = 'Pengajuan Izin';
    const returned = caseReturnedEmail({ name: 'Budi', reasons: 'Berkas tidak terbaca.', link: 'https://alur/tugas', processName });
    const activated = accountActivatedEmail({ name: 'Budi', systems: [], link: 'https://alur/kasus/1', processName });
    const activatedWa = accountActivatedWhatsapp({ systems: [], link: 'https://alur/kasus/1', processName });
    expect(returned.subject).toContain('Permohonan Anda dikembalikan');
    expect(returned.body).toContain(`permohonan Anda (${processName})`);
    expect(activated.subject).toContain('Akun Anda telah diaktifkan');
    expect(activated.body).toContain(`Layanan: ${processName}`);
    expect(activatedWa.body).toContain(processName);
    for (const m of [returned, activated, activatedWa]) expect(`${m.subject ?? ''} ${m.body}`).not.toMatch(/PPBJ|Admin PPE|Pengadaan/);
  });

  test('when the notification services are read, then no message text is written inside them', () => {
    const dir = new URL('../../src/notifications/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(new URL(file, dir), 'utf8');
      expect({ file, text: /Yth\.|Dear |Kode verifikasi/.test(src) }).toEqual({ file, text: false });
    }
  });

  test('when the pages quote the limits, then they are the ones policy.ts enforces, in both languages', () => {
    const [h, m] = [CODE_TTL_MS.email / 3_600_000, CODE_TTL_MS.whatsapp / 60_000];
    expect(translate('id', 'verify.email.howto')).toContain(`${h} jam`);
    expect(translate('en', 'verify.email.howto')).toContain(`${h} hours`);
    expect(translate('id', 'verify.whatsapp.howto')).toContain(`${m} menit`);
    expect(translate('en', 'verify.whatsapp.howto')).toContain(`${m} minutes`);
    expect(translate('id', 'verify.limits')).toContain(`${RESEND_LIMIT} kali per ${RESEND_WINDOW_MS / 60_000} menit`);
    expect(translate('en', 'verify.limits')).toContain(`${RESEND_LIMIT} times per ${RESEND_WINDOW_MS / 60_000} minutes`);
    expect(translate('id', 'verify.limits')).toContain(`${MAX_WRONG_GUESSES} kali`);
    expect(translate('id', 'auth.lupa.sent')).toContain(`${CODE_TTL_MS['password-reset'] / 3_600_000} jam`);
  });
});
