// Texts of the PPBJ review forms (ppbj-forms.ts) in both languages: the step 4 decision, the identity
// return reasons, and the error of each decision field in its own words (never a bare "Wajib diisi").
import type { Catalogue } from '../../../web/locales/catalogue.js';

export const PPBJ_FORM_TEXTS: Catalogue = {
  id: {
    'field.sesuai': 'Hasil verifikasi',
    'field.sesuai.ya': 'Sesuai',
    'field.sesuai.tidak': 'Tidak sesuai',
    'field.sesuai.required': 'Pilih Sesuai atau Tidak sesuai',
    'field.lengkap.required': 'Pilih Lengkap atau Tidak lengkap',
    'field.alasanKode.hint.sesuai': 'Wajib dipilih minimal satu jika tidak sesuai. Bagian formulir yang terkait ditandai untuk pemohon.',
    'field.alasanKode.required': 'Pilih minimal satu alasan pengembalian',
    'field.alasanCatatan.required': 'Tulis catatan untuk pemohon: alasan “Lainnya” atau tanpa alasan yang dicentang perlu dijelaskan',
    'field.sistem.required': 'Pilih sistem yang diaktifkan',
    'reason.nip-tidak-sesuai': 'NIP tidak sesuai',
    'reason.nik-tidak-sesuai': 'NIK tidak sesuai',
    'reason.nama-tidak-sesuai': 'Nama atau gelar tidak sesuai',
    'reason.jabatan-tidak-sesuai': 'Pangkat/golongan atau jabatan tidak sesuai',
    'reason.instansi-tidak-sesuai': 'Instansi, perangkat daerah atau unit kerja tidak sesuai',
  },
  en: {
    'field.sesuai': 'Verification result',
    'field.sesuai.ya': 'Correct',
    'field.sesuai.tidak': 'Not correct',
    'field.sesuai.required': 'Choose Correct or Not correct',
    'field.lengkap.required': 'Choose Complete or Not complete',
    'field.alasanKode.hint.sesuai': 'Choose at least one when not correct. The related parts of the form are marked for the applicant.',
    'field.alasanKode.required': 'Choose at least one reason for the return',
    'field.alasanCatatan.required': 'Write a note for the applicant: “Other”, or no reason ticked, needs explaining',
    'field.sistem.required': 'Choose the systems the account is activated on',
    'reason.nip-tidak-sesuai': 'NIP is not correct',
    'reason.nik-tidak-sesuai': 'NIK is not correct',
    'reason.nama-tidak-sesuai': 'Name or titles are not correct',
    'reason.jabatan-tidak-sesuai': 'Rank/grade or position is not correct',
    'reason.instansi-tidak-sesuai': 'Agency, regional office or work unit is not correct',
  },
};
