// Inbox filters of the staff views: read from the query string (a plain GET form), turned into
// a store TaskQuery, and written back into links so paging and tabs keep them.
import type { TaskQuery } from '../store/ports.js';
import { pageNumber } from '../web/query-params.js';

export type InboxView = 'mine' | 'queue';
/** baru = not taken and not overdue; diambil = taken; terlambat = overdue. */
export type InboxState = 'baru' | 'diambil' | 'terlambat';
/**
 * batas = nearest due first, batas-akhir = latest due first, umur = waiting longest first, terbaru = newest first;
 * proses, langkah, pemohon = by process, step, applicant name A–Z (ties: nearest due first), '-turun' = Z–A.
 */
export type InboxSort =
  | 'batas' | 'batas-akhir' | 'umur' | 'terbaru'
  | 'proses' | 'proses-turun' | 'langkah' | 'langkah-turun' | 'pemohon' | 'pemohon-turun';

export interface InboxFilters {
  process: string; // processKey, '' = every process
  step: string; // elementId of a step of `stepProcess`, '' = every step
  /** The process the step filter lists steps of: the chosen one, else the only one there is ('' = none). */
  stepProcess: string;
  state: InboxState | ''; // '' = every state the view holds
  search: string;
  sort: InboxSort;
  page: number;
  /** A state that cannot occur in this view ("baru" in Tugas Saya, "diambil" in the Antrian); ignored. */
  ignoredState: InboxState | null;
}

export const PAGE_SIZE = 50;
export const MAX_SEARCH = 100;
export const SORTS: readonly InboxSort[] = [
  'batas', 'batas-akhir', 'umur', 'terbaru', 'proses', 'proses-turun', 'langkah', 'langkah-turun', 'pemohon', 'pemohon-turun',
];
/** Each inbox sort as the store's order (every one read in index order: test/store/sqlite.query-plans.test.ts). */
const STORE_SORT: Record<InboxSort, NonNullable<TaskQuery['sort']>> = {
  batas: 'due', 'batas-akhir': 'due-desc', umur: 'age', terbaru: 'age-desc',
  proses: 'process', 'proses-turun': 'process-desc', langkah: 'step', 'langkah-turun': 'step-desc', pemohon: 'applicant', 'pemohon-turun': 'applicant-desc',
};

/**
 * The states offered in a view. The Antrian holds only untaken tasks ("diambil" cannot occur);
 * Tugas Saya holds only tasks taken by me ("baru" cannot occur, "diambil" is every row).
 */
export function statesOf(view: InboxView): InboxState[] {
  return view === 'queue' ? ['baru', 'terlambat'] : ['terlambat'];
}

function first(v: unknown): string {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : '';
}

/** NIP is stored without spaces; "19860926 201505 1 001" finds it as typed on the ID card. */
function searchTerm(raw: string): string {
  const trimmed = raw.trim().replace(/\s+/g, ' ').slice(0, MAX_SEARCH);
  return /^[\d ]+$/.test(trimmed) ? trimmed.replace(/ /g, '') : trimmed;
}

/** The process asked for (`proses`), if it is one of `keys`; '' = every process. */
export function parseProcess(query: Record<string, unknown>, keys: string[]): string {
  const key = first(query.proses);
  return keys.includes(key) ? key : '';
}

/**
 * @param stepIds the steps of `stepProcess` (element ids are unique within one process only)
 * @param process the chosen process (parseProcess); `stepProcess` the one whose steps are offered
 */
export function parseFilters(query: Record<string, unknown>, view: InboxView, stepIds: string[], process = '', stepProcess = process): InboxFilters {
  const step = first(query.langkah);
  const rawState = first(query.status) as InboxState;
  const known = (['baru', 'diambil', 'terlambat'] as const).includes(rawState);
  const valid = statesOf(view).includes(rawState);
  const wholeView = view === 'mine' && rawState === 'diambil';
  const sort = first(query.urut) as InboxSort;
  return {
    process,
    step: stepIds.includes(step) ? step : '',
    stepProcess,
    state: valid ? rawState : '',
    search: searchTerm(first(query.cari)),
    sort: SORTS.includes(sort) ? sort : 'batas',
    page: pageNumber(query.halaman),
    ignoredState: known && !valid && !wholeView ? rawState : null,
  };
}

/** Filters every view shares (process, step, search); the tab counts reflect these. A step is always asked with its process. */
export function sharedQuery(f: InboxFilters): TaskQuery {
  const processKey = f.step ? f.stepProcess : f.process;
  return {
    ...(processKey ? { processKey } : {}),
    ...(f.step ? { elementId: f.step } : {}),
    ...(f.search ? { search: f.search } : {}),
  };
}

/** The state filter as due-time bounds at `now` (overdue = dueAt before now). */
export function stateQuery(f: InboxFilters, now: Date): TaskQuery {
  const iso = now.toISOString();
  if (f.state === 'terlambat') return { dueBefore: iso };
  if (f.state === 'baru') return { dueFrom: iso };
  return {};
}

export function sortQuery(f: InboxFilters): TaskQuery {
  return { sort: STORE_SORT[f.sort] };
}

/** Query string of the filters (without defaults), for page links and tabs. */
export function filterQueryString(f: InboxFilters, opts: { page?: number; withState?: boolean; sort?: InboxSort } = {}): string {
  const params = new URLSearchParams();
  if (f.process) params.set('proses', f.process);
  if (f.step) params.set('langkah', f.step);
  if (opts.withState !== false && f.state) params.set('status', f.state);
  if (f.search) params.set('cari', f.search);
  const sort = opts.sort ?? f.sort;
  if (sort !== 'batas') params.set('urut', sort);
  if (opts.page && opts.page > 1) params.set('halaman', String(opts.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function isFiltered(f: InboxFilters): boolean {
  return Boolean(f.process || f.step || f.state || f.search);
}
