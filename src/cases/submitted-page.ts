// The confirmation after the applicant's submission (a start form or one of their steps): the nomor
// permohonan, and what happens next: their own next step, or the office's step and its time standard.
import { APPLICANT_GROUP, type CaseRecord } from '../store/ports.js';
import type { ApplicantPageDeps } from './applicant-page.js';

export async function submittedModel(deps: Pick<ApplicantPageDeps, 'store' | 'definitions'>, c: CaseRecord) {
  const [open, def] = await Promise.all([deps.store.listTasks({ caseId: c.id, status: 'open', limit: 100 }), deps.definitions.byId(c.definitionId)]);
  const mine = open.find((t) => t.groupId === APPLICANT_GROUP);
  const next = mine ?? open[0];
  const situation = c.status === 'completed' ? 'completed' : mine ? 'yours' : 'staff';
  return {
    title: 'submitted.title',
    caseId: c.id,
    caseNumber: c.caseNumber ?? null,
    processName: def.name,
    situation,
    step: next ? { name: next.name, href: `/tugas/${next.id}`, timeStandard: next.timeStandard } : null,
  };
}
