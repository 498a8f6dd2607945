// "Status Permohonan" (/permohonan) lists an applicant's own requests of every process: one request
// opens at once, several are listed newest first, none shows the way to the services.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { $, addPerson, csrfFrom, login, startTestApp, type Person, type TestApp } from '../helpers/app.js';

const START = '/layanan/surat-keterangan/mulai';

describe('Given a public service and applicants', () => {
  let t: TestApp;
  const as = async (who: Person): Promise<TestAgent> => {
    const agent = t.agent();
    await login(agent, who);
    return agent;
  };
  const start = async (agent: TestAgent, alamat: string): Promise<string> => {
    const res = await agent.post(START).type('form').send({ _csrf: await csrfFrom(agent, START), alamat, lamaTinggal: '2' });
    expect(res.status).toBe(303);
    return String(res.headers.location).replace('/kasus/', '').replace('/terkirim', ''); // the applicant's confirmation page
  };
  beforeAll(async () => {
    t = await startTestApp();
    await t.services.definitions.deploy(readFileSync(new URL('fixtures/layanan-surat-keterangan.bpmn', import.meta.url), 'utf8'), null, 'layanan publik');
  });
  afterAll(async () => t?.close());

  test('when an applicant with no request opens Status Permohonan, then the page says so and links to the services (no 404)', async () => {
    const res = await (await as(await addPerson(t.services.store, 'baru', 'applicant'))).get('/permohonan');
    expect(res.status).toBe(200);
    const page = $(res.text);
    expect(page('tr.case-row')).toHaveLength(0);
    expect(page('p.empty').text()).toBe('Anda belum mengajukan permohonan.');
    expect(page('a[href="/layanan"]').length).toBeGreaterThan(0);
  });

  test('when an applicant has two requests, then both are listed newest first with the service and state, and nobody else\'s', async () => {
    const warga = await as(await addPerson(t.services.store, 'warga', 'applicant'));
    const first = await start(warga, 'Jl. Satu 1');
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const second = await start(warga, 'Jl. Dua 2');
    await start(await as(await addPerson(t.services.store, 'tetangga', 'applicant')), 'Jl. Tiga 3');
    const res = await warga.get('/permohonan');
    expect(res.status).toBe(200);
    const page = $(res.text);
    expect(page('tr.case-row').map((_, el) => page(el).attr('data-case')).get()).toEqual([second, first]);
    expect(page(`tr.case-row[data-case="${second}"] .process`).text()).toBe('Surat Keterangan Domisili');
    expect(page(`tr.case-row[data-case="${second}"] .state`).text()).toBe('Sedang diproses');
    expect(page('tr.case-row .case-number').map((_, el) => page(el).text()).get()).toEqual([/SKD-\d{4}-000002/, /SKD-\d{4}-000001/].map((re) => expect.stringMatching(re)));
    expect(page(`a[href="/kasus/${first}"]`)).toHaveLength(1);
  });
});
