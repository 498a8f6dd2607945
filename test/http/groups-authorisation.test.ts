// Who does a step is a group of the model: a process with one step in group seksi-alpha (its lane) and one
// in seksi-beta (candidateGroups) waiting at once. Each rule is proved by refusing the wrong person on
// the server: queues, task pages, Ambil, completing, Alihkan, deactivated accounts, applicants' cases.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type TestAgent from 'supertest/lib/agent.js';
import { $, addPerson, ADMIN, csrfFrom, login, OWNER, startTestApp, type Person, type TestApp } from '../helpers/app.js';
import { signUp } from '../helpers/ppbj.js';
import { staffPost } from './staff-helpers.js';

const KEY = 'dua-grup';
const START = `/layanan/${KEY}/mulai`;
const xml = readFileSync(new URL('fixtures/two-groups.bpmn', import.meta.url), 'utf8');



/** Task ids of the rows of an inbox page. */
const rowIds = (html: string): string[] => {
  const doc = $(html);
  return doc('tr.task-row').map((_, r) => String(doc(r).attr('data-task'))).get();
};

describe('Given a process with a step in group seksi-alpha and one in seksi-beta, and a case waiting at both', () => {
  let t: TestApp;
  let alpha: Person, alpha2: Person, beta: Person, both: Person, nobody: Person, warga: Person, tetangga: Person;
  let taskA: string, taskB: string, caseId: string;
  const as = async (who: { email: string; password: string }): Promise<TestAgent> => {
    const agent = t.agent();
    await login(agent, who);
    return agent;
  };
  /** Posts a form as the browser would (the token read first: the request takes the agent's cookies when made). */
  const post = async (agent: TestAgent, path: string, fields: Record<string, string> = {}, tokenFrom = '/tugas') => {
    const _csrf = await csrfFrom(agent, tokenFrom);
    return agent.post(path).type('form').send({ _csrf, ...fields });
  };

  /** An applicant starts a case of the two-group process through its public start form. */
  const startCase = async (who: Person, perihal: string): Promise<string> => {
    const res = await post(await as(who), START, { perihal }, START);
    if (res.status !== 303) throw new Error(`start answered ${res.status}`);
    return String(res.headers.location).replace('/kasus/', '').replace('/terkirim', ''); // the applicant's confirmation page
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.services.definitions.deploy(xml, null, 'dua grup');
    const { store } = t.services;
    alpha = await addPerson(store, 'alpha', 'staff', ['seksi-alpha']);
    alpha2 = await addPerson(store, 'alpha2', 'staff', ['seksi-alpha']);
    beta = await addPerson(store, 'beta', 'staff', ['seksi-beta']);
    both = await addPerson(store, 'keduanya', 'staff', ['seksi-alpha', 'seksi-beta']);
    nobody = await addPerson(store, 'tanpagrup', 'staff');
    warga = await addPerson(store, 'warga', 'applicant');
    tetangga = await addPerson(store, 'tetangga', 'applicant');
    caseId = await startCase(warga, 'Izin keramaian');
    const open = await store.listTasks({ caseId, status: 'open' });
    taskA = open.find((x) => x.groupId === 'seksi-alpha')!.id;
    taskB = open.find((x) => x.groupId === 'seksi-beta')!.id;
  }, 60_000);
  afterAll(async () => t?.close());

  test('when the case starts, then one step waits in each group: the lane names one, candidateGroups the other', async () => {
    const open = await t.services.store.listTasks({ caseId, status: 'open' });
    expect(open.map((x) => [x.elementId, x.groupId]).sort()).toEqual([['Periksa', 'seksi-alpha'], ['Setujui', 'seksi-beta']]);
  });

  test("when a member of seksi-alpha opens Kotak Masuk, then their group's step is listed and seksi-beta's is not", async () => {
    const ids = rowIds((await (await as(alpha)).get('/kotak-masuk')).text);
    expect(ids).toContain(taskA);
    expect(ids).not.toContain(taskB);
  });

  test("when a member of seksi-alpha opens, takes or completes seksi-beta's step, then each is refused and the task stays untouched", async () => {
    const agent = await as(alpha);
    expect((await agent.get(`/tugas/${taskB}`)).status).toBe(403);
    expect((await post(agent, `/tugas/${taskB}/ambil`)).status).toBe(403);
    expect((await post(agent, `/tugas/${taskB}`, { keputusan: 'Setuju' })).status).toBe(403);
    expect((await agent.get(`/tugas/${taskB}/alihkan`)).status).toBe(403);
    expect(await t.services.store.getTask(taskB)).toMatchObject({ status: 'open', assigneeId: null });
    expect((await t.services.store.listAudit(caseId)).filter((e) => e.taskId === taskB && e.type !== 'task.created')).toEqual([]);
  });

  test('when a member of both groups opens Kotak Masuk, then both steps are listed, and they may open either', async () => {
    const agent = await as(both);
    const ids = rowIds((await agent.get('/kotak-masuk')).text);
    expect(ids).toEqual(expect.arrayContaining([taskA, taskB]));
    expect((await agent.get(`/tugas/${taskA}`)).status).toBe(200);
    expect((await agent.get(`/tugas/${taskB}`)).status).toBe(200);
  });

  test('when a staff member in no group opens Kotak Masuk, then the queue is empty and no task of a group opens', async () => {
    const agent = await as(nobody);
    const res = await agent.get('/kotak-masuk');
    expect(res.status).toBe(200);
    const doc = $(res.text);
    expect(doc('tr.task-row')).toHaveLength(0);
    expect(doc('p.empty')).toHaveLength(1);
    expect(doc('.summary').attr('data-total')).toBe('0');
    expect((await agent.get(`/tugas/${taskA}`)).status).toBe(403);
  });

  test("when a member of seksi-alpha opens Alihkan for their group's step, then only the other active members of seksi-alpha are offered", async () => {
    const doc = $((await (await as(alpha)).get(`/tugas/${taskA}/alihkan`)).text);
    const offered = doc('#f-ke option').map((_, o) => doc(o).attr('value')).get().filter(Boolean);
    expect(offered.sort()).toEqual([alpha2.id, both.id].sort());
    expect(offered).not.toContain(beta.id);
  });

  test('when a member of seksi-alpha hands their step to a member of seksi-beta only, then it is refused (422, values kept) and the task stays in the queue', async () => {
    const agent = await as(alpha);
    const form = `/tugas/${taskA}/alihkan`;
    const res = await post(agent, form, { dari: '', ke: beta.id, alasan: 'Sedang cuti' }, form);
    expect(res.status).toBe(422);
    const doc = $(res.text);
    expect(doc('#e-ke').text()).not.toBe('');
    expect(doc('#f-alasan').val()).toBe('Sedang cuti');
    expect(await t.services.store.getTask(taskA)).toMatchObject({ assigneeId: null });
    // a member of the group is accepted (the form and the rule are not simply closed)
    const ok = await post(agent, form, { dari: '', ke: alpha2.id, alasan: 'Sedang cuti' }, form);
    expect(ok.status).toBe(303);
    expect(await t.services.store.getTask(taskA)).toMatchObject({ assigneeId: alpha2.id });
  });

  test("when another applicant opens the applicant's case or starts their own, then they see only their own cases", async () => {
    const other = await as(tetangga);
    expect((await other.get(`/kasus/${caseId}`)).status).toBe(403);
    const own = await startCase(tetangga, 'Izin usaha');
    const mine = await other.get('/permohonan');
    expect([mine.status, mine.headers.location]).toEqual([303, `/kasus/${own}`]);
    const first = await as(warga);
    expect((await first.get(`/kasus/${own}`)).status).toBe(403);
    expect((await first.get(`/kasus/${caseId}`)).status).toBe(200);
    const theirs = await first.get('/permohonan');
    expect([theirs.status, theirs.headers.location]).toEqual([303, `/kasus/${caseId}`]);
  });

  test("when a PPBJ applicant (another process) opens the two-group case, then it is refused; the case's applicant may not open the PPBJ case", async () => {
    const ppbj = t.agent();
    const data = await signUp(ppbj);
    const user = await t.services.store.findUserByEmail(data.email);
    const [ppbjCase] = await t.services.store.listCasesByApplicant(user!.id);
    expect(ppbjCase!.processKey).toBe('pendaftaran-akun-ppbj');
    expect((await ppbj.get(`/kasus/${caseId}`)).status).toBe(403);
    expect((await ppbj.get(`/tugas/${taskA}`)).status).toBe(403);
    expect((await (await as(warga)).get(`/kasus/${ppbjCase!.id}`)).status).toBe(403);
  });

  test('when a member of seksi-beta is deactivated, then their open session is refused and they can no longer log in', async () => {
    const session = await as(beta);
    expect((await session.get(`/tugas/${taskB}`)).status).toBe(200);
    const csrf = await csrfFrom(session, '/tugas');
    const owner = await as(OWNER);
    expect((await staffPost(owner, `/staf/${beta.id}/nonaktifkan`)).status).toBe(303);
    for (const path of ['/kotak-masuk', `/tugas/${taskB}`, `/kasus/${caseId}`]) {
      const res = await session.get(path);
      expect([path, res.status, res.headers.location]).toEqual([path, 303, `/masuk?next=${encodeURIComponent(path)}`]);
    }
    const take = await session.post(`/tugas/${taskB}/ambil`).type('form').send({ _csrf: csrf });
    expect([take.status, take.headers.location]).toEqual([303, `/masuk?next=${encodeURIComponent(`/tugas/${taskB}/ambil`)}`]);
    expect(await t.services.store.getTask(taskB)).toMatchObject({ assigneeId: null });
    const res = await post(t.agent(), '/masuk', { email: beta.email, password: beta.password }, '/masuk');
    expect(res.status).toBe(401);
    expect($(res.text)('.error-summary p').first().text()).toBe('Email atau kata sandi salah.'); // as a wrong password: nothing told about the account
  });
});

describe('Given the seeded demo accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  test('when the app starts, then the demo Admin PPE is staff and a member of group admin-ppe', async () => {
    const admin = await t.services.store.findUserByEmail(ADMIN.email);
    expect(admin).toMatchObject({ role: 'staff', status: 'active' });
    expect(await t.services.store.listUserGroups(admin!.id)).toEqual(['admin-ppe']);
    expect((await t.services.store.listGroupMembers('admin-ppe')).map((u) => u.email)).toContain(ADMIN.email);
  });
});
