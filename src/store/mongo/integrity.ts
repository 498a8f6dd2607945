// The integrity rules SQLite enforces with foreign keys and triggers, for the MongoDB store: the
// audit log is append-only (no update or delete path, and a schema guard that refuses one), and an
// audit event, draft or verification code must name a case, task or user that exists (an audit event
// and a code also take their number from that case or user: sequences.ts, which checks it there).
import type { ClientSession, Schema } from 'mongoose';
import { MissingReferenceError } from '../ports.js';
import type { Models } from './models.js';

export const APPEND_ONLY = 'audit is append-only';

/** Every query, document and bulk operation mongoose offers to change or remove documents. */
const CHANGING_QUERIES = [
  'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany',
  'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace',
] as const;

/** Refuses every update and delete of `schema`'s documents before anything reaches the server. */
export function appendOnly(schema: Schema): void {
  const refuse = () => {
    throw new Error(APPEND_ONLY);
  };
  for (const op of CHANGING_QUERIES) schema.pre(op, refuse);
  schema.pre('bulkWrite', function (this: unknown, next: unknown, ops?: unknown) {
    const list = (Array.isArray(next) ? next : ops) as Array<Record<string, unknown>> | undefined;
    if (list?.some((op) => !('insertOne' in op))) refuse();
    if (typeof next === 'function') (next as () => void)();
  });
  schema.pre('save', function (this: { isNew: boolean }) {
    if (!this.isNew) refuse();
  });
  schema.pre('deleteOne', { document: true, query: false }, refuse);
}

/** Throws unless every id of `ids` is an existing document of `model` (read in `session`, if any). */
async function assertExist(what: string, model: Models['Case'] | Models['Task'] | Models['User'], ids: string[], session?: ClientSession): Promise<void> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return;
  const found = await (model as Models['Case']).find({ _id: { $in: wanted } }, { _id: 1 }).session(session ?? null).lean();
  if (found.length !== wanted.length) {
    const have = new Set(found.map((d) => d._id));
    throw new MissingReferenceError(`${what} ${wanted.filter((id) => !have.has(id)).join(', ')} does not exist`);
  }
}

export const assertCasesExist = (m: Models, caseIds: string[], session?: ClientSession) => assertExist('case', m.Case, caseIds, session);
export const assertTaskExists = (m: Models, taskId: string) => assertExist('task', m.Task, [taskId]);
export const assertUsersExist = (m: Models, userIds: string[], session?: ClientSession) => assertExist('user', m.User, userIds, session);
