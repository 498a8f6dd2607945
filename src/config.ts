// Environment -> frozen, validated Config. Fails fast with a readable message.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { limitsFrom, limitVariables, type RateLimitSettings } from './auth/limit-config.js';
import { mongoUriProblem } from './store/mongo-uri.js';
import { LOGO_PATH, OFFICE_DEFAULTS, type OfficeInfo } from './web/office.js';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  ALUR_DATA_DIR: z.string().default('./data'),
  ALUR_SQLITE_FILE: z.string().optional(),
  ALUR_UPLOAD_DIR: z.string().default('./uploads'),
  // NOTE: not z.string().url(): a replica set's URI lists several hosts (a,b:27017), which is no URL
  MONGODB_URI: z
    .string()
    .optional()
    .superRefine((uri, ctx) => {
      const problem = uri === undefined ? null : mongoUriProblem(uri);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ALUR_MONGO_SERVER_SELECTION_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  ALUR_MONGO_SOCKET_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  ALUR_MONGO_OPERATION_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SESSION_SECRET: z.string().min(32).optional(),
  ALUR_ADMIN_EMAIL: z.string().email().default('admin@alur.local'),
  ALUR_ADMIN_PASSWORD: z.string().min(12).optional(),
  ALUR_OWNER_EMAIL: z.string().email().default('pemilik@alur.local'),
  ALUR_OWNER_PASSWORD: z.string().min(12).optional(),
  ALUR_TRUST_PROXY: z.string().optional(),
  ALUR_PUBLIC_URL: z.string().url().optional(),
  ALUR_SMTP_URL: z.string().url().optional(),
  ALUR_MAIL_FROM: z.string().min(3).default('Alur <no-reply@alur.local>'),
  ALUR_WHATSAPP_WEBHOOK_URL: z.string().url().optional(),
  ALUR_WHATSAPP_WEBHOOK_TOKEN: z.string().min(1).optional(),
  ALUR_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  ALUR_MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  ALUR_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  ALUR_OFFICE_NAME: z.string().trim().min(1).max(200).default(OFFICE_DEFAULTS.name),
  ALUR_OFFICE_LOGO: z.string().trim().regex(LOGO_PATH, 'a path on this server such as /static/logo.png, or empty for none').default(OFFICE_DEFAULTS.logo ?? ''),
  ALUR_HELPDESK: z.string().trim().min(1).max(300).default(OFFICE_DEFAULTS.helpdesk),
  ALUR_APPLICANT_REMINDER_DAYS: z.coerce.number().int().min(1).max(90).default(3),
  ALUR_ABANDON_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ...limitVariables,
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  sqliteFile: string;
  uploadDir: string;
  mongoUri: string | null;
  /** Time limits of the MongoDB store (ms): finding a server, a silent socket, a majority write or transaction. */
  mongoTimeouts: { serverSelectionMs: number; socketMs: number; operationMs: number };
  sessionSecret: string | null;
  admin: { email: string; password: string | null };
  owner: { email: string; password: string | null };
  trustProxy: string | null;
  /** Base of links in messages (e-mail verification, password reset), without a trailing slash. */
  publicUrl: string;
  /** Message delivery; null = the development mailbox (GET /kotak-surat and the server log). */
  mail: { smtpUrl: string | null; from: string };
  whatsapp: { webhookUrl: string | null; token: string | null };
  outboxIntervalMs: number;
  /** Days a sent or given-up message keeps its text; then only its delivery log entry stays (src/scheduler/retention-job.ts). */
  messageRetentionDays: number;
  /** Worker processes sharing the port and the store (ALUR_WORKERS; default: every core in production, else 1). */
  workers: number;
  /** The office shown in the header and footer (name, logo path, helpdesk contact). */
  office: OfficeInfo;
  /** The applicant's journey: days before an applicant's waiting step is reminded, and before staff may close it as abandoned. */
  applicant: { reminderDays: number; abandonDays: number };
  /** Store-backed rate limits (login, sign-up, password reset, messages per contact). */
  limits: RateLimitSettings;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 characters)');
  }
  const dataDir = resolve(e.ALUR_DATA_DIR);
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    // NOTE: ':memory:' (tests, one-off checks) stays a name SQLite knows; resolved, it became a file in the working folder
    sqliteFile: e.ALUR_SQLITE_FILE === ':memory:' ? ':memory:' : e.ALUR_SQLITE_FILE ? resolve(e.ALUR_SQLITE_FILE) : resolve(dataDir, 'alur.sqlite'),
    uploadDir: resolve(e.ALUR_UPLOAD_DIR),
    mongoUri: e.MONGODB_URI ?? null,
    mongoTimeouts: {
      serverSelectionMs: e.ALUR_MONGO_SERVER_SELECTION_MS,
      socketMs: e.ALUR_MONGO_SOCKET_MS,
      operationMs: e.ALUR_MONGO_OPERATION_MS,
    },
    sessionSecret: e.SESSION_SECRET ?? null,
    admin: { email: e.ALUR_ADMIN_EMAIL.toLowerCase(), password: e.ALUR_ADMIN_PASSWORD ?? null },
    owner: { email: e.ALUR_OWNER_EMAIL.toLowerCase(), password: e.ALUR_OWNER_PASSWORD ?? null },
    trustProxy: e.ALUR_TRUST_PROXY ?? null,
    publicUrl: (e.ALUR_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    mail: { smtpUrl: e.ALUR_SMTP_URL ?? null, from: e.ALUR_MAIL_FROM },
    whatsapp: { webhookUrl: e.ALUR_WHATSAPP_WEBHOOK_URL ?? null, token: e.ALUR_WHATSAPP_WEBHOOK_TOKEN ?? null },
    outboxIntervalMs: e.ALUR_OUTBOX_INTERVAL_MS,
    messageRetentionDays: e.ALUR_MESSAGE_RETENTION_DAYS,
    workers: e.ALUR_WORKERS ?? (e.NODE_ENV === 'production' ? availableParallelism() : 1),
    office: { name: e.ALUR_OFFICE_NAME, logo: e.ALUR_OFFICE_LOGO || null, helpdesk: e.ALUR_HELPDESK },
    applicant: { reminderDays: e.ALUR_APPLICANT_REMINDER_DAYS, abandonDays: e.ALUR_ABANDON_DAYS },
    limits: limitsFrom(e),
  });
}
