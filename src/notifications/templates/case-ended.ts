// To the applicant when their case ends: completed (with the end page and its receipt), withdrawn by
// them, or closed by staff as abandoned (e-mail and WhatsApp), naming the process and the number.
import { bilingual, signature, subject, type MessageText } from './compose.js';

export type CaseEnd = 'completed' | 'withdrawn' | 'closed';

export interface CaseEndedFacts {
  name: string;
  end: CaseEnd;
  link: string;
  processName?: string;
  caseNumber?: string;
}

const ID: Record<CaseEnd, string> = {
  completed: 'telah selesai. Hasil dan bukti permohonan dapat Anda lihat dan unduh di',
  withdrawn: 'telah Anda tarik. Rinciannya di',
  closed: 'ditutup oleh petugas karena lama tidak dilanjutkan. Anda dapat mengajukan permohonan baru kapan saja. Rinciannya di',
};
const EN: Record<CaseEnd, string> = {
  completed: 'is complete. See the result and download the receipt at',
  withdrawn: 'was withdrawn by you. Details at',
  closed: 'was closed by our staff because it was not continued for a long time. You can apply again at any time. Details at',
};
const SUBJECT: Record<CaseEnd, [string, string]> = {
  completed: ['Permohonan Anda selesai', 'Your application is complete'],
  withdrawn: ['Permohonan Anda ditarik', 'Your application was withdrawn'],
  closed: ['Permohonan Anda ditutup', 'Your application was closed'],
};

export function caseEndedEmail(d: CaseEndedFacts): MessageText {
  const n = d.caseNumber ? ` ${d.caseNumber}` : '';
  const about = d.processName ? ` (${d.processName})` : '';
  const [sid, sen] = SUBJECT[d.end];
  return {
    subject: subject(`${sid}${n}`, `${sen}${n}`),
    body: bilingual(
      `Yth. ${d.name},\n\nPermohonan Anda${n}${about} ${ID[d.end]}: ${d.link}\n\n${signature('id')}`,
      `Dear ${d.name},\n\nYour application${n}${about} ${EN[d.end]}: ${d.link}\n\n${signature('en')}`,
    ),
  };
}

export function caseEndedWhatsapp(d: Omit<CaseEndedFacts, 'name'>): MessageText {
  const n = d.caseNumber ? ` ${d.caseNumber}` : '';
  return { subject: null, body: bilingual(`Alur: permohonan Anda${n} ${ID[d.end]} ${d.link}`, `Alur: your application${n} ${EN[d.end]} ${d.link}`) };
}
