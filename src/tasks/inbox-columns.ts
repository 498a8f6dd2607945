// The dense inbox's columns: the sortable headers (Proses, Langkah, Pemohon, Menunggu, Sisa waktu;
// each link toggles its direction, the current one carries aria-sort) and the row's times, coloured by urgency: late
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

/** The sortable columns of the dense inbox. */
export interface SortHeaders {
  process: SortHeader;
  step: SortHeader;
  applicant: SortHeader;
  waiting: SortHeader;
  timeLeft: SortHeader;
}

/**
 * Proses, Langkah, Pemohon: A–Z first, then Z–A. Menunggu (waiting): "umur" shows the longest waiting
 * first (waiting time descending), "terbaru" the newest first. Sisa waktu (time left): "batas" the least
 * time left first, "batas-akhir" the most. Every link keeps the filters and starts again at page 1.
 */
export function sortHeaders(f: InboxFilters, path: string): SortHeaders {
  const link = (sort: InboxSort) => `${path}${filterQueryString(f, { sort })}`;
  /** A column sorted `first` on the first click and `second` on the next; `firstIs` how `first` runs down the page. */
  const column = (first: InboxSort, second: InboxSort, firstIs: 'ascending' | 'descending' = 'ascending'): SortHeader => {
    const secondIs = firstIs === 'ascending' ? 'descending' : 'ascending';
    return {
      href: link(f.sort === first ? second : first),
      ariaSort: f.sort === first ? firstIs : f.sort === second ? secondIs : 'none',
    };
  };
  return {
    process: column('proses', 'proses-turun'),
    step: column('langkah', 'langkah-turun'),
    applicant: column('pemohon', 'pemohon-turun'),
    waiting: column('umur', 'terbaru', 'descending'),
    timeLeft: column('batas', 'batas-akhir'),
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
