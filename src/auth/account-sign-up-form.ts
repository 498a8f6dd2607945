// The form of a plain applicant account (/akun/daftar): no process is started. Same password and
// privacy rules as every sign-up; the WhatsApp number is optional (proved later on /verifikasi).
import type { FormDef } from '../forms/form-types.js';
import { displayNameField, emailField, newPasswordFields, privacyAcknowledgementField, whatsappField } from '../forms/account-fields.js';
import { APPLICANT_GROUP } from '../store/ports.js';

const fields = [displayNameField, emailField, whatsappField(false, 'account.whatsapp.hint'), ...newPasswordFields, privacyAcknowledgementField];

export const ACCOUNT_SIGN_UP_FORM: FormDef = {
  key: 'akun-daftar',
  groupId: APPLICANT_GROUP,
  title: 'account.signUp.title',
  intro: 'account.signUp.intro',
  submitLabel: 'account.signUp.submit',
  fields,
};
