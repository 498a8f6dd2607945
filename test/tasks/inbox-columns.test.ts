// The dense inbox's columns: each sortable header toggles its direction and says the current one
// (aria-sort); a row's waiting time and time left, coloured by urgency.
import { describe, expect, test } from '@jest/globals';
import { parseFilters, sortQuery } from '../../src/tasks/inbox-filters.js';
import { rowTimes, sortHeaders } from '../../src/tasks/inbox-columns.js';

const NOW = new Date('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

describe('Given the inbox sorts', () => {
  test.each([
    ['batas', 'due', { waiting: ['/kotak-masuk?urut=umur', 'none'], timeLeft: ['/kotak-masuk?urut=batas-akhir', 'ascending'] }],
    ['batas-akhir', 'due-desc', { waiting: ['/kotak-masuk?urut=umur', 'none'], timeLeft: ['/kotak-masuk', 'descending'] }],
    ['umur', 'age', { waiting: ['/kotak-masuk?urut=terbaru', 'descending'], timeLeft: ['/kotak-masuk', 'none'] }],
    ['terbaru', 'age-desc', { waiting: ['/kotak-masuk?urut=umur', 'ascending'], timeLeft: ['/kotak-masuk', 'none'] }],
  ] as const)('when sorted by %s, then the store reads %s and the headers toggle', (urut, store, want) => {
    const f = parseFilters({ urut }, 'queue', []);
    expect(sortQuery(f)).toEqual({ sort: store });
    const h = sortHeaders(f, '/kotak-masuk');
    expect([h.waiting.href, h.waiting.ariaSort]).toEqual(want.waiting);
    expect([h.timeLeft.href, h.timeLeft.ariaSort]).toEqual(want.timeLeft);
  });

  test.each([
    ['proses', 'process', 'process', ['/kotak-masuk?urut=proses-turun', 'ascending']],
    ['proses-turun', 'process-desc', 'process', ['/kotak-masuk?urut=proses', 'descending']],
    ['langkah', 'step', 'step', ['/kotak-masuk?urut=langkah-turun', 'ascending']],
    ['pemohon-turun', 'applicant-desc', 'applicant', ['/kotak-masuk?urut=pemohon', 'descending']],
  ] as const)('when sorted by %s, then the store reads %s and that name column toggles while the others offer A–Z', (urut, store, column, want) => {
    const f = parseFilters({ urut }, 'queue', []);
    expect(sortQuery(f)).toEqual({ sort: store });
    const h = sortHeaders(f, '/kotak-masuk');
    expect([h[column].href, h[column].ariaSort]).toEqual(want);
    const others = (['process', 'step', 'applicant'] as const).filter((c) => c !== column);
    expect(others.map((c) => h[c].ariaSort)).toEqual(['none', 'none']);
    expect([h.waiting.ariaSort, h.timeLeft.ariaSort]).toEqual(['none', 'none']);
  });

  test('when a header link is built, then the filters stay and the page starts again', () => {
    const f = parseFilters({ cari: 'budi', status: 'terlambat', halaman: '3' }, 'queue', []);
    expect(sortHeaders(f, '/kotak-masuk').waiting.href).toBe('/kotak-masuk?status=terlambat&cari=budi&urut=umur');
  });
});

describe('Given a task with a 20-minute time standard', () => {
  const task = { createdAt: at(-5), dueAt: at(15) };
  test.each([
    [0, 'ok', false, 5],
    [6, 'soon', false, 11], // half of the standard or less left
    [20.5, 'late', true, 25],
  ] as const)('when %d minutes pass, then it is %s', (later, urgency, overdue, waited) => {
    const times = rowTimes(task, new Date(NOW.getTime() + later * 60_000));
    expect([times.urgency, times.overdue, times.waiting.minutes]).toEqual([urgency, overdue, waited]);
  });
});
