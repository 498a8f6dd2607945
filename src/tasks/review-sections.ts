// Read-only sections of earlier forms shown to the reviewer: each field as shown (choices by their
// labels), file fields with every version and the current one's preview, and after a return the
// fields changed since the previous round, marked with their earlier value.
import { documentVersions, previewOf, type DocumentPreview } from '../forms/document-views.js';
import type { FieldDef, FormDef } from '../forms/form-types.js';
import { literal } from '../web/i18n.js';
import type { CaseRecord, DocumentRecord } from '../store/ports.js';
import type { FormChanges, SubmittedValue } from './round-changes.js';

/** A submitted value as shown (each through `t`): the labels of chosen options, else the text itself. */
function shownValues(field: FieldDef, v: string | string[]): string[] {
  return (Array.isArray(v) ? v : [v]).map((x) => {
    const option = field.options?.find((o) => o.value === x);
    return option && !option.literal ? option.label : literal(option?.label ?? x);
  });
}

/** The earlier value of a changed field as shown: its text, or the document it named. */
function before(field: FieldDef, v: SubmittedValue, documents: DocumentRecord[]) {
  if (v === undefined) return { empty: true };
  if (field.type !== 'file') return { values: shownValues(field, v) };
  const document = documents.find((d) => d.id === v);
  return document ? { document: { id: document.id, originalName: document.originalName } } : { empty: true };
}

const present = (v: unknown): boolean => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/**
 * @param changes per form key, the fields changed since the previous round (round-changes.ts); a form
 * submitted again without changes says so
 */
export function reviewSections(
  reviewed: FormDef[], c: CaseRecord, documents: DocumentRecord[], names: Map<string, string>, confirmed: Map<string, string[]>,
  changes: Map<string, FormChanges> = new Map(),
) {
  const previews: DocumentPreview[] = [];
  const sections = reviewed.flatMap((form, index) => {
    const values = c.data[form.key];
    if (!values) return [];
    const changed = changes.get(form.key);
    const anchor = (name: string) => `ubah-${index}-${name}`;
    const rows = form.fields
      .filter((f) => f.type !== 'password' && (present(values[f.name]) || changed?.has(f.name)))
      .map((f) => {
        const v = values[f.name] as string | string[] | undefined;
        const change = changed?.has(f.name) ? { changed: true, anchor: anchor(f.name), before: before(f, changed.get(f.name), documents) } : {};
        if (!present(v)) return { name: f.name, label: f.label, values: [], ...change };
        if (f.type !== 'file') return { name: f.name, label: f.label, values: shownValues(f, v!), ...change };
        const document = documents.find((d) => d.id === v);
        const preview = document ? previewOf(document, f.label) : null;
        if (preview) previews.push(preview);
        return { name: f.name, label: f.label, document, versions: documentVersions(documents, f.name, String(v), names), ...change };
      });
    const list = form.fields.filter((f) => changed?.has(f.name) && f.type !== 'password').map((f) => ({ label: f.label, anchor: anchor(f.name) }));
    return [{
      title: form.title, rows, confirmed: confirmed.get(form.key) ?? [],
      // a form submitted again: what changed since the previous round, or that nothing did
      changes: list, resubmitted: changed !== undefined, unchanged: changed !== undefined && list.length === 0,
    }];
  });
  return { sections, previews };
}
