// A SQLite start without SMTP loads neither mongoose nor nodemailer (about 0.2 s of CPU at every start):
// composition imports the MongoDB adapter in its init() and the SMTP transport at its first message.
// Nor the image and PDF libraries (sharp, pdfkit, qrcode: about 0.26 s): loaded at the first upload or PDF.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import { createStore, createTransports } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { PROJECT_DIR } from '../helpers/server-process.js';

const LOADED = `
import { createRequire } from 'node:module';
const { createServices, createStore, createTransports } = await import('./src/composition.ts');
await import('./src/app.ts');
const { loadConfig } = await import('./src/config.ts');
const config = loadConfig({ NODE_ENV: 'test', ALUR_SQLITE_FILE: ':memory:', ...JSON.parse(process.argv[1]) });
createTransports(config, () => undefined);
const store = createStore(config);
createServices(store);
const cache = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify(['mongoose', 'mongodb', 'nodemailer', 'sharp', 'pdfkit', 'qrcode'].filter((p) => cache.some((f) => f.includes('/node_modules/' + p + '/')))));
`;

function packagesLoaded(env: Record<string, string>): string[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', LOADED, JSON.stringify(env)], { cwd: PROJECT_DIR, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as string[];
}

describe('Given the composition root', () => {
  test('when a SQLite store and the development transports are made, then mongoose, nodemailer, sharp, pdfkit and qrcode are not loaded', () => {
    expect(packagesLoaded({})).toEqual([]);
  }, 60_000);

  test('when a MongoDB store and SMTP are configured, then they are made without loading either until used', async () => {
    const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: 'mongodb://127.0.0.1:1/alur?replicaSet=rs0', ALUR_SMTP_URL: 'smtp://mail.example.go.id:25' });
    const store = createStore(config);
    expect(store.kind).toBe('mongodb');
    expect('then' in store && typeof (store as { then?: unknown }).then === 'function').toBe(false); // awaiting it is no call
    await expect(store.getUser('x')).rejects.toThrow('MongoDB store: call init() first');
    await store.close(); // never opened: nothing to close
    expect(createTransports(config, () => undefined).transports.email.kind).toBe('smtp');
  });
});
