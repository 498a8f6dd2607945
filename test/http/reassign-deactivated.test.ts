// Alihkan to an Admin PPE who is deactivated at the same moment: the process owner's deactivation
// releases the person's tasks, so a reassign that commits after that release listed them would leave
// a task held by a disabled account that nothing ever releases. The store checks the new holder's
// status atomically with the change, so the reassign is refused ("Petugas ini tidak aktif").
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, actorOf, addAdmin, ADMIN, ADMIN2, csrfFrom, login, OWNER, type TestApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/test-app.js';
import { take } from '../helpers/ppbj.js';
import { atVerification, type Applicant } from '../tasks/office.js';
import type { AssigneeChange } from '../../src/store/ports.js';
import { translate } from '../../src/web/i18n.js';

const ADMIN3 = { email: 'admin3@alur.local', password: 'demo-admin3-ppe-2026' };

describe('Given Admin PPE 1 holding a task, Admin PPE 2 and 3 active, and a process owner', () => {
  let t: TestApp;
  let admin1: TestAgent, owner: TestAgent;
  let budi: Applicant;
  const taskOf = async () => (await t.services.store.listTasks({ caseId: budi.caseId }))[0]!;
  const audit = async (type: string) => (await t.services.store.listAudit(budi.caseId)).filter((e) => e.type === type);

  async function reassign(taskId: string, fields: Record<string, string>) {
    const form = $((await admin1.get(`/tugas/${taskId}/alihkan`)).text);
    const _csrf = String(form('input[name=_csrf]').first().val() ?? (await csrfFrom(admin1, '/kotak-masuk')));
    const dari = form('input[name=dari]').val();
    return admin1.post(`/tugas/${taskId}/alihkan`).type('form').send({ _csrf, ...(typeof dari === 'string' ? { dari } : {}), ...fields });
  }

  useTestApp(async (app) => {
    t = app;
    await addAdmin(t.services.store, ADMIN2, 'admin-2');
    await addAdmin(t.services.store, ADMIN3, 'admin-3');
    [admin1, owner] = [app.agent(), app.agent()];
    await Promise.all([login(admin1, ADMIN), login(owner, OWNER)]);
    budi = await atVerification(t, { name: 'Budi Santoso', email: 'budi.santoso@kalbarprov.go.id', nip: '198609262015051001', nik: '6171052609860003' });
    expect((await take(admin1, (await taskOf()).id)).status).toBe(303);
  }, 60_000);

  test('when the owner deactivates Admin PPE 2 while Admin PPE 1 hands the task to them (after the check, before the commit), then the hand-over is refused with 422 "Petugas ini tidak aktif" and the task stays with Admin PPE 1', async () => {
    const task = await taskOf();
    const holder = task.assigneeId;
    const ownerUser = (await t.services.store.findUserByEmail(OWNER.email))!;
    const store = t.services.store;
    const original = store.changeAssignee.bind(store);
    // the race: the deactivation (and its release of admin-2's tasks) commits between the service's
    // read of admin-2 (active) and the reassign's own write
    store.changeAssignee = async (change: AssigneeChange) => {
      if (change.to === 'admin-2') {
        store.changeAssignee = original;
        expect(await t.services.staff.deactivate(ownerUser, 'admin-2')).toEqual({ released: 0 });
      }
      return original(change);
    };
    try {
      const res = await reassign(task.id, { ke: 'admin-2', alasan: 'Saya cuti besok' });
      expect(res.status).toBe(422);
      const doc = $(res.text);
      expect(doc('#e-ke').text()).toContain('Petugas ini tidak aktif');
      expect(doc('#f-alasan').text()).toBe('Saya cuti besok'); // the typed reason is kept
      expect(doc('#f-ke option').map((_, o) => doc(o).attr('value')).get()).toEqual(['', 'admin-3']); // no longer offered
    } finally {
      store.changeAssignee = original;
    }
    expect((await taskOf()).assigneeId).toBe(holder);
    expect(await t.services.store.listTasks({ assigneeId: 'admin-2' })).toEqual([]);
    expect(await audit('task.reassigned')).toEqual([]);
  });

  test('when Admin PPE 3 is deactivated first, then a reassign to them is refused and nothing changes', async () => {
    const task = await taskOf();
    const ownerUser = (await t.services.store.findUserByEmail(OWNER.email))!;
    await t.services.staff.deactivate(ownerUser, 'admin-3');
    // no active colleague is left to offer (admin-2 was deactivated above): the page shows no form
    const res = await reassign(task.id, { ke: 'admin-3', alasan: 'Dialihkan', dari: task.assigneeId! });
    expect(res.status).toBe(422);
    expect($(res.text)('.error-summary').text()).toContain('petugas aktif');
    expect((await taskOf()).assigneeId).toBe(task.assigneeId);
    expect(await audit('task.reassigned')).toEqual([]);
  });

  test('when a deactivated account takes a task (its session is refused before this; the store rule holds anyway), then 409 "Petugas ini tidak aktif" and nobody holds it', async () => {
    const admin2 = (await t.services.store.getUser('admin-2'))!;
    expect(admin2.status).toBe('disabled');
    const task = await taskOf();
    await t.services.assignments.release(task.id, await actorOf(t.services.store, (await t.services.store.findUserByEmail(ADMIN.email))!));
    const stale = { ...admin2, status: 'active' as const, groups: ['admin-ppe'] }; // as read before the deactivation
    await expect(t.services.assignments.take(task.id, stale)).rejects.toMatchObject({ status: 409, code: 'error.assigneeInactive' });
    expect(translate('id', 'error.assigneeInactive')).toContain('Petugas ini tidak aktif');
    expect(translate('en', 'error.assigneeInactive')).toContain('not active');
    expect((await taskOf()).assigneeId).toBeNull();
  });
});
