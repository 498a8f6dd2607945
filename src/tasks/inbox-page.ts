// View model of the inboxes: PPBJ "Tugas Saya" (own open tasks); Admin PPE "Tugas Saya"
// (taken by me) and "Antrian" (unassigned in my role), paged on the server.
import type { Role, Store, TaskQuery, TaskRecord, UserRecord } from '../store/ports.js';

const PAGE_SIZE = 50;

export async function inboxModel(store: Store, user: UserRecord, view: 'mine' | 'queue', query: Record<string, unknown>, now: Date) {
  const page = Math.max(1, Number.parseInt(String(query.halaman ?? '1'), 10) || 1);
  const staff = user.role !== 'ppbj';
  const role = user.role as Role;
  const mine: TaskQuery = staff ? { role, assigneeId: user.id } : { role: 'ppbj', applicantId: user.id };
  const queue: TaskQuery = { role, assigneeId: null };
  const selected = view === 'queue' ? queue : mine;
  const [tasks, mineCount, queueCount, failed] = await Promise.all([
    store.listTasks({ ...selected, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    staff ? store.countTasks(mine) : Promise.resolve(0),
    staff ? store.countTasks(queue) : Promise.resolve(0),
    staff ? store.listCasesByStatus('failed', 20) : Promise.resolve([]),
  ]);
  const names = await assigneeNames(store, tasks);
  const iso = now.toISOString();
  return {
    title: view === 'queue' ? 'inbox.kotakMasuk' : 'inbox.tugasSaya',
    heading: view === 'queue' ? 'inbox.kotakMasuk' : 'inbox.tugasSaya',
    tabs: staff
      ? [
          { href: '/kotak-masuk', label: 'inbox.antrian', count: queueCount, current: view === 'queue' },
          { href: '/tugas', label: 'inbox.tugasSaya', count: mineCount, current: view === 'mine' },
        ]
      : null,
    rows: tasks.map((t) => ({
      ...t,
      overdue: iso > t.dueAt,
      assigneeName: t.assigneeId ? names.get(t.assigneeId) : null,
      canTake: staff && !t.assigneeId,
    })),
    failed: failed.map((c) => ({ id: c.id, applicantName: c.applicantName, updatedAt: c.updatedAt, error: c.error })),
  };
}

async function assigneeNames(store: Store, tasks: TaskRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(tasks.map((t) => t.assigneeId).filter((x): x is string => Boolean(x)))];
  const users = await Promise.all(ids.map((id) => store.getUser(id)));
  return new Map(users.filter((u): u is UserRecord => Boolean(u)).map((u) => [u.id, u.displayName]));
}
