// Small helpers shared by the parts of the Store contract.
import { expect } from '@jest/globals';
import { ConflictError, type Store } from '../../src/store/ports.js';

/** Gives the contract parts the store of the running test. */
export type GetStore = () => Store;

export async function expectConflict(work: Promise<unknown>): Promise<void> {
  await expect(work).rejects.toBeInstanceOf(ConflictError);
}

/** Runs writers at once; returns how many succeeded and the errors of the others. */
export async function race(writers: Array<Promise<unknown>>): Promise<{ won: number; errors: unknown[] }> {
  const results = await Promise.allSettled(writers);
  const errors = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
  return { won: results.length - errors.length, errors };
}
