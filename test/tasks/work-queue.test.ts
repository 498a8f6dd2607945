// The Admin PPE's working day over HTTP: bulk take (each row reported: taken, already someone
// else's, done, not theirs), "Ambil tugas berikutnya" (the most urgent of their groups; two people
// pressing at once get two different tasks), and after a decision the next task, not the inbox.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, actorOf, addAdmin, ADMIN, ADMIN2, csrfFrom, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { firstTaskIdOfCase, submitTask, take } from '../helpers/ppbj.js';
import { seedQueue } from './inbox-seed.js';
import { takeNext } from '../../src/tasks/work-queue.js';
import type { Store, TaskQuery } from '../../src/store/ports.js';
import { atVerification } from './office.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function post(agent: TestAgent, path: string, body: Record<string, unknown>) {
  const _csrf = await csrfFrom(agent, '/kotak-masuk');
  return agent.post(path).type('form').send({ _csrf, ...body });
}

describe('Given a queue of Admin PPE tasks and two Admin PPE', () => {
  let t: TestApp;
  let admin1: TestAgent;
  let admin2: TestAgent;
  let defId: string;
  useTestApp(async (app) => {
    t = app;
    await addAdmin(app.services.store, ADMIN2, 'admin-2');
    [admin1, admin2] = await Promise.all([loggedIn(app, ADMIN), loggedIn(app, ADMIN2)]);
    defId = (await app.services.store.getLatestDefinition('pendaftaran-akun-ppbj'))!.id;
  });

  const holderOf = async (id: string) => (await t.services.store.getTask(id))!.assigneeId;
  /** The second Admin PPE takes the task (out of everyone else's way). */
  const occupy = async (id: string) => t.services.assignments.take(id, await actorOf(t.services.store, (await t.services.store.getUser('admin-2'))!));
  const adminId = async (email: string) => (await t.services.store.findUserByEmail(email))!.id;

  test('when several rows are taken at once, then each is the audited take and the report says which were taken and which someone else had', async () => {
    const [a, b, c] = await seedQueue(t.services.store, defId, [
      { name: 'Bulk Satu', elementId: 'MelakukanVerifikasi', createdAt: minutesAgo(30), nik: '6171052609860003' },
      { name: 'Bulk Dua', elementId: 'MemeriksaInformasi', createdAt: minutesAgo(20), nik: '6171052609860004' },
      { name: 'Bulk Tiga', elementId: 'MengaktifkanAkun', createdAt: minutesAgo(10), nik: '6171052609860005' },
    ]);
    expect((await take(admin2, b!)).status).toBe(303);
    const queue = $((await admin1.get('/kotak-masuk')).text);
    expect(queue(`form#bulk-take`).attr('action')).toBe('/kotak-masuk/ambil');
    expect(queue(`input[name=tugas][value="${a}"]`).attr('form')).toBe('bulk-take');

    const res = await post(admin1, '/kotak-masuk/ambil', { tugas: [a, b, c, 'no-such-task'] });
    expect([res.status, res.headers.location]).toEqual([303, '/tugas']);
    const mine = $((await admin1.get('/tugas')).text);
    const outcome = (id: string) => mine(`.bulk-result li[data-task="${id}"]`).attr('data-outcome');
    expect([outcome(a!), outcome(b!), outcome(c!), outcome('no-such-task')]).toEqual(['taken', 'held', 'taken', 'handled']);
    expect(mine('.bulk-result').attr('data-taken')).toBe('2');
    expect(mine(`.bulk-result li[data-task="${b}"]`).text()).toContain('Sudah diambil petugas lain');
    expect([await holderOf(a!), await holderOf(b!), await holderOf(c!)]).toEqual([await adminId(ADMIN.email), await adminId(ADMIN2.email), await adminId(ADMIN.email)]);
    const taken = (await t.services.store.listAudit((await t.services.store.getTask(a!))!.caseId)).filter((e) => e.type === 'task.taken');
    expect(taken).toHaveLength(1);
    // shown once
    expect($((await admin1.get('/tugas')).text)('.bulk-result')).toHaveLength(0);
  });

  test('when nothing is selected, too many are sent, or a task of another group is selected, then it says so and takes nothing it may not', async () => {
    const none = await post(admin1, '/kotak-masuk/ambil', {});
    expect([none.status, none.headers.location]).toEqual([303, '/kotak-masuk']);
    expect($((await admin1.get('/kotak-masuk')).text)('.flash').text()).toContain('Pilih minimal satu tugas untuk diambil.');
    const many = await post(admin1, '/kotak-masuk/ambil', { tugas: Array.from({ length: 51 }, (_, i) => `t-${i}`) });
    expect(many.status).toBe(400);
    expect($(many.text)('main').text()).toContain('Paling banyak 50 tugas');

    const [foreign] = await seedQueue(t.services.store, defId, [{ name: 'Grup Lain', elementId: 'MelakukanVerifikasi', createdAt: minutesAgo(5), nik: '6171052609860006', groupId: 'kepala-seksi' }]);
    await post(admin1, '/kotak-masuk/ambil', { tugas: foreign });
    expect($((await admin1.get('/tugas')).text)(`.bulk-result li[data-task="${foreign}"]`).attr('data-outcome')).toBe('refused');
    expect(await holderOf(foreign!)).toBeNull();
  });

  test('when "Ambil tugas berikutnya" is pressed, then the most urgent untaken task of their groups is taken and opened; two people pressing at once get two different tasks', async () => {
    // the queue so far: nothing untaken of admin-ppe except what this test adds
    const [later, urgent, middle] = await seedQueue(t.services.store, defId, [
      { name: 'Berikut Nanti', elementId: 'MelakukanVerifikasi', createdAt: minutesAgo(1), nik: '6171052609860007' },
      { name: 'Berikut Mendesak', elementId: 'MengaktifkanAkun', createdAt: minutesAgo(30), nik: '6171052609860008' },
      { name: 'Berikut Tengah', elementId: 'MemeriksaInformasi', createdAt: minutesAgo(8), nik: '6171052609860009' },
    ]);
    const first = await post(admin1, '/kotak-masuk/berikutnya', {});
    expect([first.status, first.headers.location]).toEqual([303, `/tugas/${urgent}`]);
    expect($((await admin1.get(first.headers.location!)).text)('.flash').text()).toContain('Tugas paling mendesak');
    expect(await holderOf(urgent!)).toBe(await adminId(ADMIN.email));

    const [a, b] = await Promise.all([post(admin1, '/kotak-masuk/berikutnya', {}), post(admin2, '/kotak-masuk/berikutnya', {})]);
    expect(new Set([a.headers.location, b.headers.location])).toEqual(new Set([`/tugas/${middle}`, `/tugas/${later}`]));
    expect(new Set([await holderOf(middle!), await holderOf(later!)])).toEqual(new Set([await adminId(ADMIN.email), await adminId(ADMIN2.email)]));

    const empty = await post(admin1, '/kotak-masuk/berikutnya', {});
    expect([empty.status, empty.headers.location]).toEqual([303, '/kotak-masuk']);
    expect($((await admin1.get('/kotak-masuk')).text)('.flash').text()).toContain('Tidak ada tugas yang menunggu di grup Anda.');
  });

  test('when two people read the same queue before either takes, then each still gets a different task (the take is conditional, the loser moves on)', async () => {
    const [first, second] = await seedQueue(t.services.store, defId, [
      { name: 'Balapan Satu', elementId: 'MelakukanVerifikasi', createdAt: minutesAgo(40), nik: '6171052609860011' },
      { name: 'Balapan Dua', elementId: 'MelakukanVerifikasi', createdAt: minutesAgo(35), nik: '6171052609860012' },
    ]);
    // both readers get the queue only once both have asked: they see the same first task
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    let readers = 0;
    const racing = new Proxy(t.services.store, {
      get(target, prop, receiver) {
        if (prop !== 'listTasks') return Reflect.get(target, prop, receiver);
        return async (q: TaskQuery) => {
          const rows = await target.listTasks(q);
          if (++readers === 2) release();
          await bothRead;
          return rows;
        };
      },
    }) as Store;
    const actors = await Promise.all([ADMIN.email, ADMIN2.email].map(async (e) => actorOf(t.services.store, (await t.services.store.findUserByEmail(e))!)));
    const [a, b] = await Promise.all(actors.map((actor) => takeNext(t.services.assignments, racing, actor)));
    expect(new Set([a?.id, b?.id])).toEqual(new Set([first, second]));
    expect(new Set([await holderOf(first!), await holderOf(second!)])).toEqual(new Set(actors.map((x) => x.id)));
  });

  test('when a decision is saved, then their next held task opens, else the most urgent one waiting, else the inbox', async () => {
    // admin1 releases what the earlier tests gave them, then holds two real cases at step 4
    for (const task of await t.services.store.listTasks({ assigneeId: await adminId(ADMIN.email) })) {
      const _csrf = await csrfFrom(admin1, `/tugas/${task.id}`);
      await admin1.post(`/tugas/${task.id}/lepas`).type('form').send({ _csrf });
    }
    for (const task of await t.services.store.listTasks({ groupIds: ['admin-ppe'], assigneeId: null })) await occupy(task.id);
    const one = await atVerification(t, { name: 'Lanjut Satu', email: 'lanjut.satu@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' });
    const two = await atVerification(t, { name: 'Lanjut Dua', email: 'lanjut.dua@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' });
    const step4a = await firstTaskIdOfCase(admin1, one.caseId);
    const step4b = await firstTaskIdOfCase(admin1, two.caseId);
    await take(admin1, step4a);
    await take(admin1, step4b);

    const done1 = await submitTask(admin1, step4a, { sesuai: 'ya' });
    expect([done1.status, done1.headers.location]).toEqual([303, `/tugas/${step4b}`]);
    expect($((await admin1.get(done1.headers.location!)).text)('.flash').text()).toContain('Ini tugas Anda berikutnya.');

    const [waiting] = await seedQueue(t.services.store, defId, [{ name: 'Menunggu Diambil', elementId: 'MelakukanVerifikasi', createdAt: minutesAgo(3), nik: '6171052609860010' }]);
    const done2 = await submitTask(admin1, step4b, { sesuai: 'ya' });
    expect([done2.status, done2.headers.location]).toEqual([303, `/tugas/${waiting}`]);
    const page = $((await admin1.get(done2.headers.location!)).text);
    expect(page('.flash').text()).toContain('ambil untuk mengerjakannya');
    expect(page('form.take-form button').text()).toBe('Ambil');
    expect(await holderOf(waiting!)).toBeNull(); // shown, not taken

    await occupy(waiting!);
    const three = await atVerification(t, { name: 'Lanjut Tiga', email: 'lanjut.tiga@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' });
    const step4c = await firstTaskIdOfCase(admin1, three.caseId);
    await take(admin1, step4c);
    const done3 = await submitTask(admin1, step4c, { sesuai: 'ya' });
    expect([done3.status, done3.headers.location]).toEqual([303, '/kotak-masuk']);
    expect($((await admin1.get('/kotak-masuk')).text)('.flash').text()).toContain('Tidak ada tugas lain yang menunggu.');
  }, 60_000);
});
