// E-mail with the link that proves the address is active (SOP step 2 "e-Mail Aktif").
import { at, bilingual, subject, signature, type MessageText } from './compose.js';

export function verifyEmail(d: { name: string; link: string; expiresAt: string }): MessageText {
  const until = at(d.expiresAt);
  return {
    subject: subject('Verifikasi email akun Alur Anda', 'Verify the e-mail of your Alur account'),
    body: bilingual(
      `Yth. ${d.name},

Untuk memastikan email ini aktif, buka tautan berikut:
${d.link}

Tautan berlaku sampai ${until.id} dan hanya dapat dipakai sekali. Jika Anda tidak mendaftar di Alur, abaikan email ini.

${signature('id')}`,
      `Dear ${d.name},

To confirm that this e-mail address is active, open this link:
${d.link}

The link is valid until ${until.en} and works once. If you did not sign up for Alur, ignore this e-mail.

${signature('en')}`,
    ),
  };
}
