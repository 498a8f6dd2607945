// The forms of the SOP "Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa", one per camunda:formKey.
import { APPLICANT_GROUP } from '../../../store/ports.js';
import type { FieldOption, FormDef } from '../../../forms/form-types.js';
import { displayNameField, emailField, newPasswordFields, privacyAcknowledgementField, whatsappField } from '../../../forms/account-fields.js';
import { allOf, checkNik, checkNip, dateNotBefore, dateWithin } from '../../../forms/validators.js';
import { nipNikWarnings } from './identity-warnings.js';
import { IDENTITY_REASON_OPTIONS, noteRequired, RETURN_REASON_OPTIONS, returnEffects } from './return-reasons.js';

/** Date ranges of the SK fields, in years from today (WIB). */
const SK_YEARS = 50;
const SK_START_AHEAD_YEARS = 5;

const literal = (values: string[]): FieldOption[] => values.map((v) => ({ value: v, label: v, literal: true }));

const PANGKAT = literal([
  'Juru Muda (I/a)', 'Juru Muda Tingkat I (I/b)', 'Juru (I/c)', 'Juru Tingkat I (I/d)',
  'Pengatur Muda (II/a)', 'Pengatur Muda Tingkat I (II/b)', 'Pengatur (II/c)', 'Pengatur Tingkat I (II/d)',
  'Penata Muda (III/a)', 'Penata Muda Tingkat I (III/b)', 'Penata (III/c)', 'Penata Tingkat I (III/d)',
  'Pembina (IV/a)', 'Pembina Tingkat I (IV/b)', 'Pembina Utama Muda (IV/c)', 'Pembina Utama Madya (IV/d)',
  'Pembina Utama (IV/e)', 'PPPK', 'Non-ASN',
]);

const PERAN = literal(['PPK', 'Pejabat Pengadaan', 'Pokja Pemilihan', 'PA/KPA', 'Agen Pengadaan', 'Personel Lainnya']);
export const SISTEM = literal(['SiRUP', 'SPSE', 'SiPRAJA']);

const text = (name: string, required = true, extra: Partial<FormDef['fields'][number]> = {}) =>
  ({ name, type: 'text' as const, label: `field.${name}`, required, maxLength: 200, ...extra });
const note = (name: string) => ({ name, type: 'textarea' as const, label: `field.${name}`, required: false, maxLength: 2000 });

/**
 * A review's decision that may return the case (step 4 "Tidak sesuai", step 6 "Tidak lengkap"): the
 * decision, the reasons (at least one when returning) and the note for the applicant. Every field
 * says what is missing in its own words.
 */
function returningDecision(name: string, yes: string, no: string, reasons: FieldOption[]): FormDef['fields'] {
  return [
    {
      name, type: 'radio', label: `field.${name}`, required: true, requiredMessage: `field.${name}.required`,
      options: [{ value: 'ya', label: yes }, { value: 'tidak', label: no }],
    },
    {
      name: 'alasanKode', type: 'checkboxes', label: 'field.alasanKode', hint: name === 'lengkap' ? 'field.alasanKode.hint' : `field.alasanKode.hint.${name}`,
      required: false, options: reasons, requiredWhen: (all) => all[name] === 'tidak', requiredMessage: 'field.alasanKode.required',
    },
    {
      ...note('alasan'), label: 'field.alasanCatatan', hint: 'field.alasanCatatan.hint',
      requiredWhen: (all) => noteRequired(all[name], all.alasanKode), requiredMessage: 'field.alasanCatatan.required',
    },
  ];
}

export const registrasi: FormDef = {
  key: 'ppbj-registrasi',
  groupId: APPLICANT_GROUP,
  title: 'form.registrasi.title',
  intro: 'form.registrasi.intro',
  submitLabel: 'action.daftar',
  fields: [
    displayNameField,
    emailField,
    whatsappField(true, 'field.whatsapp.hint'),
    ...newPasswordFields,
    privacyAcknowledgementField,
  ],
};

