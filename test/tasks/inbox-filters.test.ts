// Inbox filters from the query string: only known values are used, irrelevant states are reported.
import { describe, expect, test } from '@jest/globals';
import { filterQueryString, parseFilters, sharedQuery, sortQuery, stateQuery } from '../../src/tasks/inbox-filters.js';

const STEPS = ['MelakukanVerifikasi', 'MemeriksaInformasi', 'MengaktifkanAkun'];
const NOW = new Date('2026-03-02T01:00:00.000Z');

describe('Given the query string of an inbox', () => {
  test('when every filter is given, then they become one store query and one link', () => {
    const f = parseFilters({ langkah: 'MemeriksaInformasi', status: 'terlambat', cari: '  Siti  Aminah ', urut: 'umur', halaman: '3' }, 'queue', STEPS);
    expect(f).toMatchObject({ step: 'MemeriksaInformasi', state: 'terlambat', search: 'Siti Aminah', sort: 'umur', page: 3, ignoredState: null });
    expect({ ...sharedQuery(f), ...stateQuery(f, NOW), ...sortQuery(f) }).toEqual({
      elementId: 'MemeriksaInformasi', search: 'Siti Aminah', dueBefore: NOW.toISOString(), sort: 'age',
    });
    expect(filterQueryString(f, { page: 2 })).toBe('?langkah=MemeriksaInformasi&status=terlambat&cari=Siti+Aminah&urut=umur&halaman=2');
    expect(filterQueryString(f, { withState: false })).toBe('?langkah=MemeriksaInformasi&cari=Siti+Aminah&urut=umur');
  });

  test('when a NIP is typed with spaces, then it is searched without them (as stored)', () => {
    expect(parseFilters({ cari: '19860926 201505 1 001' }, 'queue', STEPS).search).toBe('198609262015051001');
  });

  test('when values are unknown or repeated, then defaults are used and the first value wins', () => {
    const f = parseFilters({ langkah: 'DROP TABLE', status: 'x', urut: 'acak', halaman: '-4', cari: ['a', 'b'] }, 'queue', STEPS);
    expect(f).toMatchObject({ step: '', state: '', sort: 'batas', page: 1, search: 'a', ignoredState: null });
    expect(sortQuery(f)).toEqual({ sort: 'due' });
  });

  test('when "baru" is asked for in Tugas Saya or "diambil" in the Antrian, then it is ignored and reported', () => {
    expect(parseFilters({ status: 'baru' }, 'mine', STEPS)).toMatchObject({ state: '', ignoredState: 'baru' });
    expect(parseFilters({ status: 'diambil' }, 'queue', STEPS)).toMatchObject({ state: '', ignoredState: 'diambil' });
    expect(parseFilters({ status: 'diambil' }, 'mine', STEPS)).toMatchObject({ state: '', ignoredState: null });
    expect(stateQuery(parseFilters({ status: 'baru' }, 'queue', STEPS), NOW)).toEqual({ dueFrom: NOW.toISOString() });
  });
});
