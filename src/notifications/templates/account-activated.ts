// To the applicant when a step activates their account (FormEffects.activateAccount): the account is
// active, on the systems the step chose if any (e-mail and WhatsApp), naming the process.
import { bilingual, signature, subject, type MessageText } from './compose.js';

export interface AccountActivatedFacts {
  name: string;
  systems: string[];
  link: string;
  processName?: string; // the process's name from its model
}

const about = (p: string | undefined, prefix: string): string => (p ? `${prefix}${p}` : '');

export function accountActivatedEmail(d: AccountActivatedFacts): MessageText {
  const on = (word: string) => (d.systems.length ? ` ${word} ${d.systems.join(', ')}` : '');
  return {
    subject: subject(`Akun Anda telah diaktifkan${about(d.processName, ' – ')}`, `Your account has been activated${about(d.processName, ' – ')}`),
    body: bilingual(
      `Yth. ${d.name},

Akun Anda telah diaktifkan${on('pada sistem:')}.${about(d.processName, '\nLayanan: ')}
Status permohonan: ${d.link}

${signature('id')}`,
      `Dear ${d.name},

Your account has been activated${on('on:')}.${about(d.processName, '\nService: ')}
Application status: ${d.link}

${signature('en')}`,
    ),
  };
}

export function accountActivatedWhatsapp(d: Omit<AccountActivatedFacts, 'name'>): MessageText {
  const systems = d.systems.length ? ` (${d.systems.join(', ')})` : '';
  return {
    subject: null,
    body: bilingual(
      `Alur: akun Anda telah diaktifkan${systems}${about(d.processName, ', ')}. Status: ${d.link}`,
      `Alur: your account has been activated${systems}${about(d.processName, ', ')}. Status: ${d.link}`,
    ),
  };
}
