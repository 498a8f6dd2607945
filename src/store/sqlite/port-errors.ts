// The SQLite adapter's one translation of driver errors into the port's errors: a foreign-key
// violation is MissingReferenceError, a uniqueness violation ConflictError, anything else of the
// driver an Error of this realm with the driver's code kept.
// NOTE: better-sqlite3 registers its error class once per process (the first module instance to
// load it), so its errors need not be `instanceof Error` where the adapter is loaded again (each
// jest test file): callers and tests must only ever see the port's errors.
import { ConflictError, MissingReferenceError } from '../ports.js';

const codeOf = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

export function portError(err: unknown): unknown {
  const code = codeOf(err);
  if (!code?.startsWith('SQLITE_')) return err; // already the port's (or a plain bug of ours)
  const message = String((err as { message?: unknown }).message ?? err);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new MissingReferenceError(`a referenced record does not exist: ${message}`);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new ConflictError(message);
  return Object.assign(new Error(message), { code });
}

/** Wraps every method of `store` so that what it throws is translated by portError. */
export function withPortErrors<T extends object>(store: T): T {
  const target = store as Record<string, unknown>;
  for (const [name, member] of Object.entries(target)) {
    if (typeof member !== 'function') continue;
    const method = member as (...args: unknown[]) => unknown;
    target[name] = async (...args: unknown[]) => {
      try {
        return await method.apply(store, args);
      } catch (err) {
        throw portError(err);
      }
    };
  }
  return store;
}
