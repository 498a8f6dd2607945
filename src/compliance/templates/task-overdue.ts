// Messages of a step past its SOP time standard (Mutu Baku Waktu): the reminder to the role that
// holds it, and the escalation to the configured supervising role. Bahasa Indonesia first.
import { at, bilingual, subject, signature, type MessageText } from '../../notifications/templates/compose.js';
import { formatDuration } from '../../web/i18n.js';

export interface OverdueFacts {
  name: string; // recipient
  step: string;
  stepNo: number | null;
  applicantName: string;
  dueAt: string;
  timeStandard: string; // ISO-8601, e.g. PT15M
  link: string;
}

const stepOf = (d: OverdueFacts) => (d.stepNo ? `${d.stepNo}. ${d.step}` : d.step);

export function taskOverdue(d: OverdueFacts): MessageText {
  const due = at(d.dueAt);
  return {
    subject: subject(`Terlambat: ${d.step} (${d.applicantName})`, `Overdue: ${d.step} (${d.applicantName})`),
    body: bilingual(
      `Yth. ${d.name},

Langkah berikut melewati Mutu Baku Waktu SOP (${formatDuration(d.timeStandard, 'id')}) dan ditandai Terlambat:
Langkah: ${stepOf(d)}
Pemohon: ${d.applicantName}
Batas waktu: ${due.id}

Mohon segera diselesaikan: ${d.link}

${signature('id')}`,
      `Dear ${d.name},

This step passed the SOP time standard (${formatDuration(d.timeStandard, 'en')}) and is marked overdue:
Step: ${stepOf(d)}
Applicant: ${d.applicantName}
Due: ${due.en}

Please complete it soon: ${d.link}

${signature('en')}`,
    ),
  };
}

export function taskEscalated(d: OverdueFacts & { holder: string }): MessageText {
  const due = at(d.dueAt);
  return {
    subject: subject(`Eskalasi: ${d.step} terlambat (${d.applicantName})`, `Escalation: ${d.step} overdue (${d.applicantName})`),
    body: bilingual(
      `Yth. ${d.name},

Langkah berikut melewati Mutu Baku Waktu SOP (${formatDuration(d.timeStandard, 'id')}) dan dieskalasikan kepada Anda:
Langkah: ${stepOf(d)}
Pemohon: ${d.applicantName}
Pemegang: ${d.holder}
Batas waktu: ${due.id}

Lihat permohonan: ${d.link}

${signature('id')}`,
      `Dear ${d.name},

This step passed the SOP time standard (${formatDuration(d.timeStandard, 'en')}) and is escalated to you:
Step: ${stepOf(d)}
Applicant: ${d.applicantName}
Held by: ${d.holder}
Due: ${due.en}

See the application: ${d.link}

${signature('en')}`,
    ),
  };
}
