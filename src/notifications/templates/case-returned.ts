// To the PPBJ when step 6 "Memeriksa Informasi PPBJ" finds the information incomplete (e-mail and WhatsApp).
import { bilingual, subject, SIGNATURE_EN, SIGNATURE_ID, type MessageText } from './compose.js';

export function caseReturnedEmail(d: { name: string; reasons: string; link: string }): MessageText {
  return {
    subject: subject('Permohonan akun PPBJ dikembalikan – perlu dilengkapi', 'PPBJ account application returned – please complete it'),
    body: bilingual(
      `Yth. ${d.name},

Admin PPE telah memeriksa informasi PPBJ Anda dan mengembalikannya untuk dilengkapi dengan alasan:
${d.reasons}

Lengkapi kembali melalui Tugas Saya: ${d.link}

${SIGNATURE_ID}`,
      `Dear ${d.name},

The Admin PPE checked your PPBJ information and returned it for completion, for these reasons:
${d.reasons}

Complete it again from My Tasks: ${d.link}

${SIGNATURE_EN}`,
    ),
  };
}

export function caseReturnedWhatsapp(d: { reasons: string; link: string }): MessageText {
  return {
    subject: null,
    body: bilingual(
      `Alur: permohonan akun PPBJ Anda dikembalikan untuk dilengkapi. Alasan: ${d.reasons}\nLengkapi di ${d.link}`,
      `Alur: your PPBJ account application was returned for completion. Reasons: ${d.reasons}\nComplete it at ${d.link}`,
    ),
  };
}
