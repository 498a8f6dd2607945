// The PPBJ account sign-up SOP (Pendaftaran Akun PPBJ) as a process pack: what names PPBJ.
import type { ProcessPack } from '../index.js';

export const PPBJ_PACK: ProcessPack = {
  processKey: 'pendaftaran-akun-ppbj',
  // NOTE: version 1 as stored before groups said candidateGroups="ppbj" for the applicant's steps;
  // read as the applicant group so that running cases keep working after the upgrade.
  groupAliases: { ppbj: 'pemohon' },
};
