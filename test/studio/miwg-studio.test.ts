// Files other tools write (test/workflow/fixtures/miwg) through the studio's HTTP endpoints: each
// upload answers 200 with its problems and becomes the draft, the draft downloads as it was
// opened, a deploy is refused with reasons, and the running version keeps serving. Never a 500.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { miwgFile, miwgFiles } from '../workflow/miwg-files.js';
import { studioPost } from './helpers.js';

const STUDIO = '/proses/pendaftaran-akun-ppbj/studio';
type Problem = { severity: string; rule: string; message: string };

describe('Given the process owner in the studio of a running process', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  });

  test.each(miwgFiles())('when %s is uploaded, saved, downloaded and deployed, then it opens with its reasons and the running version is untouched', async (name, raw) => {
    const upload = await studioPost(owner, `${STUDIO}/unggah`, { xml: raw, name });
    expect(upload.status).toBe(200);
    expect(upload.body.problems.filter((p: Problem) => p.severity === 'error').length).toBeGreaterThan(0);
    const opened: string = upload.body.xml;
    expect(opened).toEqual(expect.any(String));
    expect((await owner.get(`${STUDIO}/xml`)).body).toMatchObject({ source: 'draft', xml: opened });

    const saved = await studioPost(owner, `${STUDIO}/draf`, { xml: opened });
    expect(saved.status).toBe(200);
    expect((await owner.get(`${STUDIO}/draf.bpmn`)).text).toBe(opened);

    const deploy = await studioPost(owner, `${STUDIO}/deploy`, { xml: opened, comment: name });
    expect(deploy.status).toBe(422);
    expect(deploy.body.problems.length).toBeGreaterThan(0);
    expect((await t.services.store.listDefinitions('pendaftaran-akun-ppbj')).map((d) => d.version)).toEqual([1]);
  }, 30_000);

  test('when a file binding the camunda prefix to the Activiti namespace is uploaded, then it opens renamed with a warning saying so', async () => {
    const res = await studioPost(owner, `${STUDIO}/unggah`, { xml: miwgFile('reference/C.1.0.bpmn'), name: 'C.1.0.bpmn' });
    expect(res.status).toBe(200);
    expect(res.body.xml).toContain('xmlns:activiti="http://activiti.org/bpmn"');
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'foreign-namespace', severity: 'warning' })]));
  });

  test('when such a file is validated without the upload, then it is refused (422) with the reason', async () => {
    const res = await studioPost(owner, `${STUDIO}/validasi`, { xml: miwgFile('reference/C.1.0.bpmn') });
    expect(res.status).toBe(422);
    expect(res.body.problems.map((p: Problem) => p.message).join(' ')).toMatch(/camunda/);
  });

  test('when an ISO-8859-1 file is uploaded, then the draft declares UTF-8 (what it is stored as)', async () => {
    const res = await studioPost(owner, `${STUDIO}/unggah`, { xml: miwgFile('reference/A.1.0.bpmn'), name: 'A.1.0.bpmn' });
    expect(res.status).toBe(200);
    expect((await owner.get(`${STUDIO}/draf.bpmn`)).text).toMatch(/^<\?xml [^>]*encoding="UTF-8"/);
  });
});
