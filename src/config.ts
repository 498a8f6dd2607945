// Environment -> frozen, validated Config. Fails fast with a readable message.
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  ALUR_DATA_DIR: z.string().default('./data'),
  ALUR_SQLITE_FILE: z.string().optional(),
  ALUR_UPLOAD_DIR: z.string().default('./uploads'),
  MONGODB_URI: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  ALUR_ADMIN_EMAIL: z.string().email().default('admin@alur.local'),
  ALUR_ADMIN_PASSWORD: z.string().min(12).optional(),
  ALUR_OWNER_EMAIL: z.string().email().default('pemilik@alur.local'),
  ALUR_OWNER_PASSWORD: z.string().min(12).optional(),
  ALUR_TRUST_PROXY: z.string().optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  sqliteFile: string;
  uploadDir: string;
  mongoUri: string | null;
  sessionSecret: string | null;
  admin: { email: string; password: string | null };
  owner: { email: string; password: string | null };
  trustProxy: string | null;
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
    sqliteFile: e.ALUR_SQLITE_FILE ? resolve(e.ALUR_SQLITE_FILE) : resolve(dataDir, 'alur.sqlite'),
    uploadDir: resolve(e.ALUR_UPLOAD_DIR),
    mongoUri: e.MONGODB_URI ?? null,
    sessionSecret: e.SESSION_SECRET ?? null,
    admin: { email: e.ALUR_ADMIN_EMAIL.toLowerCase(), password: e.ALUR_ADMIN_PASSWORD ?? null },
    owner: { email: e.ALUR_OWNER_EMAIL.toLowerCase(), password: e.ALUR_OWNER_PASSWORD ?? null },
    trustProxy: e.ALUR_TRUST_PROXY ?? null,
  });
}
