// Session writes: a request that changes nothing in the session rewrites its stored expiry at most
// every SESSION_TOUCH_INTERVAL_MS (15 min); the idle timeout (SESSION_MAX_AGE_MS, 8 h) still ends it.
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { SESSION_MAX_AGE_MS } from '../../src/app.js';
import { SESSION_TOUCH_INTERVAL_MS } from '../../src/auth/session-store.js';
import { ADMIN, login, startTestApp, type TestApp } from '../helpers/app.js';

const MINUTE = 60 * 1000;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  jest.useRealTimers();
});

/** Only Date is faked (timers, ticks and I/O stay real), frozen at `at`. */
function clockAt(at: number): void {
  jest.useFakeTimers({
    now: at,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
}

async function sidOf(agent: TestAgent): Promise<string> {
  const cookie = await agent.jar.getCookie('alur.sid', { domain: '127.0.0.1', path: '/', secure: false, script: false });
  const signed = decodeURIComponent(cookie!.value); // s:<sid>.<signature>
  return signed.slice(2, signed.lastIndexOf('.'));
}

/** An admin logged in at `at`, after a first page view (which may store the CSRF token). */
async function adminSince(at: number): Promise<{ agent: TestAgent; sid: string }> {
  clockAt(at);
  const agent = t.agent();
  await login(agent, ADMIN);
  expect((await agent.get('/kotak-masuk')).status).toBe(200);
  return { agent, sid: await sidOf(agent) };
}

const storedExpiry = async (sid: string) => (await t.services.store.getSession(sid))?.expiresAt;

describe('Given a logged-in Admin PPE', () => {
  test('when pages are opened within 15 minutes, then the stored session is not rewritten (but the cookie is renewed)', async () => {
    const t0 = Date.now();
    const { agent, sid } = await adminSince(t0);
    const before = await t.services.store.getSession(sid);
    expect(before?.expiresAt).toBe(new Date(t0 + SESSION_MAX_AGE_MS).toISOString());

    clockAt(t0 + SESSION_TOUCH_INTERVAL_MS - MINUTE);
    const page = await agent.get('/kotak-masuk');
    expect(page.status).toBe(200);
    expect(String(page.headers['set-cookie'])).toMatch(/alur\.sid=/); // rolling cookie
    expect(await t.services.store.getSession(sid)).toEqual(before);
  });

  test('when a page is opened more than 15 minutes after the last write, then the stored expiry moves to 8 hours from then', async () => {
    const t0 = Date.now();
    const { agent, sid } = await adminSince(t0);
    const later = t0 + SESSION_TOUCH_INTERVAL_MS + MINUTE;
    clockAt(later);
    expect((await agent.get('/kotak-masuk')).status).toBe(200);
    expect(await storedExpiry(sid)).toBe(new Date(later + SESSION_MAX_AGE_MS).toISOString());
  });

  test('when a page is opened every 10 minutes for 9 hours, then the admin stays logged in', async () => {
    const t0 = Date.now();
    const { agent } = await adminSince(t0);
    for (let at = t0 + 10 * MINUTE; at <= t0 + 9 * 60 * MINUTE; at += 10 * MINUTE) {
      clockAt(at);
      const page = await agent.get('/kotak-masuk');
      expect({ minute: (at - t0) / MINUTE, status: page.status }).toEqual({ minute: (at - t0) / MINUTE, status: 200 });
    }
  });

  test('when nothing is opened for 8 hours after the last request, then the admin must log in again', async () => {
    const t0 = Date.now();
    const { agent, sid } = await adminSince(t0);
    clockAt(t0 + 10 * MINUTE); // a page view inside the interval: the stored expiry stays at t0 + 8 h
    expect((await agent.get('/kotak-masuk')).status).toBe(200);

    clockAt(t0 + 10 * MINUTE + SESSION_MAX_AGE_MS);
    const res = await agent.get('/kotak-masuk');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/masuk?next=%2Fkotak-masuk');
    expect(await t.services.store.getSession(sid)).toBeNull();
  });
});
