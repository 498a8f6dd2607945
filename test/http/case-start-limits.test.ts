// Starting cases is limited per person in the store (ALUR_LIMIT_CASE_START): a flood of starts from
// one account never fills the queues, and the refused form comes back with what was typed.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { $, addPerson, csrfFrom, login, startTestApp, type TestApp } from '../helpers/app.js';

const START = '/layanan/surat-keterangan/mulai';

describe('Given a public service and a case-start limit of 2 per hour', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ limits: { caseStart: { limit: 2, windowMs: 3_600_000 } } });
    await t.services.definitions.deploy(readFileSync(new URL('fixtures/layanan-surat-keterangan.bpmn', import.meta.url), 'utf8'), null, 'layanan publik');
  });
  afterAll(async () => t?.close());

  test('when an applicant starts a third case within the hour, then it is refused (429, Retry-After) with the values kept, and no third case exists', async () => {
    const who = await addPerson(t.services.store, 'warga', 'applicant');
    const agent = t.agent();
    await login(agent, who);
    const post = async (alamat: string) => agent.post(START).type('form').send({ _csrf: await csrfFrom(agent, START), alamat, lamaTinggal: '3' });
    expect((await post('Jl. Satu 1')).status).toBe(303);
    expect((await post('Jl. Dua 2')).status).toBe(303);
    const refused = await post('Jl. Tiga 3');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const page = $(refused.text);
    expect(page('.error-summary [role=alert]').text()).toContain('Terlalu banyak permohonan');
    expect(page('input[name=alamat]').val()).toBe('Jl. Tiga 3');
    expect(await t.services.store.listCasesByApplicant(who.id)).toHaveLength(2);
  });

  test('when another applicant starts a case, then their own count applies', async () => {
    const other = await addPerson(t.services.store, 'tetangga', 'applicant');
    const agent = t.agent();
    await login(agent, other);
    const res = await agent.post(START).type('form').send({ _csrf: await csrfFrom(agent, START), alamat: 'Jl. Empat 4', lamaTinggal: '1' });
    expect(res.status).toBe(303);
  });
});
