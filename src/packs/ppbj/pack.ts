// The PPBJ account sign-up SOP (Pendaftaran Akun PPBJ) as a process pack: what names PPBJ.
import { PPBJ_FORMS } from '../../forms/ppbj-forms.js';
import { RETURN_REASONS } from '../../forms/return-reasons.js';
import type { ProcessPack } from '../pack.js';

export const PPBJ_PACK: ProcessPack = {
  processKey: 'pendaftaran-akun-ppbj',
  // NOTE: version 1 as stored before groups said candidateGroups="ppbj" for the applicant's steps;
  // read as the applicant group so that running cases keep working after the upgrade.
  groupAliases: { ppbj: 'pemohon' },
  forms: PPBJ_FORMS,
  returnReasons: RETURN_REASONS,
  // sign-up creates the account and the case together (SOP step 2), at its own page
  startPath: '/daftar',
};
