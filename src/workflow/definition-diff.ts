// A readable difference between two versions: bpmn-js-differ's semantic diff (elements added,
// removed, changed, moved) plus the SOP fields Alur reads (role, form, Mutu Baku, identity).
import { diff } from 'bpmn-js-differ';
import { allNodes, parseBpmn, type ModdleNode } from './moddle.js';
import { mutuBakuOf } from './process-model.js';
import { hasModelForm, readModelForm } from './form-fields.js';
import { identityNode, readSopIdentity } from './sop-identity.js';
import type { DefinitionDiff, DiffElement, FieldChange, SopIdentity } from './sop-types.js';

/** The fields of a form declared in the model, one per line: `id: label (type, required, options)`. */
function formFields(node: ModdleNode): string {
  if (!hasModelForm(node)) return '';
  return readModelForm(node).fields
    .map((f) => {
      const details = [f.type, f.required ? 'required' : '', f.options.map((o) => o.value).join('/'), f.min ? `min ${f.min}` : '', f.max ? `max ${f.max}` : '']
        .concat(f.minLength !== undefined ? `minlength ${f.minLength}` : '', f.maxLength !== undefined ? `maxlength ${f.maxLength}` : '');
      return `${f.id}: ${f.label} (${details.filter(Boolean).join(', ')})`;
    })
    .join('\n');
}

/** SOP fields of a flow node, by the field key shown in the diff. */
function sopFields(node: ModdleNode): Record<string, string> {
  const mutu = mutuBakuOf(node);
  const docs = ((node.documentation as Array<{ text?: string }> | undefined) ?? []).map((d) => d.text ?? '').join('\n');
  return {
    documentation: docs,
    condition: String((node.conditionExpression as { body?: string } | undefined)?.body ?? ''),
    default: String((node.default as { id?: string } | undefined)?.id ?? ''),
    sourceRef: String((node.sourceRef as { id?: string } | undefined)?.id ?? ''),
    targetRef: String((node.targetRef as { id?: string } | undefined)?.id ?? ''),
    name: String(node.name ?? ''),
    role: String(node.candidateGroups ?? ''),
    form: String(node.formKey ?? ''),
    formFields: formFields(node),
    langkah: mutu?.langkah === undefined ? '' : String(mutu.langkah),
    uraian: mutu?.uraian ?? '',
    requirements: (mutu?.persyaratan ?? []).join('; '),
    time: mutu?.waktu ?? '',
    output: mutu?.output ?? '',
    keterangan: (mutu?.keterangan ?? []).join('; '),
  };
}
/** Attributes already shown as SOP fields, or only noise. */
const COVERED = new Set(['name', 'candidateGroups', 'formKey', 'extensionElements', 'incoming', 'outgoing', 'flowNodeRef', 'documentation', 'conditionExpression', 'default', 'sourceRef', 'targetRef']);

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object') return String(value);
  const v = value as { id?: string; body?: string; $type?: string };
  if (typeof v.body === 'string') return v.body;
  if (typeof v.id === 'string') return v.id;
  return v.$type ?? JSON.stringify(value);
}

function identityFields(identity: SopIdentity): Record<string, string> {
  const { disahkan, ...rest } = identity;
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) flat[key] = Array.isArray(value) ? value.join('; ') : String(value);
  for (const [key, value] of Object.entries(disahkan)) flat[`disahkan.${key}`] = value;
  return flat;
}

function changes(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  return Object.keys({ ...before, ...after })
    .filter((field) => (before[field] ?? '') !== (after[field] ?? ''))
    .map((field) => ({ field, before: before[field] ?? '', after: after[field] ?? '' }));
}

const element = (n: { $type: string; id?: string; name?: string }): DiffElement => ({ id: n.id ?? '', type: n.$type, name: String(n.name ?? '') });
const byId = (a: DiffElement, b: DiffElement): number => a.id.localeCompare(b.id);

function processOf(root: ModdleNode): ModdleNode | undefined {
  const processes = ((root.rootElements as ModdleNode[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:Process');
  return processes.find((p) => p.isExecutable === true) ?? processes[0];
}

export async function diffDefinitions(beforeXml: string, afterXml: string): Promise<DefinitionDiff> {
  const before = (await parseBpmn(beforeXml)).rootElement as unknown as ModdleNode;
  const after = (await parseBpmn(afterXml)).rootElement as unknown as ModdleNode;
  const result = diff(before, after);
  const changed = new Map<string, DiffElement & { changes: FieldChange[] }>();
  for (const [id, { model, attrs }] of Object.entries(result._changed)) {
    if (model.$type === 'alur:SopIdentity' || !id) continue;
    const list = Object.entries(attrs)
      .filter(([attr]) => !COVERED.has(attr.replace(/[[.].*$/, '')))
      .map(([attr, c]) => ({ field: attr, before: display(c.oldValue), after: display(c.newValue) }))
      .filter((c) => c.before !== c.after);
    if (list.length) changed.set(id, { ...element(model), id, changes: list });
  }
  const beforeNodes = new Map(allNodes(before).filter((n) => n.id).map((n) => [n.id!, n]));
  for (const node of allNodes(after)) {
    const old = node.id ? beforeNodes.get(node.id) : undefined;
    if (!old || old.$type !== node.$type || !node.$type.startsWith('bpmn:')) continue;
    const sop = changes(sopFields(old), sopFields(node));
    if (!sop.length) continue;
    const entry = changed.get(node.id!) ?? { ...element(node), changes: [] };
    entry.changes = [...sop, ...entry.changes.filter((c) => !sop.some((s) => s.field === c.field))];
    changed.set(node.id!, entry);
  }
  const [pb, pa] = [processOf(before), processOf(after)];
  const identity = identityNode(pb) || identityNode(pa) ? changes(identityFields(readSopIdentity(pb, '')), identityFields(readSopIdentity(pa, ''))) : [];
  const semantic = (map: Record<string, { $type: string }>) => Object.values(map).filter((e) => e.$type.startsWith('bpmn:')).map(element).sort(byId);
  return {
    added: semantic(result._added),
    removed: semantic(result._removed),
    changed: [...changed.values()].sort(byId),
    layoutChanged: semantic(result._layoutChanged).filter((e) => !changed.has(e.id)),
    identity,
  };
}
