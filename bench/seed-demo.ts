// `npm run seed:demo [-- --cases=1000 --months=6]`: fills an EMPTY store (the configured one:
// ALUR_DATA_DIR / ALUR_SQLITE_FILE, or MONGODB_URI) with a realistic history through the services
// the app uses, so the compliance reports mean something on first look. Refuses a store that
// already has cases or PPBJ accounts, and refuses production.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../src/auth/passwords.js';
import { UNVERIFIED } from '../src/auth/user-defaults.js';
import { PPBJ_PROCESS_KEY as SHIPPED_PROCESS_KEY } from '../src/packs/ppbj/process-key.js';
import { bootstrap, createServices, createStore } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import { TimerScheduler } from '../src/scheduler/timer-scheduler.js';
import type { Store, UserRecord } from '../src/store/ports.js';
import { applicant, DEMO_ADMINS, seeded } from './seed-demo-people.js';
import { planCase, type DemoEvent } from './seed-demo-plan.js';
import { playEvents, type DemoCase } from './seed-demo-run.js';

const log = (line: string) => console.log(line);
const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
};

/** Demo holidays 2026 (verify against the SKB 3 Menteri before real use; the owner edits them on /laporan/kalender). */
const HOLIDAYS_2026 = [
  ['2026-01-01', 'Tahun Baru Masehi'], ['2026-02-17', 'Tahun Baru Imlek'], ['2026-03-19', 'Hari Suci Nyepi'], ['2026-03-20', 'Idul Fitri'],
  ['2026-03-21', 'Idul Fitri'], ['2026-04-03', 'Wafat Yesus Kristus'], ['2026-05-01', 'Hari Buruh'], ['2026-05-14', 'Kenaikan Yesus Kristus'],
  ['2026-05-27', 'Idul Adha'], ['2026-06-01', 'Hari Lahir Pancasila'], ['2026-06-16', 'Tahun Baru Islam'], ['2026-08-17', 'Hari Kemerdekaan RI'],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW'], ['2026-12-25', 'Hari Raya Natal'],
].map(([date, name]) => ({ date: date!, name: name! }));

