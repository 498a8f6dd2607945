// Helpers of the staff administration tests: the owner's forms on /staf (posted as a browser
// posts them: a repeated field for several checkboxes), a set-password link, staff made in the store.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { UNVERIFIED } from '../../src/auth/user-defaults.js';
import { $, csrfFrom } from '../helpers/app.js';
import { linkPath } from '../helpers/ppbj.js';
import type { Role, Store } from '../../src/store/ports.js';

export const NEW_PASSWORD = 'kata-sandi-baru-2026';

type Fields = Record<string, string | string[]>;

/** A form body as a browser encodes it (`grup=a&grup=b` for two ticked boxes). */
export function formBody(fields: Fields): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return body.toString();
}

/** Posts a /staf form as `who` would (its CSRF token read from the page). */
export async function staffPost(who: TestAgent, path: string, fields: Fields = {}) {
  const _csrf = await csrfFrom(who, '/staf');
  return who.post(path).type('form').send(formBody({ _csrf, ...fields }));
}

export const invite = (owner: TestAgent, fields: { nama: string; email: string; peran: string; grup?: string | string[] }) => staffPost(owner, '/staf/undang', fields);

/** A staff account made in the store (active), a member of `groups` (memberships audited as the system's, at `at`: the app's clock). */
export async function addStaff(store: Store, who: { id: string; email: string; password: string; name: string; role?: Role; groups?: string[] }, at: string): Promise<void> {
  await store.insertUser({
    id: who.id, email: who.email, whatsapp: null, displayName: who.name, role: who.role ?? 'staff',
    passwordHash: await hashPassword(who.password), status: 'active', createdAt: at, ...UNVERIFIED,
  });
  for (const groupId of who.groups ?? []) {
    await store.changeMembership({
      userId: who.id, groupId, add: true, at,
      audit: { id: randomUUID(), userId: who.id, at, actorId: null, actorName: null, type: 'staff.group-added', data: { name: who.name, group: groupId } },
    });
  }
}

/** A process whose one step is done by group 'kepala-seksi' (lane "Kepala Seksi"). */
export const DISPOSISI_KEY = 'disposisi-surat';
export const disposisiXml = (): string => readFileSync(new URL('../staff/fixtures/disposisi-surat.bpmn', import.meta.url), 'utf8');

/** The group ids of the warnings on a Proses page ("Grup X tidak punya anggota aktif"), in `scope`. */
export async function warnedGroups(owner: TestAgent, path: string, scope = ''): Promise<string[]> {
  const doc = $((await owner.get(path)).text);
  return doc(`${scope} .group-warning`).map((_, li) => String(doc(li).attr('data-group'))).get();
}

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
