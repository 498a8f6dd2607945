// The central error handler never sends a stack trace or a file path, in any NODE_ENV, and maps
// errors of the request's own input (http-errors style `status`) to their 4xx.
import { describe, expect, test } from '@jest/globals';
import express from 'express';
import request from 'supertest';
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
