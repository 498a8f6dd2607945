// Process view: open and overdue tasks per step (what the diagram overlays show), and the list of
// cases at a step with links to their case pages.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, ADMIN, login, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { caseAtInformation, signUp } from '../helpers/ppbj.js';

interface Count { elementId: string; open: number; overdue: number }

describe('Given two cases at step 3, one at step 5, then 20 minutes later one more at step 3', () => {
  let t: TestApp;
  let owner: TestAgent;
  let atStep5: string;
  let late: string[];
  useTestApp(async (app) => {
    t = app;
    const admin = app.agent();
    owner = await loggedIn(app, OWNER);
    await login(admin, ADMIN);
    await signUp(app.agent());
    await signUp(app.agent());
    atStep5 = (await caseAtInformation(() => app.agent(), admin, t.services.store)).caseId;
    late = (await t.services.store.listTasks({ elementId: 'MengisiIdentitas', status: 'open' })).map((x) => x.caseId);
    t.clock.now = new Date(t.clock.now.getTime() + 20 * 60_000); // every time standard here is 15 minutes
    await signUp(app.agent());
  });

  test('when the owner asks for the overlay data, then every step has its open and overdue counts', async () => {
    const res = await owner.get('/proses/pendaftaran-akun-ppbj/pantau/data.json');
    expect(res.status).toBe(200);
    const counts = Object.fromEntries((res.body.steps as Count[]).map((s) => [s.elementId, [s.open, s.overdue]]));
    expect(counts).toEqual({
      MembuatAkun: [0, 0], MengisiIdentitas: [3, 2], MelakukanVerifikasi: [0, 0],
      MelengkapiInformasi: [1, 1], MemeriksaInformasi: [0, 0], MengaktifkanAkun: [0, 0],
    });
    expect(res.body.xml).toContain('<bpmn:process id="pendaftaran-akun-ppbj"');
  });

  test('when the process view is opened, then the same counts are in its table, linked to the step lists', async () => {
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj/pantau')).text);
    const row = page('.step-counts tr[data-element="MengisiIdentitas"]');
    expect(row.find('.open a').text()).toBe('3');
    expect(row.find('.overdue a').text()).toBe('2');
    expect(row.find('.overdue a').attr('href')).toBe('/proses/pendaftaran-akun-ppbj/pantau/langkah/MengisiIdentitas?terlambat=1');
    expect(page('#monitor-canvas').attr('data-source')).toBe('/proses/pendaftaran-akun-ppbj/pantau/data.json');
    expect(page('script[src^="/studio/static/monitor.js?v="]')).toHaveLength(1);
  });

  test('when the owner clicks a step, then its cases are listed with links to their case pages', async () => {
    const all = $((await owner.get('/proses/pendaftaran-akun-ppbj/pantau/langkah/MengisiIdentitas')).text);
    expect(all('tr.step-case')).toHaveLength(3);
    expect(all('tr.step-case.overdue')).toHaveLength(2);
    const overdue = $((await owner.get('/proses/pendaftaran-akun-ppbj/pantau/langkah/MengisiIdentitas?terlambat=1')).text);
    expect(overdue('tr.step-case').toArray().map((r) => overdue(r).attr('data-case')).sort()).toEqual([...late].sort());
    const step5 = $((await owner.get('/proses/pendaftaran-akun-ppbj/pantau/langkah/MelengkapiInformasi')).text);
    expect(step5(`tr.step-case[data-case="${atStep5}"] a`).attr('href')).toBe(`/kasus/${atStep5}`);
    expect((await owner.get(`/kasus/${atStep5}`)).status).toBe(200);
  });

  test('when a step that is not in the process is asked for, then it is not found', async () => {
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/pantau/langkah/TidakAda')).status).toBe(404);
  });
});
