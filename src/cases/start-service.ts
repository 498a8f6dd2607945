// Starts a case of any deployed process (its latest version) for whoever the model lets start it:
// an applicant when its starter groups include 'pemohon' (the public), a staff member of one of its
// starter groups. The start form (the start event's fields) is checked with the generic model form,
// stored in case.data under its key (`start:<start event id>`, see start-form.ts), and the engine
// starts, all in one atomic change.
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { FormDef, FormValues } from '../forms/form-types.js';
import { rejection, storableValues, validateForm } from '../forms/validate-form.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { CaseNotifications } from '../notifications/case-notifications.js';
import type { CaseTiming } from '../compliance/case-timing.js';
import { APPLICANT_GROUP, type CaseRecord, type DefinitionRecord, type Store, type UserRecord } from '../store/ports.js';
import { loadProcessStart, startProcess, type ProcessStart } from '../workflow/index.js';
import { applyResult, endAudit, newCase } from './case-records.js';
import { startFormOf } from './start-form.js';
import { auditEvent, newTasks } from './task-projection.js';
import { CaseNumbering } from './case-number.js';
import type { ApplicantReminders } from './applicant-reminders.js';

/** Who starts: an applicant from the catalogue (/layanan), or staff for someone ("Permohonan baru"). */
export type StartMode = 'applicant' | 'staff';

/** One process in the catalogue or the "Permohonan baru" list. */
export interface StartableProcess {
  processKey: string;
  name: string;
  description: string;
  requirements: string[];
  totalTime: string; // ISO-8601 duration
  /** Where starting it begins: the pack's own path (e.g. /daftar), else the generic start form. */
  startPath: string;
}

export interface StartServiceDeps {
  store: Store;
  definitions: DefinitionService;
  now?: () => Date;
  notifications?: CaseNotifications;
  timing?: CaseTiming;
  /** processKey -> the path a pack starts it at (e.g. a sign-up page), from the composition root. */
  startPaths?: Readonly<Record<string, string>>;
  /** The nomor permohonan's prefix per process (default: the process name's initials). */
  numbering?: CaseNumbering;
  /** The applicant's reminder timers (none without). */
  reminders?: ApplicantReminders;
}

/** Processes read for one catalogue page (listLatestDefinitions' limit). */
const CATALOGUE_LIMIT = 200;
/** Start information of this many definition versions is kept (versions are immutable). */
const CACHE_LIMIT = 500;

export const applicantStartPath = (processKey: string): string => `/layanan/${encodeURIComponent(processKey)}/mulai`;
export const staffStartPath = (processKey: string): string => `/proses/${encodeURIComponent(processKey)}/permohonan-baru`;

export class StartService {
  private readonly starts = new Map<string, Promise<ProcessStart>>();
  private readonly forms = new Map<string, FormDef>();
  private readonly now: () => Date;

