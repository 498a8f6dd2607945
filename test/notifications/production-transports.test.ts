// Production never falls back to the development mailbox: without SMTP (verification and reset
// links) and the WhatsApp webhook (codes) the server refuses to start, naming the settings; with
// them it starts and has no /kotak-surat page.
import { describe, expect, test } from '@jest/globals';
import { createTransports } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../helpers/server-process.js';

const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 'production-secret-production-secret-0001' };
const SMTP = { ALUR_SMTP_URL: 'smtp://127.0.0.1:1' };
const WEBHOOK = { ALUR_WHATSAPP_WEBHOOK_URL: 'http://127.0.0.1:1/kirim' };

describe('Given NODE_ENV=production', () => {
  test('when neither SMTP nor the WhatsApp webhook is set, then choosing the transports fails naming both settings', () => {
    expect(() => createTransports(loadConfig(PRODUCTION), () => undefined)).toThrow(
      'Invalid configuration:\n'
      + '  ALUR_SMTP_URL: required in production (it delivers e-mail verification links and password-reset links; the development mailbox is off in production)\n'
      + '  ALUR_WHATSAPP_WEBHOOK_URL: required in production (it delivers WhatsApp verification codes; the development mailbox is off in production)',
    );
  });

  test('when only one of them is set, then the other one is named', () => {
    expect(() => createTransports(loadConfig({ ...PRODUCTION, ...SMTP }), () => undefined)).toThrow(/^Invalid configuration:\n {2}ALUR_WHATSAPP_WEBHOOK_URL: required in production[^\n]*$/);
    expect(() => createTransports(loadConfig({ ...PRODUCTION, ...WEBHOOK }), () => undefined)).toThrow(/^Invalid configuration:\n {2}ALUR_SMTP_URL: required in production[^\n]*$/);
  });

  test('when both are set, then both channels use them and nothing goes to the development mailbox', () => {
    const { transports, devChannels } = createTransports(loadConfig({ ...PRODUCTION, ...SMTP, ...WEBHOOK }), () => undefined);
    expect([devChannels, transports.email.kind, transports.whatsapp.kind]).toEqual([[], 'smtp', 'whatsapp-webhook']);
  });

  test('when the real server is started without them, then it exits with the message; with them, /kotak-surat does not exist', async () => {
    const refused = await startServer({ env: PRODUCTION, startupTimeoutMs: 20_000 }).then(async (started) => {
      await started.stop(); // it should not have started: stop it so the test ends
      return 'started';
    }, (err: Error) => err.message);
    expect(refused).toMatch(/ALUR_SMTP_URL: required in production[\s\S]*ALUR_WHATSAPP_WEBHOOK_URL: required in production/);
    const server = await startServer({ env: { ...PRODUCTION, ...SMTP, ...WEBHOOK } });
    try {
      const res = await fetch(`${server.url}/kotak-surat`, { redirect: 'manual' });
      expect(res.status).toBe(404);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
