// The Store contract: one suite every adapter must pass (SQLite always, MongoDB when a server is set).
import { afterEach, beforeEach, describe } from '@jest/globals';
import type { Store } from '../../src/store/ports.js';
import type { GetStore } from './contract-helpers.js';
import { casesContract } from './contract-cases.js';
import { concurrencyContract } from './contract-concurrency.js';
import { draftsContract } from './contract-drafts.js';
import { historyContract } from './contract-history.js';
import { outboxContract } from './contract-outbox.js';
import { taskSearchContract } from './contract-task-search.js';
import { taskSortsContract } from './contract-task-sorts.js';
import { tasksContract } from './contract-tasks.js';
import { usersContract } from './contract-users.js';
import { verificationContract } from './contract-verification.js';
import { timersContract } from './contract-timers.js';
import { complianceContract } from './contract-compliance.js';
import { reportFactsContract } from './contract-report-facts.js';
import { rateLimitsContract } from './contract-rate-limits.js';
import { staffAuditContract } from './contract-staff-audit.js';
import { processesContract } from './contract-processes.js';
import { groupsContract } from './contract-groups.js';
import { caseNumbersContract } from './contract-case-numbers.js';
import { retentionContract } from './contract-retention.js';

/**
 * Registers the contract for one adapter. `makeStore` returns a new, EMPTY store that is not yet
 * initialised; the suite calls init() and close(). `cleanup` runs after close (drop the database).
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  cleanup?: (store: Store) => Promise<void>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store | null = null;

    beforeEach(async () => {
      store = await makeStore();
      await store.init();
      await store.init(); // init is idempotent: a restarted process runs it again
    });

    afterEach(async () => {
      if (!store) return;
      await store.close();
      await cleanup?.(store);
      store = null;
    });

    const get: GetStore = () => {
      if (!store) throw new Error('no store: beforeEach failed');
      return store;
    };
    usersContract(get);
    casesContract(get);
    concurrencyContract(get);
    tasksContract(get);
    historyContract(get);
    verificationContract(get);
    outboxContract(get);
    draftsContract(get);
    taskSearchContract(get);
    taskSortsContract(get);
    timersContract(get);
    complianceContract(get);
    reportFactsContract(get);
    rateLimitsContract(get);
    staffAuditContract(get);
    processesContract(get);
    groupsContract(get);
    caseNumbersContract(get);
    retentionContract(get);
  });
}
