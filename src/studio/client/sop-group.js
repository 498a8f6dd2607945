// "Grup baru": names a group the office does not have yet for the selected user task. The typed
// name becomes the group id the server would derive from a lane ("Kepala Seksi" -> kepala-seksi);
// the deploy creates the group. Committed on change (Enter or leaving the field), never per key.
import { h } from '@bpmn-io/properties-panel/preact';
import { useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { text } from './i18n.js';

const IDENTIFIER = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const RESERVED = new Set(['applicant', 'staff', 'process-owner']);

/** Same rule as the server's lane slug: diacritics removed, lower-case, non-alphanumeric runs -> '-'. */
export function slugify(name) {
  return String(name || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The group id for a typed name, or { error }. */
export function newGroupId(name) {
  const id = slugify(name);
  if (!id || id.length > 64 || !IDENTIFIER.test(id)) return { error: text.newGroupInvalid };
  if (RESERVED.has(id)) return { error: text.newGroupReserved };
  return { id };
}

export function NewGroupEntry(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const [error, setError] = useState(null);
  const inputId = `bio-properties-panel-${id}`;
  const commit = (event) => {
    const value = event.target.value;
    if (!value.trim()) return setError(null);
    const result = newGroupId(value);
    if (result.error) return setError(result.error);
    setError(null);
    event.target.value = '';
    modeling.updateModdleProperties(element, getBusinessObject(element), { 'camunda:candidateGroups': result.id });
  };
  return h('div', { class: `bio-properties-panel-entry${error ? ' has-error' : ''}`, 'data-entry-id': id },
    h('label', { for: inputId, class: 'bio-properties-panel-label' }, text.newGroup),
    h('input', { id: inputId, type: 'text', class: 'bio-properties-panel-input', 'aria-invalid': error ? 'true' : 'false',
      onChange: commit, onKeyDown: (e) => { if (e.key === 'Enter') { e.preventDefault(); commit(e); } } }),
    error ? h('div', { class: 'bio-properties-panel-error' }, error) : null,
    h('div', { class: 'bio-properties-panel-description' }, text.newGroupHint));
}
