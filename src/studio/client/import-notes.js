// The import notes of a draft made from an SOP document (what the importer was unsure of): a list under
// the diagram, each note marked on its element (alur-import) and a button that selects it. A note whose
// element the owner fixes in the modeler shows as fixed and leaves the draft when it is next saved;
// "Tandai selesai" dismisses one at once. Notes without a check here stay until dismissed.
import { focusElement } from './problems.js';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const mutuBaku = (element) => ((element.businessObject.extensionElements || {}).values || []).find((v) => v.$type === 'alur:MutuBaku');
const waktuSet = (element) => ISO_DURATION.test(((mutuBaku(element) || {}).waktu || '').trim());
const lengthOf = (value) => (typeof value === 'string' ? value.length : 0);
/** The Mutu Baku texts a text-too-long / list-too-long note names (its `field` argument). */
const FIELD_VALUES = {
  Kegiatan: (m) => [m.uraian],
  Output: (m) => [m.output],
  Persyaratan: (m) => m.persyaratan || [],
  Keterangan: (m) => m.keterangan || [],
};

/** Per note code: is what it flagged fixed on this element? (element, note args, element registry) */
const FIXED = {
  'waktu-unreadable': waktuSet,
  'waktu-total': waktuSet,
  'waktu-empty': waktuSet,
  'name-too-long': (el, args) => lengthOf(el.businessObject.name) <= Number(args.max || 200),
  'decision-one-branch': (el) => (el.outgoing || []).length >= 2,
  'decision-branch-unlabelled': (el) => lengthOf((el.businessObject.name || '').trim()) > 0,
  'task-many-outgoing': (el) => (el.outgoing || []).length <= 1,
  'step-no-outgoing': (el) => (el.outgoing || []).length >= 1,
  'shape-no-lane': (el, _args, registry) => registry.filter((e) => e.type === 'bpmn:Lane').some((lane) => (lane.businessObject.flowNodeRef || []).includes(el.businessObject)),
  'text-too-long': (el, args) => {
    const m = mutuBaku(el);
    const values = m && FIELD_VALUES[args.field] ? FIELD_VALUES[args.field](m) : null;
    return !!values && values.every((v) => lengthOf(v) <= Number(args.max));
  },
  'list-too-long': (el, args) => {
    const m = mutuBaku(el);
    return !!m && FIELD_VALUES[args.field] && FIELD_VALUES[args.field](m).length <= Number(args.max);
  },
};

const span = (className, text) => {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
};

function normalise(n) {
  const o = n && typeof n === 'object' ? n : {};
  return {
    id: String(o.id || ''),
    code: String(o.code || ''),
    severity: o.severity === 'error' ? 'error' : 'warning',
    elementId: typeof o.elementId === 'string' && o.elementId ? o.elementId : null,
    args: o.args && typeof o.args === 'object' ? o.args : {},
    message: String(o.message || ''),
  };
}

/** `post(url, body)` answers { status, data } (modeler.js); `msg(key)` reads the page's texts. */
export function importNotes(modeler, { section, list, count, msg, post, doneUrl }) {
  const registry = modeler.get('elementRegistry');
  const canvas = modeler.get('canvas');
  let notes = [];
  let marked = [];

  /** Fixed: its element is gone (deleted or replaced) or its check passes; never while no diagram is shown. */
  function isFixed(note) {
    if (!note.elementId || registry.getAll().length === 0) return false;
    const element = registry.get(note.elementId);
    if (!element) return true;
    const check = FIXED[note.code];
    return !!check && check(element, note.args, registry);
  }

  async function dismiss(ids) {
    const { status } = await post(doneUrl, { ids });
    if (status !== 200) return false;
    notes = notes.filter((n) => !ids.includes(n.id));
    render();
    return true;
  }

  function item(note, fixed) {
    const li = document.createElement('li');
    li.className = `problem ${note.severity} import-note${fixed ? ' fixed' : ''}`;
    li.dataset.note = note.id;
    li.dataset.element = note.elementId || '';
    li.dataset.rule = note.code;
    const parts = [span('severity', `${msg(note.severity)}: `), span('message', note.message), span('rule', note.code)];
    const element = note.elementId && registry.get(note.elementId);
    if (element) {
      const target = document.createElement('button');
      target.type = 'button';
      target.className = 'problem-target';
      target.append(...parts);
      target.addEventListener('click', () => focusElement(modeler, element));
      li.appendChild(target);
    } else {
      li.append(...parts);
    }
    if (fixed) li.appendChild(span('import-fixed', msg('importFixed')));
    const done = document.createElement('button');
    done.type = 'button';
    done.className = 'govuk-button govuk-button--secondary import-dismiss';
    done.textContent = msg('importDismiss');
    done.addEventListener('click', async () => {
      done.disabled = true;
      if (await dismiss([note.id])) list.focus();
      else done.disabled = false;
    });
    li.appendChild(done);
    return li;
  }

  function render() {
    for (const id of marked) if (registry.get(id)) canvas.removeMarker(id, 'alur-import');
    marked = [];
    list.replaceChildren();
    const open = notes.filter((n) => !isFixed(n));
    for (const note of notes) {
      const fixed = !open.includes(note);
      if (!fixed && note.elementId && registry.get(note.elementId)) {
        canvas.addMarker(note.elementId, 'alur-import');
        marked.push(note.elementId);
      }
      list.appendChild(item(note, fixed));
    }
    count.textContent = `(${open.length})`;
    list.dataset.open = String(open.length);
    section.hidden = notes.length === 0;
  }

  list.tabIndex = -1;
  return {
    /** The draft's notes (from the studio's XML answer), once its diagram is shown. */
    show(raw) {
      notes = (Array.isArray(raw) ? raw : []).map(normalise).filter((n) => n.id);
      render();
    },
    /** After an edit: fixed notes show as such, their markers go. */
    refresh: render,
    /** After the draft was saved: the notes fixed in it leave the draft. */
    async saved() {
      const fixed = notes.filter(isFixed).map((n) => n.id);
      if (fixed.length) await dismiss(fixed);
    },
  };
}
