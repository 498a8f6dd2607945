// Form definitions: what a user task asks for, how each field is checked, and what the
// submission means for the process (engine output) and for the case (effects).

/** What a check may need beyond the submitted values: the service clock (never Date.now()). */
export interface CheckContext {
  now: Date;
}

export type FieldType = 'text' | 'email' | 'tel' | 'date' | 'select' | 'radio' | 'checkboxes' | 'textarea' | 'file' | 'password';

export interface FieldOption {
  value: string;
  label: string; // i18n key, or the text itself when `literal`
  literal?: boolean;
}

/** A checked field value: strings for text-like fields, string[] for checkboxes, a document id for files. */
export type FieldValue = string | string[];
export type FormValues = Record<string, FieldValue>;

export interface FieldDef {
  name: string;
  type: FieldType;
  label: string; // i18n key
  hint?: string; // i18n key
  required: boolean;
  options?: FieldOption[];
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'tel' | 'email';
  maxLength?: number;
  /** Shown when neither the case nor a draft has a value for the field. */
  defaultValue?: string;
  /** Returns an i18n error key, or null when the (trimmed, non-empty) value is valid. */
  check?: (value: FieldValue, all: FormValues, ctx: CheckContext) => string | null;
  /** Normalise a valid value before storing (e.g. phone numbers to +628…). */
  normalise?: (value: string) => string;
  /** i18n key of the message when a required field is empty (default: 'field.required'). */
  requiredMessage?: string;
  /** Only required when this returns true (e.g. reasons when "Tidak lengkap"). */
  requiredWhen?: (all: FormValues) => boolean;
}

/**
 * A structured reason for returning a case to the applicant (a process's catalogue: ProcessPack.returnReasons),
 * tied to the fields of the applicant's form it concerns.
 */
export interface ReturnReason {
  code: string;
  label: string; // i18n key
  record: string; // the Bahasa Indonesia wording kept in the audit (the official record)
  fields: string[]; // fields of the returned form to fix
}

/** What completing the form does beyond moving the process on. */
export interface FormEffects {
  activateAccount?: boolean;
  returnedReasons?: string | null; // human-readable (labels + note), recorded as audit data.reasons
  returnedCodes?: string[]; // structured reason codes (return-reasons.ts), audit data.codes
  returnedNote?: string; // the free note alone
}

/**
 * A cross-field finding that may be true (e.g. NIP and NIK birth dates differ): shown next to
 * `fields`; the submission completes only once the user confirms it.
 */
export interface FormWarning {
  code: string; // stable, recorded in the audit when confirmed
  fields: string[];
  message: string; // i18n key
}

export interface FormDef {
  key: string; // = camunda:formKey
  groupId: string; // the group of the step this form belongs to ('pemohon': the applicant)
  title: string; // i18n key
  intro?: string; // i18n key
  submitLabel: string; // i18n key
  /** Case status (i18n key) shown while this form's task is open; `returnedStatus` after a return. */
  caseStatus?: string;
  returnedStatus?: string;
  /** Case status (i18n key) once the case ends after this form's step; 'status.selesai' when no form says. */
  completedStatus?: string;
  fields: FieldDef[];
  /** Form keys whose saved values are shown read-only on this form (data to review). */
  reviews?: string[];
  /** The part of the submission the process model needs (gateway conditions); keep it small. */
  engineOutput?: (values: FormValues) => Record<string, unknown>;
  effects?: (values: FormValues) => FormEffects;
  /** Cross-field warnings, computed on the normalised values of fields that passed their checks. */
  warnings?: (clean: FormValues) => FormWarning[];
  /** The applicant may keep typed values (and accepted uploads) with "Simpan Draf". */
  drafts?: boolean;
}
