// The rate limits' environment variables: one per rule, "<count>/<window>" such as "10/15m"
// (window units s, m, h, d), each validated; an unset variable keeps the default.
import { z } from 'zod';
import { DEFAULT_LIMITS, parseLimitRule, type LimitName, type LimitRule, type RateLimitSettings } from './rate-limits.js';

export type { RateLimitSettings };

export const LIMIT_VARIABLES = {
  ALUR_LIMIT_LOGIN: 'login',
  ALUR_LIMIT_LOGIN_ACCOUNT: 'loginAccount',
  ALUR_LIMIT_LOGIN_IP: 'loginIp',
  ALUR_LIMIT_SIGNUP_IP: 'signUpIp',
  ALUR_LIMIT_SIGNUP_CONTACT: 'signUpContact',
  ALUR_LIMIT_RESET_IP: 'resetIp',
  ALUR_LIMIT_MESSAGES_CONTACT: 'messagesContact',
  ALUR_LIMIT_CASE_START: 'caseStart',
} as const satisfies Record<string, LimitName>;

type LimitVariable = keyof typeof LIMIT_VARIABLES;

const rule = z
  .string()
  .optional()
  .transform((text, ctx): LimitRule | undefined => {
    if (text === undefined) return undefined;
    const parsed = parseLimitRule(text);
    if (!parsed) ctx.addIssue({ code: 'custom', message: 'expected "<count>/<window>", e.g. "10/15m" (units s, m, h, d; 1 s to 31 d)' });
    return parsed ?? undefined;
  });

/** The zod fields of the limit variables, spread into the config schema. */
export const limitVariables = Object.fromEntries(Object.keys(LIMIT_VARIABLES).map((name) => [name, rule])) as Record<LimitVariable, typeof rule>;

export function limitsFrom(env: Partial<Record<LimitVariable, LimitRule | undefined>>): RateLimitSettings {
  const out = { ...DEFAULT_LIMITS };
  for (const [variable, name] of Object.entries(LIMIT_VARIABLES) as Array<[LimitVariable, LimitName]>) {
    out[name] = env[variable] ?? DEFAULT_LIMITS[name];
  }
  return out;
}