async function isEmpty(store: Store): Promise<boolean> {
  if ((await store.countUsers('applicant')) > 0) return false;
  for (const status of ['running', 'completed', 'failed'] as const) if ((await store.listCasesByStatus(status, 1)).length) return false;
  return true;
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.env === 'production') throw new Error('seed:demo refuses NODE_ENV=production: it writes demo people and history');
  const count = arg('cases', 1000);
  const months = arg('months', 6);
  const realNow = Date.now();
  const clock = { now: new Date(realNow) };
  const store = createStore(config);
  const services = createServices(store, () => clock.now, { publicUrl: config.publicUrl, devChannels: ['email', 'whatsapp'] });
  try {
    await bootstrap(services, config, log);
    if (!(await isEmpty(store))) {
      console.error(`[seed] refused: the store (${store.kind === 'sqlite' ? config.sqliteFile : 'MongoDB'}) already has cases or PPBJ accounts; seed:demo only fills an empty store`);
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    const adminPassword = config.admin.password ?? 'demo-admin-ppe-2026';
    const firstAdmin = (await store.findUserByEmail(config.admin.email))!;
    const admins: Array<UserRecord & { groups: string[] }> = [{ ...firstAdmin, groups: await store.listUserGroups(firstAdmin.id) }];
    const adminHash = await hashPassword(adminPassword);
    for (const a of DEMO_ADMINS) {
      const user: UserRecord = {
        id: `demo-${a.email.split('@')[0]}`, email: a.email, whatsapp: null, displayName: a.displayName, role: 'staff', passwordHash: adminHash,
        status: 'active', createdAt: new Date(realNow - months * 31 * 86_400_000).toISOString(), ...UNVERIFIED,
      };
      await store.insertUser(user);
      await store.changeMembership({
        userId: user.id, groupId: 'admin-ppe', add: true, at: user.createdAt,
        audit: { id: `${user.id}-admin-ppe`, userId: user.id, at: user.createdAt, actorId: null, actorName: null, type: 'staff.group-added', data: { groupId: 'admin-ppe' } },
      });
      admins.push({ ...user, groups: ['admin-ppe'] });
    }
    const def = await services.definitions.latest(SHIPPED_PROCESS_KEY);
    const { settings } = services.compliance;
    await settings.saveCalendar({ ...(await settings.calendarSpec()), holidays: HOLIDAYS_2026 }, null);
    const escalateTo = { MelakukanVerifikasi: 'admin-ppe', MemeriksaInformasi: 'admin-ppe', MengaktifkanAkun: 'admin-ppe' };
    await settings.saveProcessSettings(def.id, { timeBasis: 'working', escalateTo }, null);
    const calendar = await settings.calendar();

    mkdirSync(config.uploadDir, { recursive: true });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    writeFileSync(join(config.uploadDir, 'demo-sk.pdf'), pdf);
    const upload = { field: 'skFile', originalName: 'SK.pdf', storedName: 'demo-sk.pdf', mime: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') };

    const r = seeded(20261126);
    const span = months * 30 * 86_400_000;
    const starts = Array.from({ length: count }, () => {
      let t = realNow - span + r() * span;
      const day = calendar.localDate(t);
      const weekend = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() % 6 === 0;
      if (weekend && r() < 0.8) t += 2 * 86_400_000; // most applications come on working days
      const office = r() < 0.75;
      const local = (office ? 7.6 + r() * 8.2 : 18 + r() * 5) * 3_600_000;
      return Math.min(realNow - 60_000, Date.parse(`${new Date(t + 7 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+07:00`) + local);
    }).sort((a, b) => a - b);
    const cases: DemoCase[] = [];
    const events: DemoEvent[] = [];
    const paces = [1, ...DEMO_ADMINS.map((a) => a.pace)];
    for (const [n, start] of starts.entries()) {
      const person = applicant(r, n + 1);
      cases.push({ applicant: person });
      events.push(...planCase(r, n, start, 1 - (realNow - start) / span, calendar, paces, person.information(new Date(start))).filter((e) => e.at <= realNow));
    }
    events.sort((a, b) => a.at - b.at || a.case - b.case);
    log(`[seed] ${count} cases over ${months} months: ${events.length} events to play`);

    const ppbjHash = await hashPassword('demo-ppbj-sandi-2026');
    const result = await playEvents({ services, clock, admins, upload, passwordHash: ppbjHash, log }, cases, events);
    clock.now = new Date(realNow);
    await new TimerScheduler({ store, handlers: services.compliance.timerHandlers, now: () => clock.now, batch: 200 }).runDue();
    let delivered = 0; // history: its messages count as delivered, so a first start does not send thousands
    for (let batch = await store.claimDueMessages(clock.now.toISOString(), 500, 60_000); batch.length; batch = await store.claimDueMessages(clock.now.toISOString(), 500, 60_000)) {
      for (const m of batch) await store.markMessageSent(m.id, m.createdAt);
      delivered += batch.length;
    }
    const now = clock.now.toISOString();
    const [open, overdue] = [await store.countTasks({ status: 'open' }), await store.countTasks({ status: 'open', dueBefore: now })];
    log(`[seed] done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${result.played} events played, ${result.broken} cases stopped early, ` +
      `${open} open tasks (${overdue} overdue), ${delivered} past messages marked delivered`);
    log(`[seed] version ${def.version} counts WORKING time (Mon–Fri 07.30–16.00 WIB, 2026 holidays); steps 4, 6, 7 escalate to the process owner`);
    log(`[seed] Admin PPE accounts: ${admins.map((a) => a.email).join(', ')} (password: ${config.admin.password ? 'ALUR_ADMIN_PASSWORD' : adminPassword}); PPBJ accounts: password demo-ppbj-sandi-2026`);
    log('[seed] reports: sign in as the process owner and open /laporan');
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[seed] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
