// The central error handler never sends a stack trace or a file path, in any NODE_ENV, and maps
// errors of the request's own input (http-errors style `status`) to their 4xx.
import { describe, expect, test } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { StoreUnavailableError } from '../../src/errors.js';
import { errorHandler } from '../../src/web/error-handler.js';
import { pageRenderer } from '../../src/web/page.js';
import { createViewEngine } from '../../src/web/view-engine.js';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STACK = /\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d+/;

function appWith(env: string, render: Parameters<typeof errorHandler>[0], error: unknown) {
  const app = express();
  app.set('env', env);
  app.get('/boom', () => {
    throw error;
  });
  const logged: string[] = [];
  app.use(errorHandler(render, (line) => logged.push(line)));
  return { app, logged };
}

const realPages = pageRenderer(createViewEngine(`${PROJECT_ROOT}views`));
const brokenPages: typeof realPages = () => {
  throw new Error(`template missing at ${PROJECT_ROOT}views/errors/error.hbs`);
};

describe('Given the central error handler', () => {
  for (const env of ['development', 'test', 'production']) {
    test(`when a route fails and even the error page fails (NODE_ENV=${env}), then a plain 500 page is sent without a stack trace`, async () => {
      const { app, logged } = appWith(env, brokenPages, new Error(`db at ${PROJECT_ROOT}src/store/x.ts failed`));
      const res = await request(app).get('/boom').set('Cookie', 'lang=en');
      expect(res.status).toBe(500);
      expect(res.text).toContain('A server error occurred');
      expect(res.text).not.toMatch(STACK);
      expect(logged.join('\n')).toContain('GET /boom failed');
    });
  }

  test('when a middleware raises an http-error with a 4xx status, then that status is sent with its message, unlogged', async () => {
    const tooMany = Object.assign(new Error('Too Many Requests'), { status: 429, expose: true });
    const { app, logged } = appWith('development', realPages, tooMany);
    const res = await request(app).get('/boom');
    expect(res.status).toBe(429);
    expect(res.text).toContain('Terlalu banyak permintaan');
    expect(res.text).not.toMatch(STACK);
    expect(logged).toHaveLength(0);
  });

  test('when an error carries a 5xx statusCode, then it stays a logged 500 with the generic message', async () => {
    const upstream = Object.assign(new Error('bad gateway'), { statusCode: 502 });
    const { app, logged } = appWith('development', realPages, upstream);
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.text).toContain('Terjadi kesalahan pada server');
    expect(logged).toHaveLength(1);
  });
});

describe('Given a failing route whose path carries a secret', () => {
  test('when a link route fails, then the log names the route pattern, never the token in the path', async () => {
    const app = express();
    const logged: string[] = [];
    app.get('/verifikasi/email/:token', () => {
      throw new Error('boom');
    });
    app.use(errorHandler(realPages, (line) => logged.push(line)));
    const secret = 'u-1.k3Yc2mQd9vW1xZpR7sTqL0aBcDeFgHiJkLmNoPqRsTu';
    const res = await request(app).get(`/verifikasi/email/${secret}`);
    expect(res.status).toBe(500);
    expect(logged.join('\n')).toContain('GET /verifikasi/email/:token failed');
    expect(logged.join('\n')).not.toContain('k3Yc2mQd9vW1');
  });

  test('when no route matched, then token-like segments are redacted and case ids (UUIDs) stay', async () => {
    const app = express();
    const logged: string[] = [];
    app.use(() => {
      throw new Error('boom');
    });
    app.use(errorHandler(realPages, (line) => logged.push(line)));
    await request(app).get('/atur-ulang-kata-sandi/k3Yc2mQd9vW1xZpR7sTqL0aBcDeFgHiJkLmNoPqRsTu/kasus/0b6f4a3e-6a1c-4c0e-9d55-2f0a3e8b1c7d');
    expect(logged.join('\n')).toContain('GET /atur-ulang-kata-sandi/[redacted]/kasus/0b6f4a3e-6a1c-4c0e-9d55-2f0a3e8b1c7d failed');
  });

  test('when the app raises its own 5xx (the store is unreachable), then the page says 503 and an operator sees it in the log', async () => {
    const { app, logged } = appWith('production', realPages, new StoreUnavailableError());
    const res = await request(app).get('/boom');
    expect(res.status).toBe(503);
    expect(logged.join('\n')).toContain('GET /boom answered 503');
  });
});
