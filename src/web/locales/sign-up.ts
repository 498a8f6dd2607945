// Messages of the sign-up answer that looks the same whether or not the address has an account.
import type { Catalogue } from './catalogue.js';

export const signUp: Catalogue = {
  id: {
    'signUp.sent.title': 'Periksa Email Anda',
    'signUp.sent.text': 'Pendaftaran Anda sedang diproses. Kami telah mengirim pesan ke alamat email yang Anda isi, dan kode ke nomor WhatsApp Anda.',
    'signUp.sent.next': 'Buka tautan di email tersebut untuk memverifikasi alamat Anda, lalu masuk dan masukkan kode WhatsApp. Jika alamat itu sudah terdaftar, email tersebut menjelaskan cara masuk atau mengatur ulang kata sandi.',
    'signUp.login.hint': 'Akun baru dapat masuk setelah email diverifikasi lewat tautan yang kami kirim saat pendaftaran.',
    'signUp.link.expired': 'Tautan ini sudah kedaluwarsa. Gunakan "Lupa kata sandi" untuk menerima tautan baru; mengatur kata sandi juga memverifikasi email Anda.',
  },
  en: {
    'signUp.sent.title': 'Check your e-mail',
    'signUp.sent.text': 'Your sign-up is being processed. We sent a message to the e-mail address you entered, and a code to your WhatsApp number.',
    'signUp.sent.next': 'Open the link in that e-mail to verify your address, then log in and enter the WhatsApp code. If the address already has an account, the e-mail explains how to log in or reset the password.',
    'signUp.login.hint': 'A new account can log in once its e-mail is verified through the link we sent at sign-up.',
    'signUp.link.expired': 'This link has expired. Use "Forgot password" to receive a new link; setting a password also verifies your e-mail.',
  },
};
