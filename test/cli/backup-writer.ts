// A second process for the backup test: completes PPBJ cases on a SQLite store until SIGTERM, the
// n-th case going n mod 6 steps past sign-up (some end, some wait at each step); step 5 uploads a
// file (random bytes, SHA-256 recorded). Prints "case <n> <id>" after each case.
// usage: node --import tsx test/cli/backup-writer.ts <sqlite file> <uploads folder>
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredUpload } from '../../src/cases/case-service.js';
import { createServices } from '../../src/composition.js';
import { ppbjSignUp } from '../../src/packs/ppbj/sign-up-service.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { STEP_VALUES } from '../compliance/drive.js';
import { actorOf, ADMIN } from '../helpers/app.js';
import { newApplicant } from '../helpers/ppbj.js';

const STEPS = ['MengisiIdentitas', 'MelakukanVerifikasi', 'MelengkapiInformasi', 'MemeriksaInformasi', 'MengaktifkanAkun'];
const [file, uploadDir] = process.argv.slice(2) as [string, string];

function upload(): StoredUpload {
  const bytes = randomBytes(2000 + Math.floor(Math.random() * 4000));
  const storedName = randomUUID();
  writeFileSync(join(uploadDir, storedName), bytes);
  return { field: 'skFile', originalName: 'sk.pdf', storedName, mime: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const store = createSqliteStore({ file });
await store.init();
const services = createServices(store);
const admin = await actorOf(store, (await store.findUserByEmail(ADMIN.email))!);
let stopping = false;
process.on('SIGTERM', () => (stopping = true));
for (let n = 1; !stopping; n++) {
  const user = await ppbjSignUp(services).register(newApplicant(), async (p) => `plain:${p}`);
  const at = new Date().toISOString();
  await store.updateUser(user.id, { emailVerifiedAt: at, whatsappVerifiedAt: at });
  const applicant = await actorOf(store, (await store.getUser(user.id))!);
  const caseId = (await store.listCasesByApplicant(user.id))[0]!.id;
  for (const step of STEPS.slice(0, n % (STEPS.length + 1))) {
    const task = (await store.listTasks({ caseId })).find((t) => t.elementId === step)!;
    const actor = task.groupId === 'pemohon' ? applicant : admin;
    if (actor === admin) await services.assignments.take(task.id, admin);
    const values = step === 'MengisiIdentitas' ? { ...STEP_VALUES[step], email: applicant.email } : STEP_VALUES[step]!; // the verified address
    await services.cases.completeTask(task.id, actor, values, step === 'MelengkapiInformasi' ? [upload()] : []);
  }
  console.log(`case ${n} ${caseId}`);
  // NOTE: the store's calls are synchronous underneath: without a turn of the event loop, SIGTERM is never handled
  await new Promise((resolve) => setImmediate(resolve));
}
await store.close();
