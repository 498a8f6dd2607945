// E-mail to every active member of a group when a new task enters that group's queue (Kotak Masuk).
import { at, bilingual, subject, signature, type MessageText } from './compose.js';

export function taskCreated(d: { name: string; step: string; stepNo: number | null; applicantName: string; dueAt: string; link: string }): MessageText {
  const due = at(d.dueAt);
  const step = d.stepNo ? `${d.stepNo}. ${d.step}` : d.step;
  return {
    subject: subject(`Tugas baru: ${d.step} (${d.applicantName})`, `New task: ${d.step} (${d.applicantName})`),
    body: bilingual(
      `Yth. ${d.name},

Ada tugas baru di antrian Anda:
Langkah: ${step}
Pemohon: ${d.applicantName}
Batas waktu: ${due.id}

Buka Kotak Masuk: ${d.link}

${signature('id')}`,
      `Dear ${d.name},

A new task is in your queue:
Step: ${step}
Applicant: ${d.applicantName}
Due: ${due.en}

Open the inbox: ${d.link}

${signature('en')}`,
    ),
  };
}
