// E-mail to the owner of an address someone tried to sign up with again: no account was created;
// if it was them, they log in or reset the password.
import { bilingual, subject, SIGNATURE_EN, SIGNATURE_ID, type MessageText } from '../notifications/templates/compose.js';

export function signUpExisting(d: { name: string; loginLink: string; resetLink: string }): MessageText {
  return {
    subject: subject('Percobaan pendaftaran dengan email Anda', 'A sign-up attempt with your e-mail'),
    body: bilingual(
      `Yth. ${d.name},

Seseorang mencoba mendaftar di Alur dengan alamat email ini, yang sudah memiliki akun. Tidak ada akun baru yang dibuat.

Jika itu Anda, masuk dengan akun yang ada:
${d.loginLink}
atau, jika lupa kata sandi, atur ulang di sini:
${d.resetLink}

Jika bukan Anda, abaikan email ini; akun Anda tidak berubah.

${SIGNATURE_ID}`,
      `Dear ${d.name},

Someone tried to sign up for Alur with this e-mail address, which already has an account. No new account was created.

If it was you, log in with your existing account:
${d.loginLink}
or, if you forgot the password, reset it here:
${d.resetLink}

If it was not you, ignore this e-mail; your account is unchanged.

${SIGNATURE_EN}`,
    ),
  };
}
