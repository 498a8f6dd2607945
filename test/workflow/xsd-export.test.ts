// Studio exports are valid BPMN: the download of a deployed version validates against the BPMN 2.0
// XSD, also for a version deployed from an older Alur file (documentation under bpmn:definitions).
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { xsdErrors } from '../xsd/validate-xsd.js';
import { fixtureXml } from '../xsd/bpmn-files.js';

const KEY = 'pendaftaran-akun-ppbj';
const download = async (agent: TestAgent, id: string): Promise<string> => {
  const res = await agent.get(`/proses/${KEY}/versi/${id}.bpmn`).buffer(true).parse((r, done) => {
    let body = '';
    r.setEncoding('utf8');
    r.on('data', (chunk: string) => { body += chunk; });
    r.on('end', () => done(null, body));
  });
  expect(res.status).toBe(200);
  return res.body as string;
};

describe('Given a process owner and the deployed versions of the PPBJ process', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  });

  test('when version 1 (the shipped file) is downloaded, then it is the stored file and valid', async () => {
    const v1 = (await t.services.store.getLatestDefinition(KEY))!;
    const xml = await download(owner, v1.id);
    expect(xml).toBe(v1.xml);
    expect(await xsdErrors(xml)).toEqual([]);
  });

  test('when a version deployed from an older Alur file is downloaded, then its definitions documentation is on the collaboration and it is valid', async () => {
    // given a version whose XML has a bpmn:documentation directly under bpmn:definitions
    const legacy = fixtureXml('legacy-definitions-documentation.bpmn');
    expect(await xsdErrors(legacy)).not.toEqual([]);
    const deployed = await t.services.definitions.deploy(legacy, null, 'berkas lama');
    // when it is downloaded
    const xml = await download(owner, deployed.id);
    // then
    expect(await xsdErrors(xml)).toEqual([]);
    expect(xml).toMatch(/<bpmn:collaboration id="Collaboration_PendaftaranAkunPPBJ">\s*<bpmn:documentation>SOP Pendaftaran Akun Pengelola/);
  });

  test('when the studio opens a version deployed from an older Alur file, and its draft is downloaded, then both are valid', async () => {
    // given the latest version's XML has a bpmn:documentation directly under bpmn:definitions
    await t.services.definitions.deploy(fixtureXml('legacy-definitions-documentation.bpmn'), null, 'berkas lama lagi');
    // when the modeler opens it
    const opened = (await owner.get(`/proses/${KEY}/studio/xml`)).body as { xml: string; source: string };
    expect(opened.source).toBe('version');
    // then what it opens (and so every draft and file saved from it) is valid
    expect(await xsdErrors(opened.xml)).toEqual([]);
    const draft = await owner.get(`/proses/${KEY}/studio/draf.bpmn`).buffer(true).parse((r, done) => {
      let body = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => { body += chunk; });
      r.on('end', () => done(null, body));
    });
    expect(draft.status).toBe(200);
    expect(await xsdErrors(draft.body as string)).toEqual([]);
  });
});
