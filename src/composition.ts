// The only place that picks the store adapter (SQLite by default, MongoDB when MONGODB_URI is set)
// and wires the services.
import { AssignmentService } from './tasks/assignment-service.js';
import { CaseService } from './cases/case-service.js';
import type { Config } from './config.js';
import { DefinitionService } from './definitions/definition-service.js';
import { ensureStaffAccounts } from './auth/staff-accounts.js';
import type { Store } from './store/ports.js';
import { createSqliteStore } from './store/sqlite/sqlite-store.js';
import { createMongoStore } from './store/mongo/mongo-store.js';

export const SHIPPED_PROCESS_FILE = new URL('../processes/pendaftaran-akun-ppbj.bpmn', import.meta.url);

export interface Services {
  store: Store;
  definitions: DefinitionService;
  cases: CaseService;
  assignments: AssignmentService;
  now: () => Date;
}

export function createStore(config: Pick<Config, 'mongoUri' | 'sqliteFile'>): Store {
  return config.mongoUri ? createMongoStore({ uri: config.mongoUri }) : createSqliteStore({ file: config.sqliteFile });
}

export function createServices(store: Store, now: () => Date = () => new Date()): Services {
  const definitions = new DefinitionService(store, now);
  return { store, definitions, cases: new CaseService({ store, definitions, now }), assignments: new AssignmentService(store, now), now };
}

/** Migrations, the shipped process as version 1 and the staff accounts, on first start. */
export async function bootstrap(services: Services, config: Config, log: (line: string) => void): Promise<void> {
  await services.store.init();
  await services.definitions.ensureShipped(SHIPPED_PROCESS_FILE);
  await ensureStaffAccounts(services.store, config, log);
}
