// E-mails of staff administration: an invitation and a password reset asked for by an
// administrator, each with a set-password link (Indonesian, then English, like every notification).
import { at, bilingual, subject, signature, type MessageText } from '../notifications/templates/compose.js';

export function staffInvitation(d: { name: string; roleId: string; roleEn: string; invitedBy: string; link: string; expiresAt: string }): MessageText {
  const until = at(d.expiresAt);
  return {
    subject: subject('Undangan akun staf Alur', 'Your Alur staff account invitation'),
    body: bilingual(
      `Yth. ${d.name},

${d.invitedBy} membuatkan akun Alur untuk Anda sebagai ${d.roleId}. Buka tautan berikut untuk membuat kata sandi Anda dan mengaktifkan akun:
${d.link}

Tautan berlaku sampai ${until.id} dan hanya dapat dipakai sekali. Jika Anda tidak mengenal undangan ini, abaikan email ini.

${signature('id')}`,
      `Dear ${d.name},

${d.invitedBy} created an Alur account for you as ${d.roleEn}. Open this link to choose your password and activate the account:
${d.link}

The link is valid until ${until.en} and works once. If you do not recognise this invitation, ignore this e-mail.

${signature('en')}`,
    ),
  };
}

export function staffPasswordReset(d: { name: string; link: string; expiresAt: string }): MessageText {
  const until = at(d.expiresAt);
  return {
    subject: subject('Kata sandi Alur Anda diatur ulang', 'Your Alur password was reset'),
    body: bilingual(
      `Yth. ${d.name},

Administrator Alur mengatur ulang kata sandi akun Anda; kata sandi lama tidak berlaku lagi. Buka tautan berikut untuk membuat kata sandi baru:
${d.link}

Tautan berlaku sampai ${until.id} dan hanya dapat dipakai sekali. Setelah itu, gunakan "Lupa kata sandi" di halaman masuk.

${signature('id')}`,
      `Dear ${d.name},

An Alur administrator reset the password of your account; the old password no longer works. Open this link to choose a new password:
${d.link}

The link is valid until ${until.en} and works once. After that, use "Forgot password" on the login page.

${signature('en')}`,
    ),
  };
}
