// HTTP helpers for the process owner's studio: JSON calls with the CSRF token in x-csrf-token,
// as the modeler page sends them, and fixtures.
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { csrfFrom } from '../helpers/app.js';

const root = new URL('../../', import.meta.url);
export const shippedXml = (): string => readFileSync(new URL('processes/pendaftaran-akun-ppbj.bpmn', root), 'utf8');
export const ruleFixture = (name: string): string => readFileSync(new URL(`test/workflow/fixtures/rules/${name}`, root), 'utf8');

/** POST JSON from the modeler page (token read from its forms). */
export async function studioPost(agent: TestAgent, path: string, body: Record<string, unknown>) {
  const token = await csrfFrom(agent, '/proses/pendaftaran-akun-ppbj/studio');
  return agent.post(path).set('x-csrf-token', token).set('accept', 'application/json').send(body);
}

/** A v2 whose step 7 is renamed and takes 10 minutes: visible on tasks started from it. */
export const v2Xml = (): string =>
  ruleFixture('camunda-modeler-export.bpmn').replace('name="Mengaktifkan Akun PPBJ"', 'name="Mengaktifkan Akun PPBJ (v2)"');
