// E-mail with the link to set a new password ("Lupa kata sandi").
import { at, bilingual, subject, signature, type MessageText } from './compose.js';

export function passwordReset(d: { name: string; link: string; expiresAt: string }): MessageText {
  const until = at(d.expiresAt);
  return {
    subject: subject('Atur ulang kata sandi Alur', 'Reset your Alur password'),
    body: bilingual(
      `Yth. ${d.name},

Kami menerima permintaan untuk mengatur ulang kata sandi akun Alur Anda. Buka tautan berikut untuk membuat kata sandi baru:
${d.link}

Tautan berlaku sampai ${until.id} dan hanya dapat dipakai sekali. Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.

${signature('id')}`,
      `Dear ${d.name},

We received a request to reset the password of your Alur account. Open this link to choose a new password:
${d.link}

The link is valid until ${until.en} and works once. If you did not ask for this, ignore this e-mail; your password stays the same.

${signature('en')}`,
    ),
  };
}
