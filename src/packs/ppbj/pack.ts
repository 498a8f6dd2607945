// The PPBJ account sign-up SOP (Pendaftaran Akun PPBJ) as a process pack: what names PPBJ.
import { PPBJ_FORMS } from './forms/ppbj-forms.js';
import { RETURN_REASONS } from './forms/return-reasons.js';
import type { ProcessPack } from '../pack.js';
import { PPBJ_PROCESS_KEY } from './process-key.js';
import { signUpStartProblems } from './model-rules.js';
import { ppbjSignUp } from './sign-up-service.js';
import { SIGN_UP_PATH, signUpRoutes } from './sign-up-routes.js';
import { ppbjCaseSubject } from './case-subject.js';
import { seedPpbjDemo } from './demo-seed.js';
import { legacyProcessRoutes } from './legacy-routes.js';
import { PPBJ_MESSAGES } from './messages.js';
import { Router } from 'express';

export const PPBJ_PACK: ProcessPack = {
  processKey: PPBJ_PROCESS_KEY,
  // NOTE: version 1 as stored before groups said candidateGroups="ppbj" for the applicant's steps;
  // read as the applicant group so that running cases keep working after the upgrade.
  groupAliases: { ppbj: 'pemohon' },
  forms: PPBJ_FORMS,
  returnReasons: RETURN_REASONS,
  // sign-up creates the account and the case together (SOP step 2), at its own page
  startPath: SIGN_UP_PATH,
  // sign-up starts the latest version and completes MembuatAkun at once: a model that breaks that never deploys
  checkModel: signUpStartProblems,
  routes: ({ services, renderPage }) => Router()
    .use(legacyProcessRoutes(PPBJ_PROCESS_KEY)) // the one-process URLs of before
    .use(signUpRoutes({
      signUp: ppbjSignUp(services),
      renderPage, limits: services.limits, signUpAttempts: services.signUpAttempts,
    })),
  messages: PPBJ_MESSAGES,
  // the Admin PPE demo account and its group
  seedDemo: seedPpbjDemo,
  // lists show the masked NIK of the identity form
  caseSubject: ppbjCaseSubject,
  // its cases' nomor permohonan: PPBJ-2026-000123
  caseNumberPrefix: 'PPBJ',
  // who may apply, and the end page: the account is active, on which systems, how to log in there
  applicantTexts: {
    audience: 'ppbj.audience',
    completedTitle: 'ppbj.completed.title',
    completedText: 'ppbj.completed.text',
    systemLogin: { SiRUP: 'ppbj.login.sirup', SPSE: 'ppbj.login.spse', SiPRAJA: 'ppbj.login.sipraja' },
  },
};
