// Layer rules of the notifications feature: one module owns each delivery library, and the
// services that build messages know nothing of HTTP.
import { describe, expect, test } from '@jest/globals';
import { SRC, sourceImports, sources } from '../helpers/source-files.js';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const files = sourceImports();

describe('Given the notifications feature', () => {
  test('when nodemailer is imported, then only by the SMTP transport', () => {
    expect(files.filter((f) => f.imports.includes('nodemailer')).map((f) => f.path)).toEqual(['notifications/transports/smtp-transport.ts']);
  });

  test('when messages are built or sent, then no express, multer or passport is involved', () => {
    const core = files.filter((f) => f.path.startsWith('notifications/') && !/-routes\.ts$|contact-notice\.ts$/.test(f.path));
    expect(core.length).toBeGreaterThan(8);
    for (const f of core) expect({ file: f.path, imports: f.imports.filter((i) => /^(express|multer|passport)/.test(i)) }).toEqual({ file: f.path, imports: [] });
  });

  test('when a source file of the feature is written, then it stays small (< 200 lines)', () => {
    for (const p of sources(join(SRC, 'notifications')).concat(sources(join(SRC, 'auth')))) {
      expect({ file: relative(SRC, p), long: readFileSync(p, 'utf8').split('\n').length >= 200 }).toEqual({ file: relative(SRC, p), long: false });
    }
  });
});
