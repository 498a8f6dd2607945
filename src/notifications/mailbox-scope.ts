// Who sees what on the development mailbox (GET /kotak-surat), by NODE_ENV:
// - development (the default of `npm start`): the process owner sees every message, so one person can
//   try the whole SOP alone;
// - test: the process owner sees only the messages addressed to themselves;
// - production: the page does not exist (404), and the dev mailbox transport is refused (composition.ts).
import type { Config } from '../config.js';

export type MailboxScope = 'everyone' | 'own' | 'off';

export function mailboxScope(env: Config['env']): MailboxScope {
  return env === 'development' ? 'everyone' : env === 'test' ? 'own' : 'off';
}
