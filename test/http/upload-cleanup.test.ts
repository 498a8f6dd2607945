// A refused change leaves no file behind: the files a request stored are deleted whenever its
// change is not made (409 conflict, 403 CSRF, 422 type), and kept only when recorded or staged.
import { describe, expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { ADMIN, csrfFrom, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { INFORMATION, PDF, caseAtInformation } from '../helpers/ppbj.js';

describe('Given a PPBJ at step 5 with the SK form open', () => {
  let t: TestApp;
  let admin: TestAgent;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
  });
  const filesOnDisk = () => readdirSync(t.config.uploadDir).length;

  function send(agent: TestAgent, taskId: string, csrf: string) {
    let req = agent.post(`/tugas/${taskId}`).field('_csrf', csrf);
    for (const [k, v] of Object.entries(INFORMATION)) req = req.field(k, v);
    return req.attach('skFile', PDF, 'sk.pdf');
  }

  test('when the form with a file is submitted eight times at once, then one wins, the others get 409 and exactly one file remains', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const csrf = await csrfFrom(ppbj, `/tugas/${taskId}`);
    const before = filesOnDisk();
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => send(ppbj, taskId, csrf)))).map((r) => r.status).sort();
    expect(statuses).toEqual([303, 409, 409, 409, 409, 409, 409, 409]);
    const docs = await t.services.store.listDocuments(caseId);
    expect(docs).toHaveLength(1);
    expect(filesOnDisk()).toBe(before + 1);
    expect(readdirSync(t.config.uploadDir)).toContain(docs[0]!.storedName);
  });

  test('when the form with a file comes with a wrong CSRF token, then it is refused (403) and the file is not kept', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const before = filesOnDisk();
    const res = await send(ppbj, taskId, 'bukan-token');
    expect(res.status).toBe(403);
    expect(filesOnDisk()).toBe(before);
    expect(await t.services.store.listDocuments(caseId)).toHaveLength(0);
  });

  test('when the task was already completed and the form is sent again with a file, then 409 and no file is left', async () => {
    const { ppbj, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    const csrf = await csrfFrom(ppbj, `/tugas/${taskId}`);
    expect((await send(ppbj, taskId, csrf)).status).toBe(303);
    const before = filesOnDisk();
    expect((await send(ppbj, taskId, csrf)).status).toBe(409);
    expect(filesOnDisk()).toBe(before);
  });
});
