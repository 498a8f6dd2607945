// Binds the schemas to one mongoose connection (never the global default connection).
import type { Connection, Model } from 'mongoose';
import {
  auditSchema,
  caseSchema,
  definitionSchema,
  documentSchema,
  sessionSchema,
  taskSchema,
  userSchema,
  type AuditDoc,
  type CaseDoc,
  type DefinitionDoc,
  type DocumentDoc,
  type SessionDoc,
  type TaskDoc,
  type UserDoc,
} from './schemas.js';

export interface Models {
  User: Model<UserDoc>;
  Session: Model<SessionDoc>;
  Definition: Model<DefinitionDoc>;
  Case: Model<CaseDoc>;
  Task: Model<TaskDoc>;
  Audit: Model<AuditDoc>;
  Document: Model<DocumentDoc>;
}

export function bindModels(conn: Connection): Models {
  return {
    User: conn.model<UserDoc>('User', userSchema),
    Session: conn.model<SessionDoc>('Session', sessionSchema),
    Definition: conn.model<DefinitionDoc>('Definition', definitionSchema),
    Case: conn.model<CaseDoc>('Case', caseSchema),
    Task: conn.model<TaskDoc>('Task', taskSchema),
    Audit: conn.model<AuditDoc>('Audit', auditSchema),
    Document: conn.model<DocumentDoc>('Document', documentSchema),
  };
}

/**
 * Creates the collections (a transaction cannot always create one) and the schema's indexes.
 * NOTE: createIndexes only adds; unlike syncIndexes it never drops an index, so an older app
 * version starting beside a newer one cannot remove the newer one's indexes.
 */
export async function ensureCollections(models: Models): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    await model.createCollection();
    await model.createIndexes();
  }
}
