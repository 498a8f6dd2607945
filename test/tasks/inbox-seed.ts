// Many open Admin PPE tasks at once, written through the store port (one case change per case,
// as the app writes them), for paging tests. The inbox never reads engine state, so it is empty.
import { randomUUID } from 'node:crypto';
import { UNVERIFIED } from '../../src/auth/user-defaults.js';
import type { Store, TaskRecord, UserRecord } from '../../src/store/ports.js';

export interface SeedTask {
  name: string;
  elementId: 'MelakukanVerifikasi' | 'MemeriksaInformasi' | 'MengaktifkanAkun';
  createdAt: Date;
  nik: string;
  groupId?: string; // default the step's group, admin-ppe
  processKey?: string; // default the PPBJ registration's
}

const STEPS = {
  MelakukanVerifikasi: { name: 'Melakukan Verifikasi', stepNo: 4, formKey: 'verifikasi-identitas', minutes: 15 },
  MemeriksaInformasi: { name: 'Memeriksa Informasi PPBJ', stepNo: 6, formKey: 'periksa-informasi', minutes: 15 },
  MengaktifkanAkun: { name: 'Mengaktifkan Akun PPBJ', stepNo: 7, formKey: 'aktivasi-akun', minutes: 5 },
} as const;

/** Writes one running case with one unassigned open task per entry; returns the task ids in order. */
export async function seedQueue(store: Store, definitionId: string, entries: SeedTask[]): Promise<string[]> {
  const ids: string[] = [];
  for (const e of entries) {
    const step = STEPS[e.elementId];
    const at = e.createdAt.toISOString();
    const email = `${e.name.toLowerCase().replace(/\W+/g, '.')}@kalbarprov.go.id`;
    const user: UserRecord = {
      id: randomUUID(), email, whatsapp: '+6281234567890', displayName: e.name, role: 'applicant',
      passwordHash: 'scrypt$unused', status: 'registered', createdAt: at, ...UNVERIFIED,
    };
    const caseId = randomUUID();
    const processKey = e.processKey ?? 'pendaftaran-akun-ppbj';
    const task: TaskRecord = {
      id: randomUUID(), caseId, processKey, applicantId: user.id, applicantName: e.name, elementId: e.elementId, name: step.name,
      stepNo: step.stepNo, groupId: e.groupId ?? 'admin-ppe', formKey: step.formKey, assigneeId: null, status: 'open', createdAt: at,
      dueAt: new Date(e.createdAt.getTime() + step.minutes * 60_000).toISOString(), timeStandard: `PT${step.minutes}M`,
      completedAt: null, completedBy: null, searchText: `${e.name} ${email}`.toLowerCase(),
    };
    await store.applyCaseChange({
      expectedRev: null,
      case: {
        id: caseId, definitionId, processKey, definitionVersion: 1, applicantId: user.id,
        applicantName: e.name, status: 'running', engineState: Buffer.alloc(0), rev: 1, error: null, createdAt: at, updatedAt: at,
        data: { 'ppbj-registrasi': { email }, 'ppbj-identitas': { namaLengkap: e.name, nik: e.nik, email } },
      },
      newUser: user,
      openTasks: [task],
      audit: [],
    });
    ids.push(task.id);
  }
  return ids;
}
