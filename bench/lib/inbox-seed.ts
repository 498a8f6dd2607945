// Seeds a store through the port (Store.applyCaseChange, one change per case, as the app writes
// them) with N cases: most completed, `openTasks` running with one open task each, spread over
// SOP steps 3-7; some Admin PPE tasks held by the bench admin or a second admin, the rest in the
// queue. The running cases take turns among three processes (the shipped one and two copies under
// other keys and names), so the inbox's process column has something to sort. Engine states are real
// (one case driven once per step, its Buffers reused). The audit trail is trimmed to the start, the
// open task and the end (the inbox never reads it).
import { randomUUID } from 'node:crypto';
import type { Services } from '../../src/composition.js';
import { PPBJ_PROCESS_KEY as SHIPPED_PROCESS_KEY } from '../../src/packs/ppbj/process-key.js';
import { taskFromWaiting } from '../../src/cases/task-projection.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/privacy/privacy-notice.js';
import { APPLICANT_GROUP, type AuditEvent, type CaseRecord, type TaskRecord, type UserRecord } from '../../src/store/ports.js';
import type { UserTaskSpec } from '../../src/workflow/index.js';
import { seeded } from '../seed-demo-people.js';
import { driveCase } from './drive-case.js';

export interface SeedPlan {
  cases: number;
  openTasks: number; // running cases, one open task each
  mineTasks: number; // open Admin PPE tasks held by `adminId`
  otherTasks: number; // open Admin PPE tasks held by `otherAdminId`
  failedCases: number;
}

export interface Holders {
  adminId: string;
  otherAdminId: string;
}

const DAY = 86_400_000;
/** The copies of the shipped process the running cases also wait in (key, name). */
const OTHER_PROCESSES = [
  { key: 'bench-izin-belajar', name: 'Izin Belajar' },
  { key: 'bench-cuti-tahunan', name: 'cuti tahunan' }, // a lower-case name: sorted case-insensitively
];
/** Where the running cases wait (step index 1..5 = SOP steps 3..7), 20 slots: 25/25/20/20/10 %. */
const OPEN_AT = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5];

const FORM_DATA: Array<Record<string, unknown>> = [
  { whatsapp: '+6281234567890' },
  { nip: '198609262015051001', nik: '6171052609860003', namaLengkap: 'Budi Santoso', pangkatGolongan: 'Penata (III/c)', jabatan: 'Pengelola PBJ Ahli Pertama', instansi: 'Pemerintah Provinsi Kalimantan Barat', perangkatDaerah: 'Dinas Pekerjaan Umum', unitKerja: 'Subbagian Umum' },
  { catatan: '' },
  { peran: 'Pejabat Pengadaan', nomorSk: '027/123/BPBJ/2026', tanggalSk: '2026-01-05', berlakuMulai: '2026-01-05', berlakuSampai: '2026-12-31' },
  { lengkap: 'ya', alasan: '' },
  { sistem: ['SiRUP', 'SPSE'], catatan: '' },
];

export async function seedCases(services: Services, plan: SeedPlan, holders: Holders, passwordHash: string, onBatch: (done: number) => void): Promise<void> {
  const { store, definitions } = services;
  const def = await definitions.latest(SHIPPED_PROCESS_KEY);
  const copies = OTHER_PROCESSES.map((p) => ({ ...def, id: randomUUID(), processKey: p.key, version: 1, name: p.name, comment: 'bench copy' }));
  for (const copy of copies) await store.insertDefinition(copy);
  const defs = [def, ...copies];
  const specs = (await definitions.model(def)).userTasks;
  const samples = await driveCase(def, 0);
  const stateAt = (i: number): Buffer => samples[i]!.result.engineState; // i = 0..5 waiting at spec i, 6 = completed
  const random = seeded(20260126);
  const now = Date.now();
  let adminOpen = 0;

  for (let n = 0; n < plan.cases; n++) {
    const running = n < plan.openTasks;
    const failed = !running && n < plan.openTasks + plan.failedCases;
    const reached = running ? OPEN_AT[n % OPEN_AT.length]! : failed ? 2 : specs.length; // tasks done before it
    const created = running ? now - random() * 14 * DAY : now - (14 + random() * 716) * DAY;
    const at = (ms: number): string => new Date(ms).toISOString();
    const user: UserRecord = {
      id: randomUUID(), email: `ppbj${n}.${now}@kalbarprov.go.id`, whatsapp: '+6281234567890', displayName: `Pengelola PBJ ${n}`,
      role: 'applicant', passwordHash, status: !running && !failed ? 'active' : 'registered', createdAt: at(created),
      emailVerifiedAt: at(created), whatsappVerifiedAt: at(created), privacyNoticeVersion: PRIVACY_NOTICE_VERSION, privacyAcknowledgedAt: at(created),
    };
    const of = running ? defs[n % defs.length]! : def;
    const c: CaseRecord = {
      id: randomUUID(), definitionId: of.id, processKey: of.processKey, definitionVersion: of.version,
      applicantId: user.id, applicantName: user.displayName, status: running ? 'running' : failed ? 'failed' : 'completed',
      engineState: stateAt(Math.min(reached, specs.length)), rev: 1, error: failed ? 'More than 300 activities in one step: automatic loop?' : null,
      data: Object.fromEntries(specs.slice(0, reached).map((s, i) => [s.formKey, i === 0 ? { ...FORM_DATA[0], displayName: user.displayName, email: user.email } : FORM_DATA[i]!])),
      createdAt: at(created), updatedAt: at(created + reached * 3_600_000),
    };
    const tasks: TaskRecord[] = [];
    const audit: AuditEvent[] = [event(c.id, c.createdAt, user, 'case.started', null)];
    specs.slice(0, running ? reached + 1 : reached).forEach((spec, i) => {
      const open = i === reached;
      const actor = spec.groupId === APPLICANT_GROUP ? user.id : holders.adminId;
      const task = taskRecord(c, spec, created + i * 3_600_000, open ? null : actor);
      if (open && spec.groupId !== APPLICANT_GROUP) {
        task.assigneeId = adminOpen < plan.mineTasks ? holders.adminId : adminOpen < plan.mineTasks + plan.otherTasks ? holders.otherAdminId : null;
        adminOpen++;
      }
      tasks.push(task);
      if (open) audit.push(event(c.id, task.createdAt, null, 'task.created', task.id));
    });
    if (!running) audit.push(event(c.id, c.updatedAt, null, failed ? 'case.failed' : 'case.completed', null));
    await store.applyCaseChange({ expectedRev: null, case: c, newUser: user, openTasks: tasks, audit });
    if ((n + 1) % 5000 === 0 || n + 1 === plan.cases) onBatch(n + 1);
  }
}

/** The app's own projection (TaskRecord shape, due time, search text), then closed if `completedBy`. */
function taskRecord(c: CaseRecord, spec: UserTaskSpec, createdMs: number, completedBy: string | null): TaskRecord {
  const task = taskFromWaiting(c, { elementId: spec.id, spec }, new Date(createdMs));
  if (!completedBy) return task;
  const completedAt = new Date(createdMs + 1_800_000).toISOString();
  return { ...task, status: 'completed', completedAt, completedBy, assigneeId: spec.groupId === APPLICANT_GROUP ? null : completedBy };
}

function event(caseId: string, at: string, actor: UserRecord | null, type: AuditEvent['type'], taskId: string | null): AuditEvent {
  return { id: randomUUID(), caseId, at, actorId: actor?.id ?? null, actorName: actor?.displayName ?? null, type, taskId, data: {} };
}
