// Regression: the SQLite adapter let better-sqlite3's errors out. That driver registers its error
// class once per process, so where the adapter is loaded again (each jest test file; any second
// module instance) a foreign-key violation was not even `instanceof Error`, and the contract's
// "refused" tests failed whenever another file had loaded the driver first. The class rule: what
// the adapter throws is always one of the port's errors.
import { describe, expect, test } from '@jest/globals';
import { runInNewContext } from 'node:vm';
import { ConflictError, MissingReferenceError } from '../../src/store/ports.js';
import { portError, withPortErrors } from '../../src/store/sqlite/port-errors.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { verification } from './fixtures.js';

/** A driver error as another module instance makes it: not an Error of this realm. */
const foreign = (code: string, message: string): unknown => runInNewContext('Object.assign(new Error(m), { code: c })', { m: message, c: code });

describe('Given a driver error from another realm', () => {
  test('when it is a foreign-key violation, then it becomes MissingReferenceError', () => {
    const err = foreign('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed');
    expect(err instanceof Error).toBe(false);
    expect(portError(err)).toBeInstanceOf(MissingReferenceError);
  });

  test('when it is a uniqueness violation, then it becomes ConflictError', () => {
    expect(portError(foreign('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.email'))).toBeInstanceOf(ConflictError);
    expect(portError(foreign('SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: users.id'))).toBeInstanceOf(ConflictError);
  });

  test('when it is any other driver error, then it is an Error of this realm that keeps the code', () => {
    const err = portError(foreign('SQLITE_BUSY', 'database is locked'));
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: 'SQLITE_BUSY', message: 'database is locked' });
  });

  test('when a wrapped method throws one, then the caller receives the port error', async () => {
    const store = withPortErrors({
      async insert(): Promise<void> {
        throw foreign('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed');
      },
    });
    await expect(store.insert()).rejects.toBeInstanceOf(MissingReferenceError);
  });
});

test('Given the SQLite store, when a write names a user that does not exist, then MissingReferenceError (not the driver error)', async () => {
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  await expect(store.insertVerification(verification('user-that-never-was'))).rejects.toBeInstanceOf(MissingReferenceError);
  await store.close();
});
