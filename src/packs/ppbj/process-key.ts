// The id of the PPBJ account sign-up process (processes/pendaftaran-akun-ppbj.bpmn) and of the steps
// and form the sign-up relies on (checked before a deploy: model-rules.ts).
import { APPLICANT_GROUP } from '../../store/ports.js';

export const PPBJ_PROCESS_KEY = 'pendaftaran-akun-ppbj';
/** Its shipped file (every processes/*.bpmn is shipped: src/definitions/shipped-processes.ts). */
export const PPBJ_PROCESS_FILE = new URL('../../../processes/pendaftaran-akun-ppbj.bpmn', import.meta.url);
/** SOP step 2 "Membuat Akun PPBJ": the process waits there first; sign-up completes it. */
export const SIGN_UP_STEP = 'MembuatAkun';
/** Sign-up stores the registration under this form key. */
export const SIGN_UP_FORM_KEY = 'ppbj-registrasi';
/** The new applicant completes the sign-up step. */
export const SIGN_UP_GROUP = APPLICANT_GROUP;
