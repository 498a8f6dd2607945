// The only place that picks the store adapter (SQLite by default, MongoDB when MONGODB_URI is set)
// and the message transports (SMTP / WhatsApp webhook, else the development mailbox), and wires
// the services.
import { AssignmentService } from './tasks/assignment-service.js';
import { CaseService } from './cases/case-service.js';
import { StartService } from './cases/start-service.js';
import type { Config } from './config.js';
import { DefinitionService } from './definitions/definition-service.js';
import { ensureShippedProcesses } from './definitions/shipped-processes.js';
import { ensureStaffAccounts } from './auth/staff-accounts.js';
import { hashPassword } from './auth/passwords.js';
import { PasswordResetService } from './auth/password-reset-service.js';
import { CaseNotifications } from './notifications/case-notifications.js';
import { Links } from './notifications/messages.js';
import { VerificationService } from './notifications/verification-service.js';
import type { MailboxScope } from './notifications/mailbox-scope.js';
import { devMailboxTransport } from './notifications/transports/dev-mailbox-transport.js';
import type { Transport, Transports } from './notifications/transports/transport.js';
import { whatsappWebhookTransport } from './notifications/transports/whatsapp-webhook-transport.js';
import type { Channel, Store } from './store/ports.js';
import { createSqliteStore } from './store/sqlite/sqlite-store.js';
import { describeSqliteSnapshot, SCHEMA_VERSION, snapshotSqlite } from './store/sqlite/backup.js';
import type { MongoStoreOptions } from './store/mongo/mongo-store.js';
import { createComplianceServices, type ComplianceServices } from './compliance/compliance-services.js';
import { DEFAULT_LIMITS, RateLimits, type RateLimitSettings } from './auth/rate-limits.js';
import { SignUpAttempts } from './auth/sign-up-attempts.js';
import { AccountSignUpService } from './auth/account-sign-up-service.js';
import { StaffService } from './staff/staff-service.js';
import { CaseNumbering } from './cases/case-number.js';
import { ServiceGuide } from './cases/service-guide.js';
import { CaseClosing } from './cases/case-closing.js';
import { ContactChanges } from './notifications/contact-change.js';
import { APPLICANT_REMINDER_KIND, ApplicantReminders, applicantReminderHandler, DEFAULT_APPLICANT_SETTINGS, type ApplicantSettings } from './cases/applicant-reminders.js';
import { PACKS, packApplicantTexts, packCaseNumberPrefixes, packForms, packGroupAliases, packModelChecks, packReturnReasons, packRoutes, packStartPaths, type ProcessPack } from './packs/index.js';
import { addPackMessages } from './web/i18n.js';
import { returnsCatalogue } from './compliance/returns-report.js';
import type { CaseSubjectOf } from './tasks/case-subject.js';
import { FormRegistry } from './forms/form-registry.js';
import { setGroupAliases } from './workflow/index.js';


export interface Services {
  store: Store;
  definitions: DefinitionService;
  /** The packs' coded forms (by camunda:formKey) and return reasons. */
  formRegistry: FormRegistry;
  /** The packs' pages (e.g. a pack's own sign-up), mounted by the app. */
  packRoutes: ReadonlyArray<NonNullable<ProcessPack['routes']>>;
  cases: CaseService;
  /** What lists show beside the applicant for a case (its process pack's caseSubject). */
  caseSubject: CaseSubjectOf;
  /** Starting a case of any deployed process: the public catalogue and staff's "Permohonan baru". */
  starts: StartService;
  /** What a public service tells its applicants: its start page, their steps, the end page's texts. */
  guide: ServiceGuide;
  /** Absolute links (ALUR_PUBLIC_URL), e.g. the receipt's verification URL. */
  links: Links;
  /** The applicant's reminders and when staff may close an abandoned case (ALUR_APPLICANT_REMINDER_DAYS, ALUR_ABANDON_DAYS). */
  applicant: ApplicantSettings;
  /** Withdrawing a case (its applicant) and closing an abandoned one (staff). */
  closing: CaseClosing;
  /** A new e-mail or WhatsApp typed in an applicant's form: the link that proves it. */
  contacts: ContactChanges;
  assignments: AssignmentService;
  verification: VerificationService;
  passwordReset: PasswordResetService;
  /** Working calendar, SLA and BPMN timers, compliance reports (src/compliance). */
  compliance: ComplianceServices;
  /** Store-backed rate limits of login, sign-up, password reset and messages per contact. */
  limits: RateLimits;
  /** Sign-ups naming an address that has an account (the same answer as a new one). */
  signUpAttempts: SignUpAttempts;
  /** A plain applicant account (/akun/daftar), no process started. */
  accountSignUp: AccountSignUpService;
  /** Staff administration (/staf): invitations, deactivation, password resets, the staff audit log. */
  staff: StaffService;
  /** Channels delivered to the development mailbox (GET /kotak-surat) instead of a real transport. */
  devChannels: readonly Channel[];
  /** Whose messages GET /kotak-surat lists, or 'off' (no page): mailbox-scope.ts. */
  mailbox: MailboxScope;
  now: () => Date;
}