  constructor(private readonly deps: StartServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The pack's own start path of a process, if it has one. */
  packStartPath(processKey: string): string | null {
    const paths = this.deps.startPaths ?? {};
    return Object.hasOwn(paths, processKey) ? paths[processKey]! : null;
  }

  /** The public services: the latest version of every deployed process that applicants may start. */
  async publicCatalogue(): Promise<StartableProcess[]> {
    const found = await this.startable((start) => start.publicStart);
    return found.map(({ def, start }) => this.entry(def, start, this.packStartPath(def.processKey) ?? applicantStartPath(def.processKey)));
  }

  /** The public service `processKey` (its latest version) as the catalogue lists it; 404 when the public may not start it. */
  async publicService(processKey: string): Promise<StartableProcess> {
    const def = await this.deps.definitions.latest(processKey);
    const start = await this.startOf(def);
    if (!start.startEvent || !start.publicStart) throw new NotFoundError('start.notPublic');
    return this.entry(def, start, this.packStartPath(processKey) ?? applicantStartPath(processKey));
  }

  /** The processes `actor` (staff) may start for someone: those naming one of their groups as a starter. */
  async staffStartable(actor: UserRecord): Promise<StartableProcess[]> {
    if (actor.role === 'applicant' || actor.status === 'disabled') return [];
    const groups = new Set(await this.deps.store.listUserGroups(actor.id));
    const found = await this.startable((start) => start.starterGroups.some((g) => g !== APPLICANT_GROUP && groups.has(g)));
    return found
      .filter(({ def }) => !this.packStartPath(def.processKey))
      .map(({ def, start }) => this.entry(def, start, staffStartPath(def.processKey)));
  }

  /**
   * Whether any of `groups` may start a deployed process for someone (the "Permohonan baru" menu link).
   * Cheap per page: one read of the latest versions; their start information is cached per version.
   */
  async startsAny(groups: readonly string[]): Promise<boolean> {
    const mine = groups.filter((g) => g !== APPLICANT_GROUP);
    if (mine.length === 0) return false;
    for (const summary of await this.deps.store.listLatestDefinitions(CATALOGUE_LIMIT)) {
      if (this.packStartPath(summary.processKey)) continue;
      const start = await this.startOf(await this.deps.definitions.byId(summary.id));
      if (start.startEvent && start.starterGroups.some((g) => mine.includes(g))) return true;
    }
    return false;
  }

  /** What the start page shows, once `actor` may start the process that way (404/403 otherwise). */
  async startPage(processKey: string, actor: UserRecord, mode: StartMode): Promise<{ process: StartableProcess; form: FormDef }> {
    const { def, start } = await this.authorised(processKey, actor, mode);
    const path = mode === 'applicant' ? applicantStartPath(processKey) : staffStartPath(processKey);
    return { process: this.entry(def, start, path), form: this.formOf(def, start) };
  }

  /**
   * Starts a case for `actor`: the start form is checked (FormRejected, 422, with every typed value),
   * the engine starts, and the case, its first tasks, timers, messages and audit are written at once.
   */
  async start(processKey: string, actor: UserRecord, raw: Record<string, unknown>, mode: StartMode): Promise<CaseRecord> {
    const { def, start } = await this.authorised(processKey, actor, mode);
    const form = this.formOf(def, start);
    const now = this.now();
    const check = validateForm(form, raw, {}, { now });
    const rejected = rejection(check);
    if (rejected) throw rejected;
    const values = storableValues(form, check.clean);
    const owner = { ...actor, displayName: mode === 'staff' ? subjectOf(form, values, actor) : actor.displayName };

    const at = now.toISOString();
    const started = await startProcess(def, values); // the start form's values are the case's first variables
    const created = newCase(def, owner, started, at);
    const c: CaseRecord = { ...created, data: start.startForm.length ? { [form.key]: values } : {} };
    const planned = newTasks(c, started.waiting, [], now);
    const { next, timers, cancelTimers } = (await this.deps.timing?.plan({ caseId: c.id, definitionId: def.id, next: planned, closedTaskIds: [], engine: started }))
      ?? { next: planned, timers: [], cancelTimers: [] };
    const reminders = this.deps.reminders?.plan(next.tasks, [], now).timers ?? [];
    const outbox = (await this.deps.notifications?.completion({ case: c, newTasks: next.tasks, effects: {}, values, now, actorId: actor.id })) ?? [];
    const who = { id: actor.id, displayName: actor.displayName };
    const saved = applyResult(c, started, at);
    await this.deps.store.applyCaseChange({
      expectedRev: null,
      caseNumberScope: (this.deps.numbering ?? new CaseNumbering()).scopeOf(def, now),
      case: saved,
      openTasks: next.tasks,
      timers: [...timers, ...reminders], cancelTimers, outbox,
      audit: [
        auditEvent(c.id, at, who, 'case.started', { processKey: def.processKey, version: def.version, by: mode, applicantName: c.applicantName, fields: values }),
        ...next.audit,
        ...endAudit(c.id, started, at),
      ],
    });
    return (await this.deps.store.getCase(saved.id)) ?? saved; // with the number the store gave it
  }

  /** The latest version of `processKey` and its start, if `actor` may start it as `mode`. */
  private async authorised(processKey: string, actor: UserRecord, mode: StartMode): Promise<{ def: DefinitionRecord; start: ProcessStart }> {
    if (actor.status === 'disabled') throw new ForbiddenError();
    const def = await this.deps.definitions.latest(processKey); // 404 when never deployed
    const start = await this.startOf(def);
    if (!start.startEvent) throw new NotFoundError('start.notStartable');
    if (mode === 'applicant') {
      if (actor.role !== 'applicant') throw new ForbiddenError('start.applicantOnly');
      if (!start.publicStart) throw new NotFoundError('start.notPublic');
      return { def, start };
    }
    if (actor.role === 'applicant') throw new ForbiddenError('start.staffOnly');
    const groups = await this.deps.store.listUserGroups(actor.id);
    if (!start.starterGroups.some((g) => g !== APPLICANT_GROUP && groups.includes(g))) throw new ForbiddenError('start.notStarter');
    return { def, start };
  }

  /** Deployed processes (latest versions) whose start satisfies `keep`, by name. */
  private async startable(keep: (start: ProcessStart) => boolean): Promise<Array<{ def: DefinitionRecord; start: ProcessStart }>> {
    const latest = await this.deps.store.listLatestDefinitions(CATALOGUE_LIMIT);
    const found: Array<{ def: DefinitionRecord; start: ProcessStart }> = [];
    for (const summary of latest) {
      const def = await this.deps.definitions.byId(summary.id);
      const start = await this.startOf(def);
      if (start.startEvent && keep(start)) found.push({ def, start });
    }
    return found.sort((a, b) => a.def.name.localeCompare(b.def.name, 'id'));
  }

  private startOf(def: DefinitionRecord): Promise<ProcessStart> {
    let start = this.starts.get(def.id);
    if (!start) {
      if (this.starts.size >= CACHE_LIMIT) this.starts.clear();
      start = loadProcessStart(def.xml);
      start.catch(() => this.starts.delete(def.id));
      this.starts.set(def.id, start);
    }
    return start;
  }

  private entry(def: DefinitionRecord, start: ProcessStart, startPath: string): StartableProcess {
    return { processKey: def.processKey, name: def.name, description: start.description, requirements: start.requirements, totalTime: start.totalTime, startPath };
  }

  /** The generic model form of the start event's fields (an empty form when it declares none). */
  private formOf(def: DefinitionRecord, start: ProcessStart): FormDef {
    const key = `${def.id}\n${start.startEvent!.id}`;
    const cached = this.forms.get(key);
    if (cached) return cached;
    if (this.forms.size >= CACHE_LIMIT) this.forms.clear();
    const startForm = startFormOf(start)!;
    this.forms.set(key, startForm);
    return startForm;
  }
}

/** A staff-started case is about someone else: its `pemohon` field names them, else its first text field. */
function subjectOf(form: FormDef, values: FormValues, actor: UserRecord): string {
  const text = (name: string): string => {
    const v = Object.hasOwn(values, name) ? values[name] : undefined;
    return typeof v === 'string' ? v.trim() : '';
  };
  const named = text(APPLICANT_GROUP);
  if (named) return named;
  const first = form.fields.find((f) => (f.type === 'text' || f.type === 'textarea') && !f.inputmode && text(f.name));
  return first ? text(first.name) : actor.displayName;
}
