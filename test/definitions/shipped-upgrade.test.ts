// A changed shipped file on a store that already holds its process: deployed as the next version while
// the store's latest version came from an older shipped file, never over a version the process owner
// deployed, never back again by an older release; running cases keep the version they started on.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from '@jest/globals';
import { createServices, type Services } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { ensureShippedProcesses, SHIPPED_UPDATE_COMMENT } from '../../src/definitions/shipped-processes.js';
import { PPBJ_PROCESS_FILE, PPBJ_PROCESS_KEY } from '../../src/packs/ppbj/process-key.js';
import { ppbjSignUp } from '../../src/packs/ppbj/sign-up-service.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { actorOf, addPerson } from '../helpers/app.js';
import { identityOf, newApplicant } from '../helpers/ppbj.js';

/** The PPBJ file as shipped before step 4 could return the identity. */
const OLDER_FILE = new URL('../workflow/fixtures/pendaftaran-akun-ppbj-v1.bpmn', import.meta.url);
const CURRENT_XML = readFileSync(PPBJ_PROCESS_FILE, 'utf8');
const dirs: string[] = [];
const closers: Array<() => Promise<void>> = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alur-shipped-upgrade-'));
  dirs.push(dir);
  return dir;
}

/** A folder of shipped files holding only `file` under the PPBJ file's name. */
function shippedDir(file: URL): URL {
  const dir = tempDir();
  copyFileSync(file, join(dir, 'pendaftaran-akun-ppbj.bpmn'));
  return pathToFileURL(`${dir}/`);
}

async function started(): Promise<Services> {
  const config = loadConfig({ NODE_ENV: 'test', ALUR_DATA_DIR: tempDir() });
  const store = createSqliteStore({ file: config.sqliteFile });
  closers.push(() => store.close());
  const services = createServices(store);
  await store.init();
  return services;
}

const versions = async (s: Services) => (await s.store.listDefinitions(PPBJ_PROCESS_KEY)).map((d) => [d.version, d.comment, d.createdBy]);

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Given a store whose PPBJ version 1 came from an older shipped file', () => {
  test('when the app starts with the changed file, then it is version 2 (shipped), a running case stays on version 1 and a new case starts on version 2', async () => {
    const s = await started();
    await ensureShippedProcesses(s.definitions, s.store, shippedDir(OLDER_FILE));
    const admin = await addPerson(s.store, 'admin', 'staff', ['admin-ppe']);
    const before = await ppbjSignUp(s).register(newApplicant(), async (p) => `plain:${p}`);
    const running = (await s.store.listCasesByApplicant(before.id))[0]!;

    await ensureShippedProcesses(s.definitions, s.store);

    expect(await versions(s)).toEqual([[2, SHIPPED_UPDATE_COMMENT, null], [1, 'Versi awal dari berkas proses bawaan', null]]);
    expect((await s.store.getLatestDefinition(PPBJ_PROCESS_KEY))?.xml).toBe(CURRENT_XML);
    // the running case goes on along version 1 (no step 4 decision there): verified → step 5
    const applicant = await actorOf(s.store, (await s.store.getUser(before.id))!);
    await s.store.updateUser(before.id, { emailVerifiedAt: new Date().toISOString(), whatsappVerifiedAt: new Date().toISOString() });
    const step3 = (await s.store.listTasks({ caseId: running.id }))[0]!;
    await s.cases.completeTask(step3.id, applicant, identityOf(applicant));
    const step4 = (await s.store.listTasks({ caseId: running.id }))[0]!;
    const staff = await actorOf(s.store, (await s.store.getUser(admin.id))!);
    await s.assignments.take(step4.id, staff);
    await s.cases.completeTask(step4.id, staff, { sesuai: 'tidak', alasanKode: ['nip-tidak-sesuai'], alasan: '' });
    expect((await s.store.getCase(running.id))?.definitionVersion).toBe(1);
    expect((await s.store.listTasks({ caseId: running.id })).map((t) => t.elementId)).toEqual(['MelengkapiInformasi']);
    // a new case starts on the new version
    const after = await ppbjSignUp(s).register(newApplicant(), async (p) => `plain:${p}`);
    expect((await s.store.listCasesByApplicant(after.id))[0]?.definitionVersion).toBe(2);
  });

  test('when the app starts again, or an older release starts beside the newer one, then no version is added', async () => {
    const s = await started();
    await ensureShippedProcesses(s.definitions, s.store, shippedDir(OLDER_FILE));
    await ensureShippedProcesses(s.definitions, s.store);

    await ensureShippedProcesses(s.definitions, s.store);
    await ensureShippedProcesses(s.definitions, s.store, shippedDir(OLDER_FILE));

    expect((await versions(s)).map(([v]) => v)).toEqual([2, 1]);
    expect((await s.store.getLatestDefinition(PPBJ_PROCESS_KEY))?.xml).toBe(CURRENT_XML);
  });

  test('when the process owner deployed their own version since, then the changed shipped file leaves it the latest', async () => {
    const s = await started();
    await ensureShippedProcesses(s.definitions, s.store, shippedDir(OLDER_FILE));
    const own = await s.definitions.deploy(readFileSync(OLDER_FILE, 'utf8').replace('name="Melakukan Verifikasi"', 'name="Memverifikasi Identitas"'), 'u-owner', 'nama langkah 4');

    await ensureShippedProcesses(s.definitions, s.store);

    expect((await s.store.getLatestDefinition(PPBJ_PROCESS_KEY))?.id).toBe(own.id);
    expect((await versions(s)).map(([v]) => v)).toEqual([2, 1]);
  });

  test('when two instances start at once with the changed file, then one version 2 is deployed', async () => {
    const s = await started();
    await ensureShippedProcesses(s.definitions, s.store, shippedDir(OLDER_FILE));

    await Promise.all([ensureShippedProcesses(s.definitions, s.store), ensureShippedProcesses(createServices(s.store).definitions, s.store)]);

    expect((await versions(s)).map(([v]) => v)).toEqual([2, 1]);
  });
});
