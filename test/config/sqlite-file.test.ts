// The SQLite file setting: a path is made absolute, ':memory:' stays SQLite's in-memory name (a test
// run once left a file named ':memory:' in the working folder).
import { describe, expect, test } from '@jest/globals';
import { resolve } from 'node:path';
import { loadConfig } from '../../src/config.js';

describe('Given ALUR_SQLITE_FILE', () => {
  test('when it is :memory:, then the store is in memory, not a file of that name in the working folder', () => {
    expect(loadConfig({ NODE_ENV: 'test', ALUR_SQLITE_FILE: ':memory:' }).sqliteFile).toBe(':memory:');
  });

  test('when it is a path, then it is made absolute; when unset, the data folder holds alur.sqlite', () => {
    expect(loadConfig({ NODE_ENV: 'test', ALUR_SQLITE_FILE: 'x/alur.db' }).sqliteFile).toBe(resolve('x/alur.db'));
    expect(loadConfig({ NODE_ENV: 'test', ALUR_DATA_DIR: 'd' }).sqliteFile).toBe(resolve('d', 'alur.sqlite'));
  });
});
