// What an uploaded diagram cannot do to the server: nest deep enough to overflow the stack of the
// four BPMN routes, or make one request loop a million times. Refused with a 4xx and a clear
// message in the owner's language; a loop that slips past validation fails its case within the
// engine's budget while /healthz keeps answering.
import { describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type TestAgent from 'supertest/lib/agent.js';
import { OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { newApplicant, signUpUnverified } from '../helpers/ppbj.js';
import { ENGINE_CALL_LIMITS, MAX_XML_DEPTH } from '../../src/workflow/index.js';
import { cacheUnvalidatedForTest } from '../../src/workflow/definition-cache.js';
import { shippedXml, studioPost } from './helpers.js';

const PROCESS = 'pendaftaran-akun-ppbj';
const versions = async (t: TestApp) => (await t.services.store.listDefinitions(PROCESS)).map((d) => d.version);

/** The shipped process with extension elements nested 20,000 levels deep on its start event. */
const deeplyNested = (): string =>
  shippedXml().replace('<bpmn:outgoing>Flow_Mulai_MembuatAkun</bpmn:outgoing>',
    `<bpmn:extensionElements>${'<x:a xmlns:x="urn:x">'.repeat(20_000)}${'</x:a>'.repeat(20_000)}</bpmn:extensionElements><bpmn:outgoing>Flow_Mulai_MembuatAkun</bpmn:outgoing>`);

/** The shipped process with a task looping 1,000,000 times between steps 2 and 3. */
const millionLoop = (): string =>
  shippedXml().replace(
    '<bpmn:sequenceFlow id="Flow_MembuatAkun_MengisiIdentitas" sourceRef="MembuatAkun" targetRef="MengisiIdentitas" />',
    `<bpmn:sequenceFlow id="Flow_MembuatAkun_MengisiIdentitas" sourceRef="MembuatAkun" targetRef="Berulang" />
    <bpmn:task id="Berulang" name="Periksa Berulang"><bpmn:multiInstanceLoopCharacteristics isSequential="true">
      <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">1000000</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:task>
    <bpmn:sequenceFlow id="Flow_Berulang_MengisiIdentitas" sourceRef="Berulang" targetRef="MengisiIdentitas" />`,
  );

const ROUTES = ['/proses/pendaftaran-akun-ppbj/studio/validasi', '/proses/pendaftaran-akun-ppbj/studio/draf', '/proses/pendaftaran-akun-ppbj/studio/unggah', '/proses/pendaftaran-akun-ppbj/studio/deploy'];

describe('Given the process owner in the modeler', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  });

  test.each(ROUTES)('when a file nested 20,000 levels deep is sent to %s, then 422 with the reason in Indonesian, and nothing changes', async (route) => {
    const before = (await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body;
    const res = await studioPost(owner, route, { xml: deeplyNested(), comment: 'dalam' });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([{
      elementId: null, severity: 'error', rule: 'xml-depth', code: 'xml-depth', name: '',
      message: `Elemen XML di berkas bersarang lebih dari ${MAX_XML_DEPTH} tingkat, batas untuk satu proses. Berkas seperti ini tidak dibuat oleh modeler BPMN.`,
    }]);
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/studio/xml')).body).toEqual(before);
    expect(await versions(t)).toEqual([1]);
  });

  test('when the owner reads English and uploads such a file, then the reason is in English', async () => {
    const token = (await owner.get('/proses/pendaftaran-akun-ppbj/studio').then((r) => /name="_csrf" value="([^"]+)"/.exec(r.text)))?.[1] ?? '';
    const res = await owner.post('/proses/pendaftaran-akun-ppbj/studio/unggah').set('cookie', 'lang=en').set('x-csrf-token', token)
      .set('accept', 'application/json').send({ xml: deeplyNested() });
    expect(res.status).toBe(422);
    expect(res.body.problems[0].message).toBe(
      `The XML elements of the file are nested more than ${MAX_XML_DEPTH} levels deep, the limit for one process. BPMN modelers do not make such files.`,
    );
  });

  test('when a diagram looping 1,000,000 times between steps 2 and 3 is deployed, then it is refused naming the element', async () => {
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/deploy', { xml: millionLoop(), comment: 'berulang' });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual(expect.arrayContaining([{
      elementId: 'Berulang', severity: 'error', rule: 'alur', code: 'loop-too-many', name: '“Periksa Berulang”',
      message: '“Periksa Berulang” berulang 1000000 kali, lebih dari batas 50; kurangi jumlahnya.',
    }]));
    expect(await versions(t)).toEqual([1]);
  });
});

describe('Given a version looping 1,000,000 times between steps 2 and 3 that got past validation', () => {
  let t: TestApp;
  useTestApp(async (app) => {
    t = app;
    const xml = millionLoop();
    const def = { id: randomUUID(), processKey: PROCESS, version: 2, name: 'Pendaftaran', xml, createdAt: new Date().toISOString(), createdBy: null, comment: 'lolos' };
    await t.services.store.insertDefinition(def);
    await cacheUnvalidatedForTest(def);
  });

  // Counted against the same run, not against a fixed number of milliseconds (a loaded machine
  // makes any fixed figure flaky): /healthz must answer several times while the sign-up runs, and
  // no answer may wait more than half the sign-up's time. A loop run in one go blocks the
  // event loop for all of it: one late answer, as long as the sign-up.
  test('when someone signs up, then the case fails with the reason while /healthz keeps answering', async () => {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const healthz = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    await fetch(healthz); // warm: the first request through the app's stack is slow for other reasons
    await t.agent().get('/daftar');
    const latencies: number[] = [];
    let signingUp = true;
    const probe = (async () => {
      while (signingUp) {
        const sent = performance.now();
        const res = await fetch(healthz);
        latencies.push(performance.now() - sent);
        expect(res.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    try {
      const applicant = newApplicant();
      const started = performance.now();
      await signUpUnverified(t.agent(), applicant);
      const signUpMs = performance.now() - started;
      signingUp = false;
      await probe;

      const user = await t.services.store.findUserByEmail(applicant.email);
      const [c] = await t.services.store.listCasesByApplicant(user!.id);
      expect(c).toMatchObject({
        status: 'failed', definitionVersion: 2,
        error: `More than ${ENGINE_CALL_LIMITS.iterationMessages} loop iteration messages in one step: a loop with too many iterations?`,
      });
      process.stdout.write(`diagram-limits: ${latencies.length} probes in ${signUpMs.toFixed(0)} ms, longest ${[...latencies].sort((a, b) => b - a).slice(0, 5).map((l) => l.toFixed(0)).join(" ")} ms\n`);
      expect(latencies.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...latencies)).toBeLessThan(signUpMs / 2);
    } finally {
      signingUp = false;
      await probe.catch(() => undefined);
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
