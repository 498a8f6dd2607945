// Pages of a logged-in person (NIK in the inbox and task pages, cases, the mailbox) and responses
// that set the session cookie are never kept by a browser or proxy cache: Cache-Control: no-store.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { ADMIN, csrfFrom, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { IDENTITY, firstTaskId, signUp, submitTask } from '../helpers/ppbj.js';

describe('Given a PPBJ, an Admin PPE and a process owner, logged in', () => {
  let t: TestApp;
  let ppbj: TestAgent, admin: TestAgent, owner: TestAgent;
  let caseId: string, ppbjTask: string;
  useTestApp(async (app) => {
    t = app;
    [admin, owner] = await Promise.all([loggedIn(app, ADMIN), loggedIn(app, OWNER)]);
    ppbj = app.agent();
    const applicant = await signUp(ppbj);
    await submitTask(ppbj, await firstTaskId(ppbj, '/tugas'), IDENTITY);
    const user = await app.services.store.findUserByEmail(applicant.email);
    caseId = (await app.services.store.listCasesByApplicant(user!.id))[0]!.id;
    ppbjTask = await firstTaskId(admin, '/kotak-masuk');
  });

  test('when they open their pages (including redirects and error pages), then every answer has Cache-Control: no-store', async () => {
    const routes: Array<[TestAgent, string]> = [
      [ppbj, '/tugas'], [ppbj, '/permohonan'], [ppbj, `/kasus/${caseId}`], [ppbj, '/verifikasi'], [ppbj, '/'], [ppbj, '/privasi'],
      [admin, '/kotak-masuk'], [admin, '/tugas'], [admin, `/tugas/${ppbjTask}`], [admin, `/kasus/${caseId}`], [admin, '/laporan'],
      [admin, '/tidak-ada'], [admin, '/kasus/%zz'],
      [owner, '/kotak-surat'], [owner, '/proses'], [owner, '/laporan'], [owner, '/kotak-masuk'],
    ];
    for (const [agent, path] of routes) {
      const res = await agent.get(path);
      expect({ path, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ path, status: res.status, cacheControl: expect.stringMatching(/\bno-store\b/) });
    }
  });

  test('when someone opens the login form and logs in, then the answers that set the session cookie have no-store', async () => {
    const visitor = t.agent();
    const form = await visitor.get('/masuk');
    expect(String(form.headers['set-cookie'])).toContain('alur.sid=');
    expect(form.headers['cache-control']).toBe('no-store');
    const _csrf = await csrfFrom(visitor, '/masuk');
    const login = await visitor.post('/masuk').type('form').send({ _csrf, ...ADMIN });
    expect(login.status).toBe(303);
    expect(login.headers['cache-control']).toBe('no-store');
  });

  test('when an anonymous visitor gets a static asset, then it stays cacheable', async () => {
    const logo = await t.agent().get('/static/office-logo.svg');
    expect(logo.status).toBe(200);
    expect(logo.headers['cache-control']).toContain('max-age=3600');
  });
});
