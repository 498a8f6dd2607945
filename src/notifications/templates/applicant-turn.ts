// To the applicant when it is their turn again (a step of theirs opens after the office's step, e.g.
// the applicant's correction step after the office's check), and the reminder when their own step
// has waited long (e-mail and WhatsApp), naming the step, the process and the nomor permohonan.
import { bilingual, signature, subject, type MessageText } from './compose.js';

export interface ApplicantTurnFacts {
  name: string;
  step: string;
  link: string;
  processName?: string;
  caseNumber?: string;
  /** The reminder: how many days the step has waited. */
  waitedDays?: number;
}

const number = (n: string | undefined, label: string): string => (n ? `\n${label}: ${n}` : '');

export function applicantTurnEmail(d: ApplicantTurnFacts): MessageText {
  const reminder = d.waitedDays !== undefined;
  const about = d.processName ? ` – ${d.processName}` : '';
  return {
    subject: reminder
      ? subject(`Pengingat: langkah Anda menunggu${about}`, `Reminder: your step is waiting${about}`)
      : subject(`Giliran Anda: ${d.step}${about}`, `Your turn: ${d.step}${about}`),
    body: bilingual(
      `Yth. ${d.name},

${reminder ? `Langkah "${d.step}" sudah menunggu Anda selama ${d.waitedDays} hari.` : `Permohonan Anda sudah diproses petugas. Sekarang giliran Anda: "${d.step}".`}${number(d.caseNumber, 'Nomor permohonan')}${d.processName ? `\nLayanan: ${d.processName}` : ''}

Lanjutkan di: ${d.link}

${signature('id')}`,
      `Dear ${d.name},

${reminder ? `The step "${d.step}" has been waiting for you for ${d.waitedDays} days.` : `Our staff have processed your application. It is now your turn: "${d.step}".`}${number(d.caseNumber, 'Application number')}${d.processName ? `\nService: ${d.processName}` : ''}

Continue at: ${d.link}

${signature('en')}`,
    ),
  };
}

export function applicantTurnWhatsapp(d: Omit<ApplicantTurnFacts, 'name'>): MessageText {
  const n = d.caseNumber ? ` (${d.caseNumber})` : '';
  return {
    subject: null,
    body: bilingual(
      d.waitedDays !== undefined
        ? `Alur: pengingat, langkah "${d.step}" permohonan Anda${n} menunggu sejak ${d.waitedDays} hari. Lanjutkan di ${d.link}`
        : `Alur: giliran Anda, "${d.step}" pada permohonan Anda${n}. Lanjutkan di ${d.link}`,
      d.waitedDays !== undefined
        ? `Alur: reminder, the step "${d.step}" of your application${n} has waited ${d.waitedDays} days. Continue at ${d.link}`
        : `Alur: your turn, "${d.step}" of your application${n}. Continue at ${d.link}`,
    ),
  };
}
