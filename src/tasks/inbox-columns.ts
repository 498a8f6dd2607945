// The dense inbox's columns: the sortable headers (Menunggu, Sisa waktu; each link toggles its
// direction, the current one carries aria-sort) and the row's times, coloured by urgency: late
// (overdue), soon (half of its time standard or less left), ok.
import type { TaskRecord } from '../store/ports.js';
import { filterQueryString, type InboxFilters, type InboxSort } from './inbox-filters.js';
import { span, timeLeft, type Span, type TimeLeft } from './sla.js';

export type Urgency = 'late' | 'soon' | 'ok';

export interface SortHeader {
  href: string;
  /** aria-sort of the column: how its values run down the page. */
  ariaSort: 'ascending' | 'descending' | 'none';
}

/**
 * Menunggu (waiting): "umur" shows the longest waiting first (waiting time descending), "terbaru" the
 * newest first. Sisa waktu (time left): "batas" the least time left first, "batas-akhir" the most.
 */
export function sortHeaders(f: InboxFilters, path: string): { waiting: SortHeader; timeLeft: SortHeader } {
  const link = (sort: InboxSort) => `${path}${filterQueryString(f, { sort })}`;
  return {
    waiting: {
      href: link(f.sort === 'umur' ? 'terbaru' : 'umur'),
      ariaSort: f.sort === 'umur' ? 'descending' : f.sort === 'terbaru' ? 'ascending' : 'none',
    },
    timeLeft: {
      href: link(f.sort === 'batas' ? 'batas-akhir' : 'batas'),
      ariaSort: f.sort === 'batas' ? 'ascending' : f.sort === 'batas-akhir' ? 'descending' : 'none',
    },
  };
}

export interface RowTimes {
  waiting: Span; // since the task was created
  timeLeft: TimeLeft;
  urgency: Urgency;
  overdue: boolean;
}

/** How long a task has waited and how much time it has left at `now`. */
export function rowTimes(t: Pick<TaskRecord, 'createdAt' | 'dueAt'>, now: Date): RowTimes {
  const left = timeLeft(t.dueAt, now);
  const allowed = Date.parse(t.dueAt) - Date.parse(t.createdAt);
  const remaining = Date.parse(t.dueAt) - now.getTime();
  const urgency: Urgency = left.overdue ? 'late' : remaining * 2 <= allowed ? 'soon' : 'ok';
  return { waiting: span(now.getTime() - Date.parse(t.createdAt)), timeLeft: left, urgency, overdue: left.overdue };
}
