// "SOP baru": a name and a process id (proposed from the name, editable), checked, then a studio
// draft from the minimal template; the first deploy from the studio makes version 1.
import type { Store } from '../store/ports.js';
import { withArgs } from '../web/i18n.js';
import { newSopXml } from './new-sop-template.js';
import type { ProcessCatalog } from './process-catalog.js';
import { PROCESS_KEY_MAX, RESERVED_PROCESS_KEYS } from './process-key.js';

export const NEW_SOP_NAME_MAX = 200;
/** A new process id starts with a letter (it is an XML id too), then letters, digits, '-', '_'. */
const NEW_KEY = new RegExp(`^[A-Za-z][A-Za-z0-9_-]{0,${PROCESS_KEY_MAX - 1}}$`);

/** "Pendaftaran Izin Cuti (2024)" → "pendaftaran-izin-cuti-2024". */
export function slugFromName(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+/, '').slice(0, PROCESS_KEY_MAX).replace(/-+$/, '');
  return slug;
}

export interface NewSopInput {
  name: string;
  key: string;
}

/** Field → message key; empty when the input can become a new SOP. */
export type NewSopErrors = Partial<Record<keyof NewSopInput, string>>;

export class NewSopService {
  constructor(
    private readonly deps: { store: Store; catalog: ProcessCatalog; now?: () => Date },
  ) {}

  async check(input: NewSopInput): Promise<NewSopErrors> {
    const errors: NewSopErrors = {};
    if (!input.name) errors.name = 'newSop.error.nameRequired';
    else if (input.name.length > NEW_SOP_NAME_MAX) errors.name = 'newSop.error.nameTooLong';
    if (!input.key) errors.key = 'newSop.error.keyRequired';
    else if (!NEW_KEY.test(input.key)) errors.key = 'newSop.error.keyInvalid';
    else if (RESERVED_PROCESS_KEYS.includes(input.key.toLowerCase())) errors.key = 'newSop.error.keyReserved';
    else if (await this.deps.catalog.isTaken(input.key)) errors.key = withArgs('newSop.error.keyTaken', input.key);
    return errors;
  }

  /** Saves the template as the draft of the new process; refused (errors) when the input is not valid. */
  async create(input: NewSopInput, by: string | null): Promise<NewSopErrors> {
    const errors = await this.check(input);
    if (Object.keys(errors).length) return errors;
    // NOTE: only if the key has no draft yet: two owners naming the same new id at once both pass
    // check(), and the second must be refused, not overwrite the first's draft
    const created = await this.deps.store.createProcessDraft({
      processKey: input.key, xml: newSopXml(input.key, input.name), savedAt: (this.deps.now ?? (() => new Date()))().toISOString(), savedBy: by,
    });
    return created ? {} : { key: withArgs('newSop.error.keyTaken', input.key) };
  }
}
