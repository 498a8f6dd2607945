// No English in the Indonesian interface and no Indonesian catalogue text in the English one: every
// page the browser tests reach (applicant, Admin PPE, process owner, visitor) is rendered in both
// languages. Texts written in the model (step names, SOP identity) and people's data stay as they are.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, OWNER, type TestApp } from '../helpers/app.js';
import { caseAtInformation, firstTaskIdOfCase, IDENTITY, take } from '../helpers/ppbj.js';
import { atVerification } from '../tasks/office.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { CATALOGUES } from '../../src/web/i18n.js';

/** English words that leaked into Indonesian pages before (issue 12), and their kin. */
const ENGLISH_LEAKS: RegExp[] = [
  /\bRollback\b/i, /\b(re)?deploy(ed|s)?\b/i, /\bError\b/, /\bWarning\b/, /\bGeneral\b/, /\bP90\b/, /\bn\s*=/, /\bSubmit\b/i,
  /\bCancel\b/i, /\bInbox\b/, /\bOutbox\b/i, /\blandscape\b/i, /\bSettings\b/, /\bDashboard\b/, /\bLoading\b/i, /\bRequired\b/i, /\bPrevious\b/, /\bNext\b/, /\bSuccess\b/,
];

/** Indonesian catalogue texts that differ from their English text: a fragment of 16+ characters between placeholders. */
const INDONESIAN_TEXTS: string[] = [...new Set(Object.keys(CATALOGUES.id).flatMap((key) => {
  const id = CATALOGUES.id[key]!;
  if (CATALOGUES.en[key] === undefined || CATALOGUES.en[key] === id) return [];
  return id.split(/\{\w+\}/).map((s) => s.trim()).filter((s) => s.length >= 16 && /\s/.test(s));
}))];

/** The visible text of a page in `lang`, without passages marked as the other language (lang=…) and scripts. */
function pageText(html: string, lang: 'id' | 'en'): string {
  const doc = $(html);
  doc(`script, style, template, [lang="${lang === 'id' ? 'en' : 'id'}"]`).remove();
  return doc('body').text().replace(/\s+/g, ' ');
}

function leaksIn(text: string, lang: 'id' | 'en'): string[] {
  return lang === 'id'
    ? ENGLISH_LEAKS.flatMap((re) => { const m = re.exec(text); return m ? [`"${m[0]}" in …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`] : []; })
    : INDONESIAN_TEXTS.filter((s) => text.includes(s)).map((s) => `"${s}"`);
}

async function inLanguage(agent: TestAgent, lang: 'id' | 'en'): Promise<void> {
  await agent.get(`/bahasa/${lang}?next=/`);
}

describe('Given a visitor, a PPBJ at step 5, an Admin PPE and the process owner', () => {
  const pages: Array<{ who: string; agent: () => TestAgent; path: string }> = [];
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    const owner = await loggedIn(app, OWNER);
    const admin = await loggedIn(app, ADMIN);
    const { ppbj, caseId, taskId } = await caseAtInformation(() => app.agent(), admin, app.services.store);
    const other = await atVerification(app, { name: 'Rina Kartika', email: 'rina.leaks@kalbarprov.go.id', nip: IDENTITY.nip, nik: IDENTITY.nik });
    const verification = await firstTaskIdOfCase(admin, other.caseId);
    await take(admin, verification); // the Admin PPE holds step 4: its review page and Alihkan
    const key = 'pendaftaran-akun-ppbj';
    const visitor = () => app.agent();
    for (const path of ['/', '/masuk', '/akun/daftar', '/lupa-kata-sandi', '/privasi', `/layanan/${key}`]) pages.push({ who: 'visitor', agent: visitor, path });
    for (const path of ['/tugas', '/layanan', '/verifikasi', `/tugas/${taskId}`, `/kasus/${caseId}`]) pages.push({ who: 'ppbj', agent: () => ppbj, path });
    for (const path of ['/kotak-masuk', '/tugas', `/kasus/${caseId}`, `/tugas/${verification}`, `/tugas/${verification}/alihkan`, '/laporan']) pages.push({ who: 'admin', agent: () => admin, path });
    for (const path of ['/proses', `/proses/${key}`, `/proses/${key}/sop`, `/proses/${key}/studio`, `/proses/${key}/pantau`, `/proses/${key}/pantau/langkah/MelakukanVerifikasi`,
      '/proses/baru', '/laporan', `/laporan/tabel-7?proses=${key}`, '/laporan/kalender', `/laporan/pengaturan?proses=${key}`, `/laporan/kasus/${caseId}`, '/staf', '/kotak-surat', `/kasus/${caseId}`]) {
      pages.push({ who: 'owner', agent: () => owner, path });
    }
  }, 60_000);

  test.each(['id', 'en'] as const)('when every page is rendered in %s, then no text of the other language shows', async (lang) => {
    const found: string[] = [];
    for (const who of new Set(pages.map((p) => p.who))) {
      const mine = pages.filter((p) => p.who === who);
      const agent = mine[0]!.agent();
      await inLanguage(agent, lang);
      for (const { path } of mine) {
        const res = await agent.get(path);
        if (res.status !== 200) { found.push(`${who} ${path}: status ${res.status}`); continue; }
        for (const leak of leaksIn(pageText(res.text, lang), lang)) found.push(`${who} ${path}: ${leak}`);
      }
      await inLanguage(agent, 'id');
    }
    expect(found).toEqual([]);
  }, 60_000);
});
