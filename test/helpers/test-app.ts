// The app of a jest suite: started before its tests and closed after them (jest hooks, so apart
// from app.ts, which the benchmarks import too).
import { afterAll, beforeAll } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { login, startTestApp, type TestApp } from './app.js';

/** Starts a test app before the suite's tests, runs `setup` with it, and closes it after the tests. */
export function useTestApp(setup: (app: TestApp) => Promise<void> | void, timeoutMs?: number): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    await setup(app);
  }, timeoutMs);
  afterAll(async () => app?.close());
}

/** A new agent of `app`, logged in as `who`. */
export async function loggedIn(app: TestApp, who: { email: string; password: string }): Promise<TestAgent> {
  const agent = app.agent();
  await login(agent, who);
  return agent;
}
