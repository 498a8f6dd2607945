// Builds the real app in-process on a temp-file SQLite store, with a settable clock, and drives
// it like a browser would (cookies, CSRF tokens read from the rendered forms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/app.js';
import { bootstrap, createServices, type Services } from '../../src/composition.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { mailboxScope, type MailboxScope } from '../../src/notifications/mailbox-scope.js';
import { UNVERIFIED } from '../../src/auth/user-defaults.js';
import { DEFAULT_LIMITS, type LimitName, type RateLimitSettings } from '../../src/auth/rate-limits.js';
import type { Role, Store, UserRecord } from '../../src/store/ports.js';
import type { Actor } from '../../src/cases/task-access.js';

export const ADMIN = { email: 'admin@alur.local', password: 'demo-admin-ppe-2026' };
export const ADMIN2 = { email: 'admin2@alur.local', password: 'demo-admin2-ppe-2026' };
export const OWNER = { email: 'pemilik@alur.local', password: 'demo-pemilik-2026' };

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  config: Config;
  dir: string;
  clock: { now: Date };
  agent: () => TestAgent;
  close: () => Promise<void>;
}

/** Rate limits no ordinary test reaches (tests of a limit pass `limits` with the rule they prove). */
export const GENEROUS_LIMITS: RateLimitSettings = Object.fromEntries(
  Object.entries(DEFAULT_LIMITS).map(([name, rule]) => [name, { ...rule, limit: 1_000_000 }]),
) as Record<LimitName, RateLimitSettings[LimitName]>;

/** `mailbox`: what GET /kotak-surat lists; default as NODE_ENV=test ('own': the reader's own messages). */
export async function startTestApp(opts: { dir?: string; secret?: string; mailbox?: MailboxScope; limits?: Partial<RateLimitSettings> } = {}): Promise<TestApp> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'alur-test-'));
  const config = loadConfig({ NODE_ENV: 'test', ALUR_DATA_DIR: dir, ALUR_UPLOAD_DIR: join(dir, 'uploads') });
  const clock = { now: new Date() };
  const store = createSqliteStore({ file: config.sqliteFile });
  const mailbox = opts.mailbox ?? mailboxScope(config.env);
  const services = createServices(store, () => clock.now, { publicUrl: config.publicUrl, devChannels: ['email', 'whatsapp'], mailbox }, { ...GENEROUS_LIMITS, ...opts.limits }, config.applicant);
  await bootstrap(services, config, () => undefined);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(config.uploadDir, { recursive: true });
  const app = createApp(services, {
    sessionSecret: opts.secret ?? 'test-secret-test-secret-test-secret-0000',
    secureCookies: false,
    trustProxy: null,
    uploadDir: config.uploadDir,
    office: config.office,
    log: () => undefined,
  });
  return {
    app, services, config, dir, clock,
    agent: () => {
      const agent = request.agent(app);
      STORES.set(agent, store);
      return agent;
    },
    close: async () => {
      await store.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const $ = (html: string) => cheerio.load(html);

const STORES = new WeakMap<TestAgent, Store>();

/** The store of the test app an agent (from `TestApp.agent()`) talks to: helpers read the outbox through it. */
export function storeOf(agent: TestAgent): Store {
  const store = STORES.get(agent);
  if (!store) throw new Error('this agent was not made by TestApp.agent(), so its store is unknown');
  return store;
}

/** The CSRF token of the first form on the page at `path`. */
export async function csrfFrom(agent: TestAgent, path: string): Promise<string> {
  const res = await agent.get(path);
  const token = $(res.text)('input[name=_csrf]').first().val();
  if (typeof token !== 'string' || !token) throw new Error(`No CSRF token on ${path} (status ${res.status})`);
  return token;
}

export async function login(agent: TestAgent, who: { email: string; password: string }): Promise<void> {
  const _csrf = await csrfFrom(agent, '/masuk');
  const res = await agent.post('/masuk').type('form').send({ _csrf, email: who.email, password: who.password });
  if (res.status !== 303) throw new Error(`login of ${who.email} failed with ${res.status}`);
}

/** A second Admin PPE account (role staff, member of `groups`, default the PPBJ group 'admin-ppe'), created directly in the store. */
export async function addAdmin(store: Store, who: { email: string; password: string }, id = `admin-${who.email}`, groups: string[] = ['admin-ppe'], displayName = 'Admin Dua'): Promise<void> {
  await store.insertUser({
    id, email: who.email, whatsapp: null, displayName, role: 'staff',
    passwordHash: await hashPassword(who.password), status: 'active', createdAt: new Date().toISOString(), ...UNVERIFIED,
  });
  await joinGroups(store, id, groups);
}

/** A person made directly in the store, e-mail verified (an applicant logs in once it is), with their groups. */
export interface Person { id: string; email: string; password: string; displayName: string }

export async function addPerson(store: Store, name: string, role: Role, groups: string[] = []): Promise<Person> {
  const at = new Date().toISOString();
  const who = { id: `u-${name}`, email: `${name}@contoh.go.id`, password: `sandi-${name}-2026`, displayName: `Ibu ${name}` };
  await store.insertUser({
    id: who.id, email: who.email, whatsapp: null, displayName: who.displayName, role, passwordHash: await hashPassword(who.password),
    status: 'active', createdAt: at, ...UNVERIFIED, emailVerifiedAt: at,
  });
  await joinGroups(store, who.id, groups);
  return who;
}

/** Makes the user a member of each group (created if missing), as an administrator would. */
export async function joinGroups(store: Store, userId: string, groups: string[]): Promise<void> {
  const at = new Date().toISOString();
  for (const groupId of groups) {
    if (!(await store.getGroup(groupId))) await store.upsertGroups([{ id: groupId, name: groupId }], at);
    await store.changeMembership({
      userId, groupId, add: true, at,
      audit: { id: `audit-${userId}-${groupId}-${Math.random()}`, userId, at, actorId: null, actorName: null, type: 'staff.group-added', data: { groupId } },
    });
  }
}

/** A user as the app sees them on a request: with their group memberships. */
export async function actorOf(store: Store, user: UserRecord): Promise<Actor> {
  return { ...user, groups: await store.listUserGroups(user.id) };
}