export interface MessageSettings {
  publicUrl: string; // base of links in messages
  devChannels: readonly Channel[];
  mailbox?: MailboxScope; // default 'own': a reader sees only their own messages
}

const DEFAULT_MESSAGES: MessageSettings = { publicUrl: 'http://127.0.0.1:3000', devChannels: ['email', 'whatsapp'] };

export function createStore(config: Pick<Config, 'mongoUri' | 'sqliteFile'> & Partial<Pick<Config, 'mongoTimeouts'>>): Store {
  return config.mongoUri
    ? lazyMongoStore({ uri: config.mongoUri, timeouts: config.mongoTimeouts })
    : createSqliteStore({ file: config.sqliteFile });
}

// NOTE: mongoose and nodemailer are imported on first use: a SQLite start without SMTP never loads
// them (about 0.2 s of CPU at every start, see npm run bench -- start)
/** The MongoDB adapter, imported by init(); every other method is the adapter's (after init). */
function lazyMongoStore(opts: MongoStoreOptions): Store {
  let real: Store | null = null;
  const own = {
    kind: 'mongodb' as const,
    async init() {
      real ??= (await import('./store/mongo/mongo-store.js')).createMongoStore(opts);
      await real.init();
    },
    close: async () => real?.close(),
  };
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy(own, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof typeof target];
      if (typeof prop !== 'string' || prop === 'then') return undefined; // not a thenable
      let method = methods.get(prop);
      if (!method) {
        method = async (...args) => {
          if (!real) throw new Error('MongoDB store: call init() first');
          return (real as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[prop]!(...args); // called on the adapter: `this` kept
        };
        methods.set(prop, method);
      }
      return method;
    },
  }) as unknown as Store;
}

function lazySmtp(opts: { url: string; from: string }): Transport {
  let smtp: Promise<Transport> | null = null;
  return {
    kind: 'smtp',
    async send(message) {
      smtp ??= import('./notifications/transports/smtp-transport.js').then((m) => m.smtpTransport(opts));
      return (await smtp).send(message);
    },
  };
}

/** The store's snapshots for `npm run backup` / `restore` (src/cli/): SQLite's; null for MongoDB (mongodump, see the README). */
export function storeSnapshots(config: Pick<Config, 'mongoUri'>) {
  return config.mongoUri ? null : { snapshot: snapshotSqlite, describe: describeSqliteSnapshot, schemaVersion: SCHEMA_VERSION };
}
export type StoreSnapshots = NonNullable<ReturnType<typeof storeSnapshots>>;

