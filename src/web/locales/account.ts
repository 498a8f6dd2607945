// Messages of the plain applicant account sign-up (/akun/daftar) and its link on the login page.
import type { Catalogue } from './catalogue.js';

export const account: Catalogue = {
  id: {
    'account.create': 'Buat akun',
    'account.signUp.title': 'Buat Akun',
    'account.signUp.intro': 'Akun pemohon untuk mengajukan layanan. Gunakan email aktif: kami mengirim tautan untuk memverifikasinya, dan Anda dapat masuk setelah email terverifikasi.',
    'account.signUp.submit': 'Buat akun',
    'account.whatsapp.hint': 'Opsional. Contoh: 081234567890 atau +6281234567890. Jika diisi, kami mengirim kode untuk memverifikasinya.',
    'account.sent.title': 'Periksa Email Anda',
    'account.sent.text': 'Kami telah mengirim pesan ke alamat email yang Anda isi, dan kode ke nomor WhatsApp Anda jika Anda mengisinya.',
    'account.sent.next': 'Buka tautan di email tersebut untuk memverifikasi alamat Anda, lalu masuk. Jika alamat itu sudah terdaftar, email tersebut menjelaskan cara masuk atau mengatur ulang kata sandi.',
  },
  en: {
    'account.create': 'Create an account',
    'account.signUp.title': 'Create an Account',
    'account.signUp.intro': 'An applicant account to apply for services. Use an active e-mail address: we send a link to verify it, and you can log in once it is verified.',
    'account.signUp.submit': 'Create account',
    'account.whatsapp.hint': 'Optional. E.g. 081234567890 or +6281234567890. If given, we send a code to verify it.',
    'account.sent.title': 'Check your e-mail',
    'account.sent.text': 'We sent a message to the e-mail address you entered, and a code to your WhatsApp number if you entered one.',
    'account.sent.next': 'Open the link in that e-mail to verify your address, then log in. If the address already has an account, the e-mail explains how to log in or reset the password.',
  },
};
