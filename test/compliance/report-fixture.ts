// A hand-computed history, driven through the real services with the test clock on Monday
// 2 November 2026 (WIB), all within working hours. Minutes per step (standard: 15, step 7: 5):
//   Ani   (A): 3:10  4:10 (taken +2, Admin)  5:30  6:15 (taken +10, Admin)  7:3 (Admin)     → ends 09.08, 68 min
//   Budi  (B): 3:20  4:20 (taken +10, Admin) 5:10  6:10 (+2, Admin Dua, RETURN sk-kedaluwarsa + data-tidak-sesuai)
//              5:40  6:10 (+5, Admin Dua)  7:4 (+0, Admin)                                  → ends 11.54, 114 min
//   Citra (C): 3:5   4:10 (+1, Admin Dua)  5:10  6:20 (+5, Admin, RETURN sk-kedaluwarsa)  5: open since 13.45
//   Dedi  (D): 3:10  4: open since 14.20, nobody holds it
// "Now" is 14.30 WIB: C's step 5 is 30 minutes late, D's step 4 is within its standard.
import { addAdmin, ADMIN2, type TestApp } from '../helpers/app.js';
import { completeStep, signUpAt, staff, wib } from './drive.js';

export const NOW = wib('2026-11-02T14:30');
const day = (hhmm: string) => wib(`2026-11-02T${hhmm}`);

export interface ReportFixture {
  cases: { A: string; B: string; C: string; D: string };
  adminId: string;
  admin2Id: string;
}

const RETURN_AB = { lengkap: 'tidak', alasanKode: ['sk-kedaluwarsa', 'data-tidak-sesuai'], alasan: '' };
const RETURN_C = { lengkap: 'tidak', alasanKode: ['sk-kedaluwarsa'], alasan: '' };

export async function buildReportFixture(t: TestApp): Promise<ReportFixture> {
  await addAdmin(t.services.store, ADMIN2, 'admin-2');
  const { admin } = await staff(t);
  const admin2 = (await t.services.store.getUser('admin-2'))!;

  const a = await signUpAt(t, day('08:00'), 'Ani Lestari');
  await completeStep(t, a.caseId, 'MengisiIdentitas', a.user, day('08:10'));
  await completeStep(t, a.caseId, 'MelakukanVerifikasi', admin, day('08:20'), { takeAt: day('08:12') });
  await completeStep(t, a.caseId, 'MelengkapiInformasi', a.user, day('08:50'));
  await completeStep(t, a.caseId, 'MemeriksaInformasi', admin, day('09:05'), { takeAt: day('09:00') });
  await completeStep(t, a.caseId, 'MengaktifkanAkun', admin, day('09:08'), { takeAt: day('09:06') });

  const b = await signUpAt(t, day('10:00'), 'Budi Santoso');
  await completeStep(t, b.caseId, 'MengisiIdentitas', b.user, day('10:20'));
  await completeStep(t, b.caseId, 'MelakukanVerifikasi', admin, day('10:40'), { takeAt: day('10:30') });
  await completeStep(t, b.caseId, 'MelengkapiInformasi', b.user, day('10:50'));
  await completeStep(t, b.caseId, 'MemeriksaInformasi', admin2, day('11:00'), { takeAt: day('10:52'), values: RETURN_AB });
  await completeStep(t, b.caseId, 'MelengkapiInformasi', b.user, day('11:40'));
  await completeStep(t, b.caseId, 'MemeriksaInformasi', admin2, day('11:50'), { takeAt: day('11:45') });
  await completeStep(t, b.caseId, 'MengaktifkanAkun', admin, day('11:54'), { takeAt: day('11:50') });

  const c = await signUpAt(t, day('13:00'), 'Citra Dewi');
  await completeStep(t, c.caseId, 'MengisiIdentitas', c.user, day('13:05'));
  await completeStep(t, c.caseId, 'MelakukanVerifikasi', admin2, day('13:15'), { takeAt: day('13:06') });
  await completeStep(t, c.caseId, 'MelengkapiInformasi', c.user, day('13:25'));
  await completeStep(t, c.caseId, 'MemeriksaInformasi', admin, day('13:45'), { takeAt: day('13:30'), values: RETURN_C });

  const d = await signUpAt(t, day('14:10'), 'Dedi Kurniawan');
  await completeStep(t, d.caseId, 'MengisiIdentitas', d.user, day('14:20'));

  t.clock.now = NOW;
  return { cases: { A: a.caseId, B: b.caseId, C: c.caseId, D: d.caseId }, adminId: admin.id, admin2Id: admin2.id };
}
