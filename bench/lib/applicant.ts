// A new PPBJ waiting at SOP step 3, made through the real services: the PPBJ pack's sign-up (src/packs/ppbj/sign-up-service.ts,
// step 2), then both contacts proved through VerificationService with the e-mail link and the
// WhatsApp code read from the outbox (as a person would; step 3 refuses unverified contacts).
// NOTE: the data repeats test/helpers/ppbj.ts on purpose: importing that module loads the HTTP test
// harness (supertest, cheerio, the whole app), ~57 MB of RSS the memory benchmark must not count.
import type { Services } from '../../src/composition.js';
import { APPLICANT_GROUP, type UserRecord } from '../../src/store/ports.js';
import { cheapHash } from './bench-services.js';
import { ppbjSignUp } from '../../src/packs/ppbj/sign-up-service.js';

let counter = 0;
export function newApplicant() {
  counter += 1;
  const password = 'kata-sandi-rahasia-1';
  return {
    displayName: `Budi Santoso ${counter}`, email: `bench${counter}.${Date.now()}@kalbarprov.go.id`, whatsapp: '081234567890',
    password, passwordConfirm: password, persetujuanPrivasi: 'ya',
  };
}

/** Valid "Mengisi Identitas PPBJ" (step 3) values, as test/helpers/ppbj.ts IDENTITY. */
export const IDENTITY = {
  nip: '19860926 201505 1 001', nik: '6171052609860003', gelarDepan: 'Ir.', namaLengkap: 'Budi Santoso', gelarBelakang: 'M.T.',
  pangkatGolongan: 'Penata (III/c)', jabatan: 'Pengelola Pengadaan Barang/Jasa Ahli Pertama', instansi: 'Pemerintah Provinsi Kalimantan Barat',
  perangkatDaerah: 'Dinas Pekerjaan Umum', unitKerja: 'Subbagian Umum', email: 'budi@kalbarprov.go.id', whatsapp: '+6281234567890',
};

export interface Applicant {
  data: ReturnType<typeof newApplicant>;
  user: UserRecord & { groups: string[] }; // the actor the case service takes
  taskId: string;
}

async function messageBody(services: Services, userId: string, kind: string, pattern: RegExp): Promise<string> {
  const message = (await services.store.listMessages({ userId, limit: 100 })).find((m) => m.kind === kind);
  const match = message ? pattern.exec(message.body) : null;
  if (!match?.[1]) throw new Error(`no ${kind} message with ${pattern} for user ${userId}`);
  return match[1];
}

export async function applicantAtStep3(services: Services): Promise<Applicant> {
  const { store, cases, verification, now } = services;
  const data = newApplicant();
  const { id } = await ppbjSignUp({ store, cases, now }).register(data, async (p) => cheapHash(p));
  const token = await messageBody(services, id, 'verify-email', /\/verifikasi\/email\/(\S+)/);
  const email = await verification.confirmEmailLink(decodeURIComponent(token));
  if (email.outcome !== 'verified') throw new Error(`e-mail link of ${data.email}: ${email.outcome}`);
  const code = await messageBody(services, id, 'verify-whatsapp', /\b(\d{6})\b/);
  const whatsapp = await verification.confirmWhatsapp((await store.getUser(id))!, code);
  if (whatsapp !== 'verified') throw new Error(`WhatsApp code of ${data.email}: ${whatsapp}`);
  const user = { ...(await store.getUser(id))!, groups: [] as string[] };
  const [task] = await store.listTasks({ applicantId: user.id, groupIds: [APPLICANT_GROUP] });
  if (task?.elementId !== 'MengisiIdentitas') throw new Error(`case of ${data.email} is not at step 3 (${task?.elementId})`);
  return { data, user, taskId: task.id };
}
