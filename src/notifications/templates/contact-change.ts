// To a NEW e-mail address or WhatsApp number typed in a form: the link that proves it before it replaces
// the account's verified contact (src/notifications/contact-change.ts).
import { at, bilingual, signature, subject, type MessageText } from './compose.js';

export function contactChangeEmail(d: { name: string; link: string; expiresAt: string }): MessageText {
  const until = at(d.expiresAt);
  return {
    subject: subject('Verifikasi email baru akun Alur Anda', 'Verify the new e-mail of your Alur account'),
    body: bilingual(
      `Yth. ${d.name},\n\nAnda menulis alamat email ini di formulir permohonan. Untuk memakainya sebagai email akun Anda, buka tautan berikut:\n${d.link}\n\nTautan berlaku sampai ${until.id} dan hanya dapat dipakai sekali. Sampai itu, email lama Anda tetap dipakai. Jika bukan Anda, abaikan email ini.\n\n${signature('id')}`,
      `Dear ${d.name},\n\nYou wrote this e-mail address in an application form. To use it as your account's e-mail, open this link:\n${d.link}\n\nThe link is valid until ${until.en} and works once. Until then your old address stays in use. If this was not you, ignore this e-mail.\n\n${signature('en')}`,
    ),
  };
}

export function contactChangeWhatsapp(d: { link: string }): MessageText {
  return {
    subject: null,
    body: bilingual(
      `Alur: buka tautan ini untuk memakai nomor ini sebagai nomor WhatsApp akun Anda: ${d.link} (sekali pakai). Jika bukan Anda, abaikan pesan ini.`,
      `Alur: open this link to use this number as your account's WhatsApp number: ${d.link} (works once). If this was not you, ignore this message.`,
    ),
  };
}