export function createServices(store: Store, now: () => Date = () => new Date(), messages: MessageSettings = DEFAULT_MESSAGES, limitSettings: RateLimitSettings = DEFAULT_LIMITS, applicant: ApplicantSettings = DEFAULT_APPLICANT_SETTINGS): Services {
  setGroupAliases(packGroupAliases()); // old models' group names per process, from the packs
  addPackMessages(PACKS.flatMap((p) => (p.messages ? [p.messages] : []))); // the packs' texts
  const limits = new RateLimits({ store, settings: limitSettings, now });
  const formRegistry = new FormRegistry(packForms(), packReturnReasons());
  const definitions = new DefinitionService(store, now, { forms: formRegistry, modelChecks: packModelChecks(), packStarted: new Set(Object.keys(packStartPaths())) });
  const links = new Links(messages.publicUrl);
  const verification = new VerificationService({ store, links, now, limits });
  const notifications = new CaseNotifications({ store, links, verification });
  const compliance = createComplianceServices({ store, definitions, links, now, notifications, returns: returnsCatalogue(packForms(), packReturnReasons()) });
  const passwordReset = new PasswordResetService({ store, links, now, hash: hashPassword, limits });
  const signUpAttempts = new SignUpAttempts({ store, links, now, hash: hashPassword });
  const numbering = new CaseNumbering(packCaseNumberPrefixes()); // the nomor permohonan's prefix per process
  const reminders = new ApplicantReminders(applicant.reminderDays); // an applicant's step waiting long
  const contacts = new ContactChanges({ store, links, now, limits }); // a contact changed in a form is proved first
  compliance.timerHandlers[APPLICANT_REMINDER_KIND] = applicantReminderHandler({ store, links });
  const starts = new StartService({ store, definitions, now, notifications, timing: compliance.timing, startPaths: packStartPaths(), numbering, reminders });
  return {
    store, definitions, formRegistry, packRoutes: packRoutes(), now, verification, compliance,
    caseSubject: (c) => PACKS.find((p) => p.processKey === c.processKey)?.caseSubject?.(c) ?? null,
    cases: new CaseService({ store, definitions, formRegistry, now, notifications, timing: compliance.timing, numbering, reminders, contacts }),
    contacts,
    applicant,
    closing: new CaseClosing({ store, definitions, now, notifications, abandonDays: applicant.abandonDays }),
    starts, links,
    guide: new ServiceGuide({ definitions, formRegistry, starts, texts: packApplicantTexts() }),
    assignments: new AssignmentService(store, now),
    passwordReset,
    staff: new StaffService({ store, passwordReset, now, hash: hashPassword }),
    limits,
    signUpAttempts,
    accountSignUp: new AccountSignUpService({ store, verification, attempts: signUpAttempts, hash: hashPassword, now }),
    devChannels: messages.devChannels,
    mailbox: messages.mailbox ?? 'own',
  };
}

/** Settings without which production refuses to start: each channel carries secrets (links, codes). */
const PRODUCTION_TRANSPORTS: Record<Channel, { env: string; carries: string }> = {
  email: { env: 'ALUR_SMTP_URL', carries: 'e-mail verification links and password-reset links' },
  whatsapp: { env: 'ALUR_WHATSAPP_WEBHOOK_URL', carries: 'WhatsApp verification codes' },
};

/**
 * SMTP when ALUR_SMTP_URL is set, the WhatsApp webhook when ALUR_WHATSAPP_WEBHOOK_URL is set; else the
 * development mailbox, except in production, where a missing one is a configuration error.
 */
export function createTransports(config: Pick<Config, 'env' | 'mail' | 'whatsapp'>, log: (line: string) => void): { transports: Transports; devChannels: Channel[] } {
  const transports: Transports = {
    email: config.mail.smtpUrl ? lazySmtp({ url: config.mail.smtpUrl, from: config.mail.from }) : devMailboxTransport('email', log),
    whatsapp: config.whatsapp.webhookUrl
      ? whatsappWebhookTransport({ url: config.whatsapp.webhookUrl, token: config.whatsapp.token })
      : devMailboxTransport('whatsapp', log),
  };
  const devChannels = (Object.keys(transports) as Channel[]).filter((c) => transports[c].kind === 'dev-mailbox');
  if (config.env === 'production' && devChannels.length > 0) {
    const lines = devChannels.map((c) => `  ${PRODUCTION_TRANSPORTS[c].env}: required in production (it delivers ${PRODUCTION_TRANSPORTS[c].carries}; the development mailbox is off in production)`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { transports, devChannels };
}

/** Migrations, each shipped process as version 1 (unless stored; a changed shipped file as the next version: shipped-processes.ts) and the staff accounts, on first start. */
export async function bootstrap(services: Services, config: Config, log: (line: string) => void): Promise<void> {
  await services.store.init();
  await ensureShippedProcesses(services.definitions, services.store, undefined, services.now);
  await services.definitions.upsertLatestGroups();
  await ensureStaffAccounts(services.store, config, log);
  for (const pack of PACKS) await pack.seedDemo?.({ store: services.store, config, log, now: services.now }); // the packs' demo staff
}
