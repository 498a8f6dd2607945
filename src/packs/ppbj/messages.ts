// Texts of the PPBJ pack (Bahasa Indonesia and English), merged into the i18n tables at composition:
// its coded forms' titles and intros, and the office running this deployment (footer, privacy notice),
// which replace the core's generic wording.
import type { Catalogue } from '../../web/locales/catalogue.js';
import { PPBJ_FORM_TEXTS } from './forms/form-texts.js';

export const PPBJ_MESSAGES: Catalogue = {
  id: {
    ...PPBJ_FORM_TEXTS.id, // the review forms' decisions, return reasons and errors
    // refusals of the pack's model rules (model-rules.ts)
    'problem.ppbj-sign-up-step-missing': 'Proses pendaftaran memerlukan tugas pengguna dengan id “{step}” (langkah 2 SOP, Membuat Akun PPBJ): pendaftaran akun memulai proses dan menyelesaikan langkah itu. Kembalikan langkah tersebut.',
    'problem.ppbj-sign-up-step-form': '{el}: formulirnya harus camunda:formKey “{form}”, bukan “{actual}”, karena pendaftaran mengisinya dengan formulir registrasi.',
    'problem.ppbj-sign-up-step-group': '{el}: pelaksananya harus grup “{group}”, bukan “{actual}”, karena pemohon baru menyelesaikannya saat mendaftar. Letakkan di lane Pemohon.',
    'problem.ppbj-sign-up-start-fails': 'Proses tidak dapat dimulai ({detail}); perbaiki alurnya sebelum deploy.',
    'problem.ppbj-sign-up-not-waiting': 'Proses pendaftaran harus langsung menunggu di “{step}” begitu dimulai, tetapi menunggu di {at}. Hubungkan awal proses ke langkah itu.',
    'problem.ppbj-sign-up-complete-fails': 'Menyelesaikan “{step}” saat pendaftaran gagal ({detail}); perbaiki alur setelah langkah itu.',
    // the office that runs this deployment (overrides the core's generic wording)
    'message.signature': 'Biro Pengadaan Barang/Jasa Setda Provinsi Kalimantan Barat',
    'footer.text': 'Alur · Biro Pengadaan Barang/Jasa Setda Provinsi Kalimantan Barat',
    'privacy.controller.text': 'Biro Pengadaan Barang/Jasa Sekretariat Daerah Provinsi Kalimantan Barat.',
    'privacy.purpose.text': 'Memverifikasi identitas dan penugasan Anda sebagai Pengelola Pengadaan Barang/Jasa, lalu membuat dan mengaktifkan akun PPBJ Anda sesuai SOP Pendaftaran Akun PPBJ.',
    'privacy.basis.text': 'UU 27/2022 tentang Pelindungan Data Pribadi Pasal 20 ayat (2) huruf c (pemenuhan kewajiban hukum) dan huruf e (pelaksanaan tugas dalam rangka kepentingan umum dan pelayanan publik), dengan Perpres 16/2018 beserta perubahannya tentang Pengadaan Barang/Jasa Pemerintah.',
    'privacy.data.text': 'Nama dan gelar, NIP, NIK, pangkat/golongan, jabatan, instansi, perangkat daerah, unit kerja, email, nomor WhatsApp, peran pengadaan, serta Surat Keputusan atau Surat Tugas beserta nomor, tanggal dan masa berlakunya.',
    'privacy.contact.text': 'Pejabat Pelindungan Data Pribadi, Biro Pengadaan Barang/Jasa Setda Provinsi Kalimantan Barat, Jl. Ahmad Yani, Pontianak.',
    // the coded forms of the PPBJ process (src/packs/ppbj/forms)
    'form.registrasi.title': 'Membuat Akun PPBJ',
    'form.registrasi.intro': 'Gunakan email aktif dan nomor WhatsApp aktif. Keduanya dipakai untuk pemberitahuan tentang permohonan Anda.',
    'form.identitas.title': 'Mengisi Identitas PPBJ',
    'form.identitas.intro': 'Isi identitas Anda sesuai data kepegawaian.',
    'form.verifikasi.title': 'Melakukan Verifikasi',
    'form.verifikasi.intro': 'Periksa data identitas PPBJ, lalu pilih Sesuai atau Tidak sesuai. Jika tidak sesuai, identitas dikembalikan kepada pemohon untuk diperbaiki.',
    'form.informasi.title': 'Melengkapi Informasi PPBJ',
    'form.informasi.intro': 'Lengkapi peran pengadaan Anda dan unggah Surat Keputusan atau Surat Tugas.',
    'form.periksa.title': 'Memeriksa Informasi PPBJ',
    'form.periksa.intro': 'Jika lengkap, akun PPBJ diaktifkan. Jika tidak, permohonan dikembalikan untuk dilengkapi.',
    'form.aktivasi.title': 'Mengaktifkan Akun PPBJ',
    'form.aktivasi.intro': 'Pilih sistem tempat akun PPBJ diaktifkan.',
    'status.aktif': 'Aktif', // a finished PPBJ case: its account is active (the aktivasi form's completedStatus)
    // the applicant's start and end pages (ProcessPack.applicantTexts)
    'ppbj.audience': 'Pengelola Pengadaan Barang/Jasa di lingkungan Pemerintah Provinsi Kalimantan Barat (PPK, Pejabat Pengadaan, Pokja Pemilihan, PA/KPA, Agen Pengadaan dan personel lainnya) yang ditugaskan dengan Surat Keputusan atau Surat Tugas.',
    'ppbj.completed.title': 'Akun PPBJ Anda aktif',
    'ppbj.completed.text': 'Akun PPBJ Anda telah diaktifkan pada sistem di bawah ini. Masuk ke setiap sistem seperti tertulis di sana, lalu ganti kata sandi saat pertama kali masuk. Simpan bukti permohonan untuk arsip Anda.',
    'ppbj.login.sirup': 'Masuk di sirup.lkpp.go.id dengan nama pengguna dan kata sandi yang dikirim Admin PPE ke email Anda.',
    'ppbj.login.spse': 'Masuk di SPSE (LPSE Provinsi Kalimantan Barat) dengan nama pengguna dan kata sandi yang dikirim Admin PPE ke email Anda.',
    'ppbj.login.sipraja': 'Masuk di SiPRAJA dengan nama pengguna dan kata sandi yang dikirim Admin PPE ke email Anda.',
    'field.peran': 'Peran pengadaan',
  },
  en: {
    ...PPBJ_FORM_TEXTS.en,
    'problem.ppbj-sign-up-step-missing': 'The sign-up process needs a user task with the id “{step}” (SOP step 2, Membuat Akun PPBJ): account sign-up starts the process and completes that step. Put the step back.',
    'problem.ppbj-sign-up-step-form': '{el}: its form must be camunda:formKey “{form}”, not “{actual}”, because sign-up fills it with the registration form.',
    'problem.ppbj-sign-up-step-group': '{el}: it must be done by group “{group}”, not “{actual}”, because the new applicant completes it at sign-up. Put it in the Pemohon lane.',
    'problem.ppbj-sign-up-start-fails': 'The process cannot start ({detail}); fix its flow before deploying.',
    'problem.ppbj-sign-up-not-waiting': 'The sign-up process must wait at “{step}” as soon as it starts, but it waits at {at}. Connect the start to that step.',
    'problem.ppbj-sign-up-complete-fails': 'Completing “{step}” at sign-up fails ({detail}); fix the flow after that step.',
    // the office that runs this deployment (overrides the core's generic wording)
    'message.signature': 'Procurement Bureau, Regional Secretariat of West Kalimantan Province',
    'footer.text': 'Alur · Procurement Bureau, Regional Secretariat of West Kalimantan Province',
    'privacy.controller.text': 'Procurement Bureau (Biro Pengadaan Barang/Jasa), Regional Secretariat of West Kalimantan Province.',
    'privacy.purpose.text': 'To verify your identity and your assignment as a procurement officer, and to create and activate your PPBJ account under the PPBJ account registration SOP.',
    'privacy.basis.text': 'Law 27/2022 on Personal Data Protection, Article 20(2)(c) (legal obligation) and (e) (public interest and public service), with Presidential Regulation 16/2018 and its amendments on government procurement.',
    'privacy.data.text': 'Name and titles, NIP, NIK, rank/grade, position, agency, regional office, work unit, e-mail, WhatsApp number, procurement role, and your Surat Keputusan or Surat Tugas with its number, date and validity.',
    'privacy.contact.text': 'Personal Data Protection Officer, Procurement Bureau, Regional Secretariat of West Kalimantan Province, Jl. Ahmad Yani, Pontianak.',
    // the coded forms of the PPBJ process (src/packs/ppbj/forms)
    'form.registrasi.title': 'Create a PPBJ Account',
    'form.registrasi.intro': 'Use an active email address and an active WhatsApp number. Both are used for notices about your application.',
    'form.identitas.title': 'Fill in PPBJ Identity',
    'form.identitas.intro': 'Fill in your identity as in your civil service records.',
    'form.verifikasi.title': 'Verify Identity',
    'form.verifikasi.intro': 'Check the PPBJ identity data, then choose Correct or Not correct. If not correct, the identity is returned to the applicant to be corrected.',
    'form.informasi.title': 'Complete PPBJ Information',
    'form.informasi.intro': 'Complete your procurement role and upload your Surat Keputusan or Surat Tugas.',
    'form.periksa.title': 'Check PPBJ Information',
    'form.periksa.intro': 'If complete, the PPBJ account is activated. If not, the application is returned to be completed.',
    'form.aktivasi.title': 'Activate PPBJ Account',
    'form.aktivasi.intro': 'Choose the systems the PPBJ account is activated for.',
    'status.aktif': 'Active',
    'ppbj.audience': 'Procurement officers of the West Kalimantan provincial government (PPK, procurement officials, selection working groups, PA/KPA, procurement agents and other personnel) assigned by a Surat Keputusan or Surat Tugas.',
    'ppbj.completed.title': 'Your PPBJ account is active',
    'ppbj.completed.text': 'Your PPBJ account has been activated on the systems below. Log in to each as described there, then change the password when you first log in. Keep the receipt for your records.',
    'ppbj.login.sirup': 'Log in at sirup.lkpp.go.id with the user name and password the Admin PPE sent to your e-mail.',
    'ppbj.login.spse': 'Log in to SPSE (the West Kalimantan LPSE) with the user name and password the Admin PPE sent to your e-mail.',
    'ppbj.login.sipraja': 'Log in to SiPRAJA with the user name and password the Admin PPE sent to your e-mail.',
    'field.peran': 'Procurement role',
  },
};
