// Public data shapes of the workflow module: plain, serialisable values only.

/** Mutu Baku of one SOP row (Permen PANRB 35/2012): requirements, output and notes. */
export interface SopStep {
  stepNo: number | null;
  requirements: string[];
  output: string;
  keterangan: string[];
}

export interface UserTaskSpec {
  id: string;
  name: string;
  /** The group whose members do the step ('pemohon': the case's applicant). */
  groupId: string;
  /** The group's display name: its lane's name, else the id. */
  groupName: string;
  /** camunda:formKey of a registered form, or `model:<task id>` for a form declared in the model */
  formKey: string;
  /** The fields of a form declared in the model (empty for a registered form). */
  fields: ModelField[];
  lane: { id: string; name: string } | null;
  /** ISO-8601 duration, e.g. 'PT15M' */
  timeStandard: string;
  timeStandardMs: number;
  sop: SopStep;
}

export interface ProcessModel {
  processKey: string;
  name: string;
  userTasks: UserTaskSpec[];
  lanes: Array<{ id: string; name: string }>;
  /** The groups that do its steps, once each, in step order ('pemohon' included when the applicant has a step). */
  groups: Array<{ id: string; name: string }>;
}

/** A stored, immutable definition version; `id` identifies the version. */
export interface DefinitionRef {
  id: string;
  xml: string;
}

export interface WaitingTask {
  elementId: string;
  spec: UserTaskSpec;
}

export interface EngineResult {
  status: 'running' | 'completed' | 'failed';
  engineState: Buffer;
  waiting: WaitingTask[];
  error: string | null;
}

/**
 * A field of a form declared in the model (camunda:formData / camunda:formField), rendered by the
 * generic form: text, long text, whole or decimal number, date, choice, yes/no, or file.
 */
/** nip (NIP PNS, 18 digits), nik (NIK, 16 digits), telepon (Indonesian mobile number, stored +62…): field types any SOP needs. */
export type ModelFieldType = 'text' | 'textarea' | 'integer' | 'number' | 'date' | 'choice' | 'yesno' | 'file' | 'nip' | 'nik' | 'telepon';

export interface ModelField {
  id: string;
  label: string;
  type: ModelFieldType;
  required: boolean;
  options: Array<{ value: string; label: string }>; // choice only
  /** Bounds: numbers for integer/number, YYYY-MM-DD for date (as written in the model). */
  min?: string;
  max?: string;
  minLength?: number;
  maxLength?: number;
  defaultValue?: string;
}
