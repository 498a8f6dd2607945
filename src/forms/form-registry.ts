// The coded forms (by camunda:formKey) and the structured return reasons of every process pack,
// built by the composition root from the packs (src/packs/index.ts) and passed to the services
// that look forms up: task forms, the case page, the definition service (known form keys), the
// studio's form list, and model forms (what a staff step reviews).
import { APPLICANT_GROUP } from '../store/ports.js';
import type { FormDef, ReturnReason } from './form-types.js';

export class FormRegistry {
  private readonly forms = new Map<string, FormDef>();
  private readonly reasonsByCode = new Map<string, ReturnReason>();

  /** Throws when two forms share a key or two reasons a code (packs must not collide). */
  constructor(forms: readonly FormDef[] = [], reasons: readonly ReturnReason[] = []) {
    for (const f of forms) {
      if (this.forms.has(f.key)) throw new Error(`Two forms have the formKey "${f.key}"`);
      this.forms.set(f.key, f);
    }
    for (const r of reasons) {
      if (this.reasonsByCode.has(r.code)) throw new Error(`Two return reasons have the code "${r.code}"`);
      this.reasonsByCode.set(r.code, r);
    }
  }

  find(formKey: string): FormDef | undefined {
    return this.forms.get(formKey);
  }

  has(formKey: string): boolean {
    return this.forms.has(formKey);
  }

  /** Every registered form key, in registration order. */
  keys(): string[] {
    return [...this.forms.keys()];
  }

  /** Keys of the forms the applicant fills ('pemohon' steps): what a staff step of a model form reviews. */
  applicantFormKeys(): string[] {
    return [...this.forms.values()].filter((f) => f.groupId === APPLICANT_GROUP).map((f) => f.key);
  }

  reason(code: string): ReturnReason | undefined {
    return this.reasonsByCode.get(code);
  }

  reasons(): ReturnReason[] {
    return [...this.reasonsByCode.values()];
  }
}
