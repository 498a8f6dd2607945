// Shows validation problems: a list under the diagram (click selects the element) and markers on
// the elements themselves.
const MARKERS = ['alur-error', 'alur-warning'];
let marked = [];

export function showProblems(modeler, problems, { list, count, msg }) {
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
    li.dataset.rule = p.rule;
    li.textContent = `${msg(p.severity)}: ${p.elementId ? `${p.elementId}: ` : ''}${p.message} (${p.rule})`;
    const element = p.elementId && registry.get(p.elementId);
    if (element) {
      canvas.addMarker(p.elementId, `alur-${p.severity}`);
      marked.push(p.elementId);
      li.tabIndex = 0;
      li.addEventListener('click', () => modeler.get('selection').select(element));
    }
    list.appendChild(li);
  }
}
