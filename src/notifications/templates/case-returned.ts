// To the applicant when a step returns their case with reasons (FormEffects.returnedReasons), e.g.
// information found incomplete (e-mail and WhatsApp), naming the process.
import { bilingual, signature, subject, type MessageText } from './compose.js';

export interface CaseReturnedFacts {
  name: string;
  reasons: string;
  link: string;
  processName?: string; // the process's name from its model
}

const about = (p: string | undefined, prefix: string): string => (p ? `${prefix}${p}` : '');
const paren = (p: string | undefined): string => (p ? ` (${p})` : '');

export function caseReturnedEmail(d: CaseReturnedFacts): MessageText {
  return {
    subject: subject(`Permohonan Anda dikembalikan – perlu dilengkapi${about(d.processName, ' – ')}`, `Your application was returned – please complete it${about(d.processName, ' – ')}`),
    body: bilingual(
      `Yth. ${d.name},

Petugas telah memeriksa permohonan Anda${paren(d.processName)} dan mengembalikannya untuk dilengkapi dengan alasan:
${d.reasons}

Lengkapi kembali melalui Tugas Saya: ${d.link}

${signature('id')}`,
      `Dear ${d.name},

Our staff checked your application${paren(d.processName)} and returned it for completion, for these reasons:
${d.reasons}

Complete it again from My Tasks: ${d.link}

${signature('en')}`,
    ),
  };
}

export function caseReturnedWhatsapp(d: Omit<CaseReturnedFacts, 'name'>): MessageText {
  return {
    subject: null,
    body: bilingual(
      `Alur: permohonan Anda${paren(d.processName)} dikembalikan untuk dilengkapi. Alasan: ${d.reasons}\nLengkapi di ${d.link}`,
      `Alur: your application${paren(d.processName)} was returned for completion. Reasons: ${d.reasons}\nComplete it at ${d.link}`,
    ),
  };
}
