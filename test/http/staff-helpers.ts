// Helpers of the staff administration tests: the owner's forms on /staf and a set-password link.
import type TestAgent from 'supertest/lib/agent.js';
import { $, csrfFrom } from '../helpers/app.js';
import { linkPath } from '../helpers/ppbj.js';
import type { Store } from '../../src/store/ports.js';

export const NEW_PASSWORD = 'kata-sandi-baru-2026';

/** Posts a /staf form as `who` would (its CSRF token read from the page). */
export async function staffPost(who: TestAgent, path: string, fields: Record<string, string> = {}) {
  const _csrf = await csrfFrom(who, '/staf');
  return who.post(path).type('form').send({ _csrf, ...fields });
}

export const invite = (owner: TestAgent, fields: { nama: string; email: string; peran: string }) => staffPost(owner, '/staf/undang', fields);

/** Follows the newest `kind` link to `email` and sets `password` with it; returns the POST's answer. */
export async function setPassword(agent: TestAgent, store: Store, email: string, kind: string, password = NEW_PASSWORD) {
  const path = await linkPath(store, email, kind, '/atur-ulang-kata-sandi/');
  const form = await agent.get(path);
  const _csrf = String($(form.text)('input[name=_csrf]').first().val() ?? '');
  return { path, status: form.status, res: await agent.post(path).type('form').send({ _csrf, password, passwordConfirm: password }) };
}

/** The row of the staff list for `email`: state, tasks held. */
export async function staffRow(owner: TestAgent, email: string): Promise<{ state: string; tasks: number; id: string } | null> {
  const doc = $((await owner.get('/staf')).text);
  const row = doc('table.staff tbody tr').filter((_, tr) => doc(tr).find('.email').text() === email);
  if (row.length === 0) return null;
  return { state: String(row.attr('data-state')), tasks: Number(row.find('.held').text()), id: String(row.attr('data-user')) };
}

/** Tries to log in; the status of the POST /masuk (303 = logged in, 401/200 = refused). */
export async function tryLogin(agent: TestAgent, email: string, password: string): Promise<number> {
  const _csrf = await csrfFrom(agent, '/masuk');
  const res = await agent.post('/masuk').type('form').send({ _csrf, email, password });
  return res.status;
}
