// Keyboard shortcuts of the working inbox (documented on the page, views/partials/inbox-keys.hbs):
// j / k next / previous task, Enter or o open it, a take it, x select it, b take the selected,
// n take the next task; a button with data-key="<key>" is pressed by that key (e.g. Ambil on a task
// page). A module file (CSP: no inline script); nothing fires while typing in a field or with a
// modifier key held.
const rows = Array.from(document.querySelectorAll('table[data-inbox] tbody tr.task-row'));
let current = -1;

function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || Boolean(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
}

function select(index) {
  if (rows.length === 0) return;
  current = Math.max(0, Math.min(rows.length - 1, index));
  rows.forEach((row, i) => row.classList.toggle('alur-row--current', i === current));
  const link = rows[current].querySelector('a.task-link');
  if (link) link.focus();
}

function currentRow() {
  if (current >= 0) return rows[current];
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest('tr.task-row') : null;
  return focused && rows.includes(focused) ? focused : null;
}

function press(selector, scope = document) {
  const control = scope.querySelector(selector);
  if (!control) return false;
  control.click();
  return true;
}

const actions = {
  j: () => select(current + 1),
  k: () => select(current < 0 ? 0 : current - 1),
  o: () => press('a.task-link', currentRow() ?? undefined),
  a: () => { const row = currentRow(); return row ? press('button.take', row) : press('button[data-key="a"]'); },
  x: () => { const box = currentRow()?.querySelector('input[name="tugas"]'); if (box) box.click(); return Boolean(box); },
  b: () => press('button[data-key="b"]'),
  n: () => press('button[data-key="n"]'),
};

document.addEventListener('focusin', (event) => {
  const row = event.target instanceof HTMLElement ? event.target.closest('tr.task-row') : null;
  if (row && rows.includes(row)) {
    current = rows.indexOf(row);
    rows.forEach((r, i) => r.classList.toggle('alur-row--current', i === current));
  }
});

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const action = actions[event.key];
  if (!action) return;
  if (event.key === 'o' && !currentRow()) return;
  // a key the page has no use for (no table, no such button) is left alone
  if ((event.key === 'j' || event.key === 'k') && rows.length === 0) return;
  const done = action();
  if (done !== false) event.preventDefault();
});
