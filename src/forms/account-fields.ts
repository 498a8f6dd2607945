// The fields of every account sign-up (a plain applicant account, or a pack's sign-up that also starts
// a case): the same name, address, number, password and privacy rules wherever an account is made.
import type { FieldDef } from './form-types.js';
import { checkEmail, checkPassword, checkWhatsapp, normaliseWhatsapp } from './validators.js';

const PASSWORD_MAX = 200;

export const displayNameField: FieldDef = { name: 'displayName', type: 'text', label: 'field.displayName', required: true, autocomplete: 'name', maxLength: 200 };

export const emailField: FieldDef = { name: 'email', type: 'email', label: 'field.email', required: true, autocomplete: 'email', inputmode: 'email', maxLength: 254, check: checkEmail };

/** A WhatsApp number (stored +62…); `hint` says what it is for where it is asked. */
export const whatsappField = (required: boolean, hint: string): FieldDef => ({
  name: 'whatsapp', type: 'tel', label: 'field.whatsapp', hint, required,
  autocomplete: 'tel', inputmode: 'tel', maxLength: 20, check: checkWhatsapp, normalise: normaliseWhatsapp,
});

/** A new password and its confirmation. */
export const newPasswordFields: readonly FieldDef[] = [
  { name: 'password', type: 'password', label: 'field.password', hint: 'field.password.hint', required: true, autocomplete: 'new-password', maxLength: PASSWORD_MAX, check: checkPassword },
  {
    name: 'passwordConfirm', type: 'password', label: 'field.passwordConfirm', required: true, autocomplete: 'new-password', maxLength: PASSWORD_MAX,
    check: (v, all) => (v === all.password ? null : 'field.passwordConfirm.mismatch'),
  },
];

/** The acknowledgement of the privacy notice (UU 27/2022), required to make an account. */
export const privacyAcknowledgementField: FieldDef = {
  name: 'persetujuanPrivasi', type: 'checkboxes', label: 'field.persetujuanPrivasi', hint: 'privacy.link', required: true,
  requiredMessage: 'field.persetujuanPrivasi.required',
  options: [{ value: 'ya', label: 'field.persetujuanPrivasi.ya' }],
  check: (v) => (Array.isArray(v) && v.includes('ya') ? null : 'field.persetujuanPrivasi.required'),
};
