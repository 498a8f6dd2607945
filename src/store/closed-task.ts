// A task no longer open keeps no search text (issue 14, a lean store): inboxes search open tasks only.
// Both adapters store it so, whether the task closes later or is written closed (e.g. the sign-up step,
// created and completed in one change).
import type { TaskRecord } from './ports.js';

/** The task as stored: its search text emptied unless it is open. */
export function storedTask(t: TaskRecord): TaskRecord {
  return t.status !== 'open' && t.searchText !== '' ? { ...t, searchText: '' } : t;
}
