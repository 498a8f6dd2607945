// To the PPBJ when step 7 "Mengaktifkan Akun PPBJ" is done: the account is Aktif (e-mail and WhatsApp).
import { bilingual, subject, SIGNATURE_EN, SIGNATURE_ID, type MessageText } from './compose.js';

export function accountActivatedEmail(d: { name: string; systems: string[]; link: string }): MessageText {
  const systems = d.systems.join(', ') || '-';
  return {
    subject: subject('Akun PPBJ Anda aktif', 'Your PPBJ account is active'),
    body: bilingual(
      `Yth. ${d.name},

Akun PPBJ Anda telah diaktifkan pada sistem: ${systems}.
Status permohonan: ${d.link}

${SIGNATURE_ID}`,
      `Dear ${d.name},

Your PPBJ account has been activated on: ${systems}.
Application status: ${d.link}

${SIGNATURE_EN}`,
    ),
  };
}

export function accountActivatedWhatsapp(d: { systems: string[]; link: string }): MessageText {
  const systems = d.systems.join(', ') || '-';
  return {
    subject: null,
    body: bilingual(`Alur: akun PPBJ Anda telah aktif (${systems}). Status: ${d.link}`, `Alur: your PPBJ account is active (${systems}). Status: ${d.link}`),
  };
}
