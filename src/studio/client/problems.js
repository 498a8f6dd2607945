// Shows validation problems: a list under the diagram and markers on the elements themselves.
// Each problem on an element is a button: click or Enter selects the element and scrolls it into
// view. The message comes first, the rule code small after it. Any answer (even a malformed one)
// replaces the list: a problem without the expected fields is shown with what it has.
const MARKERS = ['alur-error', 'alur-warning'];
let marked = [];

const span = (className, content) => {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = content;
  return el;
};

/** The problem as this list needs it, whatever the server sent. */
function normalise(p) {
  const o = p && typeof p === 'object' ? p : { message: String(p) };
  return {
    elementId: typeof o.elementId === 'string' && o.elementId ? o.elementId : null,
    name: typeof o.name === 'string' ? o.name : '',
    severity: o.severity === 'warning' ? 'warning' : 'error',
    code: String(o.code || o.rule || ''),
    message: String(o.message || ''),
  };
}

export function focusElement(modeler, element) {
  modeler.get('selection').select(element);
  const canvas = modeler.get('canvas');
  if (typeof canvas.scrollToElement === 'function') canvas.scrollToElement(element, { top: 80, bottom: 80, left: 120, right: 80 });
}

export function showProblems(modeler, rawProblems, { list, count, msg }) {
  const problems = (Array.isArray(rawProblems) ? rawProblems : []).map(normalise);
  const registry = modeler.get('elementRegistry');
  const canvas = modeler.get('canvas');
  for (const id of marked) if (registry.get(id)) MARKERS.forEach((m) => canvas.removeMarker(id, m));
  marked = [];
  list.replaceChildren();
  const errors = problems.filter((p) => p.severity === 'error').length;
  count.textContent = `(${errors} ${msg('error')}, ${problems.length - errors} ${msg('warning')})`;
  list.dataset.errors = String(errors);
  if (!problems.length) {
    const li = document.createElement('li');
    li.className = 'problem-none';
    li.textContent = msg('valid');
    list.appendChild(li);
  }
  for (const p of problems) {
    const li = document.createElement('li');
    li.className = `problem ${p.severity}`;
    li.dataset.element = p.elementId || '';
    li.dataset.rule = p.code;
    const parts = [span('severity', `${msg(p.severity)}: `)];
    const element = p.elementId && registry.get(p.elementId);
    // the message names the element (messages helper); an older answer without it gets the name shown before
    if (p.name && !p.message.includes(p.name)) parts.push(span('element-name', `${p.name}: `));
    parts.push(span('message', p.message));
    if (p.code) parts.push(span('rule', p.code));
    if (element) {
      canvas.addMarker(p.elementId, `alur-${p.severity}`);
      marked.push(p.elementId);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'problem-target';
      button.append(...parts);
      button.addEventListener('click', () => focusElement(modeler, element));
      li.appendChild(button);
    } else {
      li.append(...parts);
    }
    list.appendChild(li);
  }
}
