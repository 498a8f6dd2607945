// The rate limits' environment variables: "<count>/<window>", validated by loadConfig, defaults kept.
import { describe, expect, test } from '@jest/globals';
import { DEFAULT_LIMITS, parseLimitRule } from '../../src/auth/rate-limits.js';
import { loadConfig } from '../../src/config.js';

describe('Given the ALUR_LIMIT_* variables', () => {
  test('when none is set, then every limit has its default', () => {
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS.login).toEqual({ limit: 10, windowMs: 15 * 60_000 });
  });

  test('when some are set, then those rules change and the others keep their defaults', () => {
    const { limits } = loadConfig({ ALUR_LIMIT_LOGIN: '5/10m', ALUR_LIMIT_SIGNUP_IP: '20 / 2h', ALUR_LIMIT_MESSAGES_CONTACT: '8/1d' });
    expect(limits.login).toEqual({ limit: 5, windowMs: 10 * 60_000 });
    expect(limits.signUpIp).toEqual({ limit: 20, windowMs: 2 * 3600_000 });
    expect(limits.messagesContact).toEqual({ limit: 8, windowMs: 24 * 3600_000 });
    expect(limits.loginIp).toEqual(DEFAULT_LIMITS.loginIp);
  });

  test('when one is malformed or out of range, then start-up fails with the variable named and the expected form', () => {
    for (const bad of ['10', 'ten/15m', '10/15x', '0/15m', '10/0s', '10/32d', '-1/1h']) {
      expect(() => loadConfig({ ALUR_LIMIT_LOGIN_IP: bad })).toThrow(/ALUR_LIMIT_LOGIN_IP: expected "<count>\/<window>"/);
    }
    expect(parseLimitRule('3/30s')).toEqual({ limit: 3, windowMs: 30_000 });
  });
});
