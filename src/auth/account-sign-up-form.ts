// The form of a plain applicant account (/akun/daftar): no process is started. Same password and
// privacy rules as every sign-up; the WhatsApp number is optional (proved later on /verifikasi).
import type { FieldDef, FormDef } from '../forms/form-types.js';
import { checkEmail, checkPassword, checkWhatsapp, normaliseWhatsapp } from '../forms/validators.js';
import { APPLICANT_GROUP } from '../store/ports.js';

const PASSWORD_MAX = 200;

const fields: FieldDef[] = [
  { name: 'displayName', type: 'text', label: 'field.displayName', required: true, autocomplete: 'name', maxLength: 200 },
  { name: 'email', type: 'email', label: 'field.email', required: true, autocomplete: 'email', inputmode: 'email', maxLength: 254, check: checkEmail },
  {
    name: 'whatsapp', type: 'tel', label: 'field.whatsapp', hint: 'account.whatsapp.hint', required: false,
    autocomplete: 'tel', inputmode: 'tel', maxLength: 20, check: checkWhatsapp, normalise: normaliseWhatsapp,
  },
  { name: 'password', type: 'password', label: 'field.password', hint: 'field.password.hint', required: true, autocomplete: 'new-password', maxLength: PASSWORD_MAX, check: checkPassword },
  {
    name: 'passwordConfirm', type: 'password', label: 'field.passwordConfirm', required: true, autocomplete: 'new-password', maxLength: PASSWORD_MAX,
    check: (v, all) => (v === all.password ? null : 'field.passwordConfirm.mismatch'),
  },
  {
    name: 'persetujuanPrivasi', type: 'checkboxes', label: 'field.persetujuanPrivasi', hint: 'privacy.link', required: true,
    requiredMessage: 'field.persetujuanPrivasi.required',
    options: [{ value: 'ya', label: 'field.persetujuanPrivasi.ya' }],
    check: (v) => (Array.isArray(v) && v.includes('ya') ? null : 'field.persetujuanPrivasi.required'),
  },
];

export const ACCOUNT_SIGN_UP_FORM: FormDef = {
  key: 'akun-daftar',
  groupId: APPLICANT_GROUP,
  title: 'account.signUp.title',
  intro: 'account.signUp.intro',
  submitLabel: 'account.signUp.submit',
  fields,
};
