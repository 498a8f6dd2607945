// openStore: picks the adapter by kind and hands back an initialised store.
import { describe, expect, test } from '@jest/globals';
import { openStore } from '../../src/store/index.js';
import { user } from './fixtures.js';

describe('openStore', () => {
  test('Given kind sqlite, Then an initialised SQLite store is returned', async () => {
    const store = await openStore({ kind: 'sqlite', file: ':memory:' });
    expect(store.kind).toBe('sqlite');
    await store.insertUser(user({ id: 'u-open' }));
    expect((await store.getUser('u-open'))?.id).toBe('u-open');
    await store.close();
  });

  test('Given kind mongodb and a URI that is not MongoDB, Then it fails and does not hang', async () => {
    await expect(openStore({ kind: 'mongodb', uri: 'http://not-mongo' })).rejects.toThrow(/mongodb/i);
  });
});