export const identitas: FormDef = {
  key: 'ppbj-identitas',
  groupId: APPLICANT_GROUP,
  requiresVerifiedContacts: true, // SOP step 2: e-mail and WhatsApp proved active (src/notifications/contact-requirement.ts)
  title: 'form.identitas.title',
  caseStatus: 'status.draf',
  returnedStatus: 'status.dikembalikan', // step 4 "Tidak sesuai"
  intro: 'form.identitas.intro',
  submitLabel: 'action.ajukan',
  fields: [
    text('nip', true, { inputmode: 'numeric', hint: 'field.nip.hint', maxLength: 24, check: checkNip, normalise: (v) => v.replace(/\s+/g, '') }),
    text('nik', true, { inputmode: 'numeric', hint: 'field.nik.hint', maxLength: 20, check: checkNik, normalise: (v) => v.replace(/\s+/g, '') }),
    text('gelarDepan', false, { maxLength: 40 }),
    text('namaLengkap', true, { autocomplete: 'name' }),
    text('gelarBelakang', false, { maxLength: 60 }),
    { name: 'pangkatGolongan', type: 'select', label: 'field.pangkatGolongan', required: true, options: PANGKAT },
    text('jabatan'),
    text('instansi'),
    text('perangkatDaerah'),
    text('unitKerja'),
    emailField,
    whatsappField(true, 'field.whatsapp.hint'),
  ],
  warnings: nipNikWarnings,
  drafts: true,
};

export const verifikasi: FormDef = {
  key: 'verifikasi-identitas',
  groupId: 'admin-ppe',
  title: 'form.verifikasi.title',
  caseStatus: 'status.menungguVerifikasi',
  intro: 'form.verifikasi.intro',
  submitLabel: 'action.verifikasi',
  reviews: ['ppbj-identitas'],
  fields: returningDecision('sesuai', 'field.sesuai.ya', 'field.sesuai.tidak', IDENTITY_REASON_OPTIONS),
  engineOutput: (v) => ({ sesuai: v.sesuai === 'ya' }),
  effects: (v) => (v.sesuai === 'tidak' ? returnEffects(v.alasanKode, v.alasan) : { returnedReasons: null }),
};

export const informasi: FormDef = {
  key: 'ppbj-informasi',
  groupId: APPLICANT_GROUP,
  title: 'form.informasi.title',
  caseStatus: 'status.terverifikasi',
  returnedStatus: 'status.dikembalikan',
  intro: 'form.informasi.intro',
  submitLabel: 'action.ajukan',
  fields: [
    { name: 'peran', type: 'select', label: 'field.peran', required: true, options: PERAN },
    text('nomorSk', true, { hint: 'field.nomorSk.hint' }),
    // an SK is signed in the last 50 years, not in the future; its validity spans at most 50 years either way
    { name: 'tanggalSk', type: 'date', label: 'field.tanggalSk', required: true, check: dateWithin(SK_YEARS, 0) },
    { name: 'berlakuMulai', type: 'date', label: 'field.berlakuMulai', required: true, check: dateWithin(SK_YEARS, SK_START_AHEAD_YEARS) },
    {
      name: 'berlakuSampai', type: 'date', label: 'field.berlakuSampai', required: true,
      check: allOf(dateWithin(SK_YEARS, SK_YEARS), dateNotBefore('berlakuMulai', 'field.berlakuSampai.beforeStart')),
    },
    { name: 'skFile', type: 'file', label: 'field.skFile', hint: 'field.skFile.hint', required: true },
  ],
  drafts: true,
};

export const periksa: FormDef = {
  key: 'periksa-informasi',
  groupId: 'admin-ppe',
  title: 'form.periksa.title',
  caseStatus: 'status.sedangDiperiksa',
  intro: 'form.periksa.intro',
  submitLabel: 'action.simpanKeputusan',
  reviews: ['ppbj-identitas', 'ppbj-informasi'],
  fields: returningDecision('lengkap', 'field.lengkap.ya', 'field.lengkap.tidak', RETURN_REASON_OPTIONS),
  engineOutput: (v) => ({ lengkap: v.lengkap === 'ya' }),
  effects: (v) => (v.lengkap === 'tidak' ? returnEffects(v.alasanKode, v.alasan) : { returnedReasons: null }),
};

export const aktivasi: FormDef = {
  key: 'aktivasi-akun',
  groupId: 'admin-ppe',
  title: 'form.aktivasi.title',
  caseStatus: 'status.menungguAktivasi',
  completedStatus: 'status.aktif', // the PPBJ account is active once this step ends the case
  intro: 'form.aktivasi.intro',
  submitLabel: 'action.aktifkan',
  reviews: ['ppbj-identitas', 'ppbj-informasi'],
  fields: [
    { name: 'sistem', type: 'checkboxes', label: 'field.sistem', hint: 'field.sistem.hint', required: true, requiredMessage: 'field.sistem.required', options: SISTEM },
    note('catatan'),
  ],
  effects: () => ({ activateAccount: true }),
};

export const PPBJ_FORMS: readonly FormDef[] = [registrasi, identitas, verifikasi, informasi, periksa, aktivasi];
