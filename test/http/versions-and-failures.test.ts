// Cases keep the process version they started on; an engine error never crashes the server: the
// case is marked failed, audited, and listed for the Admin PPE, while other cases keep working.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { PPBJ_PROCESS_FILE as SHIPPED_PROCESS_FILE } from '../../src/packs/ppbj/process-key.js';
import { $, ADMIN, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { INFORMATION, PDF, caseAtInformation, firstTaskIdOfCase, submitTask, submitWithFile, take } from '../helpers/ppbj.js';

/** v2 of the process whose gateway has no default and a "Tidak" condition that is never true. */
function brokenGatewayXml(): string {
  return readFileSync(SHIPPED_PROCESS_FILE, 'utf8')
    .replace(' default="Flow_InformasiLengkap_Tidak"', '')
    .replace(
      /<bpmn:sequenceFlow id="Flow_InformasiLengkap_Tidak"([^>]*?)\/>/,
      `<bpmn:sequenceFlow id="Flow_InformasiLengkap_Tidak"$1><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.output.MemeriksaInformasi.lengkap == 'never'}</bpmn:conditionExpression></bpmn:sequenceFlow>`,
    );
}

describe('Given a case on version 1, then a version 2 whose gateway can take no flow', () => {
  let t: TestApp;
  let admin: TestAgent;
  let onV1: Awaited<ReturnType<typeof caseAtInformation>>;
  useTestApp(async (app) => {
    t = app;
    admin = await loggedIn(app, ADMIN);
    onV1 = await caseAtInformation(() => app.agent(), admin, t.services.store);
    const v2 = await t.services.definitions.deploy(brokenGatewayXml(), null, 'broken on purpose');
    expect(v2.version).toBe(2);
  });

  test('when the version 1 case goes on after the deploy, then it runs on version 1 (its "Tidak" still returns to step 5)', async () => {
    expect((await submitWithFile(onV1.ppbj, onV1.taskId, INFORMATION, { buffer: PDF, name: 'sk.pdf' })).status).toBe(303);
    const step6 = await firstTaskIdOfCase(admin, onV1.caseId);
    await take(admin, step6);
    expect((await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: 'sk-kedaluwarsa', alasan: 'SK kedaluwarsa' })).status).toBe(303);
    const c = await t.services.store.getCase(onV1.caseId);
    expect(c).toMatchObject({ status: 'running', definitionVersion: 1 });
    const open = await t.services.store.listTasks({ caseId: onV1.caseId, status: 'open' });
    expect(open.map((x) => x.name)).toEqual(['Melengkapi Informasi PPBJ']);
    expect($((await admin.get(`/kasus/${onV1.caseId}`)).text)('.status').text()).toMatch(/Versi proses\s+1/);
  });

  test('when step 6 leads the engine into an error, then the case is failed, audited and listed, and the server keeps serving', async () => {
    const { ppbj, caseId, taskId } = await caseAtInformation(() => t.agent(), admin, t.services.store);
    expect((await t.services.store.getCase(caseId))!.definitionVersion).toBe(2);
    expect((await submitWithFile(ppbj, taskId, INFORMATION, { buffer: PDF, name: 'sk.pdf' })).status).toBe(303);
    const step6 = await firstTaskIdOfCase(admin, caseId);
    await take(admin, step6);
    await submitTask(admin, step6, { lengkap: 'tidak', alasanKode: 'dokumen-kurang', alasan: 'kurang' });

    const c = await t.services.store.getCase(caseId);
    expect(c!.status).toBe('failed');
    expect(c!.error).toBeTruthy();
    expect((await t.services.store.listAudit(caseId)).map((e) => e.type)).toContain('case.failed');
    const inbox = $((await admin.get('/kotak-masuk')).text);
    expect(inbox(`.failed li[data-case="${caseId}"]`)).toHaveLength(1);
    const page = $((await admin.get(`/kasus/${caseId}`)).text);
    expect(page('[data-status]').attr('data-status')).toBe('status.gagal');
    expect((await t.agent().get('/healthz')).status).toBe(200);
  });
});
