// A new PPBJ waiting at SOP step 3, made through the real services: CaseService.register (sign-up,
// step 2), then both contacts proved through VerificationService with the e-mail link and the
// WhatsApp code read from the outbox (as a person would; step 3 refuses unverified contacts).
import type { Services } from '../../src/composition.js';
import type { UserRecord } from '../../src/store/ports.js';
import { linkPath, newApplicant, whatsappCode } from '../../test/helpers/ppbj.js';
import { cheapHash } from './bench-app.js';

export interface Applicant {
  data: ReturnType<typeof newApplicant>;
  user: UserRecord;
  taskId: string;
}

const EMAIL_LINK = '/verifikasi/email/';

export async function applicantAtStep3(services: Services): Promise<Applicant> {
  const { store, cases, verification } = services;
  const data = newApplicant();
  const registered = await cases.register(data, async (p) => cheapHash(p));
  const token = decodeURIComponent((await linkPath(store, data.email, 'verify-email', EMAIL_LINK)).slice(EMAIL_LINK.length));
  const email = await verification.confirmEmailLink(token);
  if (email.outcome !== 'verified') throw new Error(`e-mail link of ${data.email}: ${email.outcome}`);
  const afterEmail = await store.getUser(registered.id);
  const whatsapp = await verification.confirmWhatsapp(afterEmail!, await whatsappCode(store, data.email));
  if (whatsapp !== 'verified') throw new Error(`WhatsApp code of ${data.email}: ${whatsapp}`);
  const user = (await store.getUser(registered.id))!;
  const [task] = await store.listTasks({ applicantId: user.id, role: 'ppbj' });
  if (task?.elementId !== 'MengisiIdentitas') throw new Error(`case of ${data.email} is not at step 3 (${task?.elementId})`);
  return { data, user, taskId: task.id };
}
