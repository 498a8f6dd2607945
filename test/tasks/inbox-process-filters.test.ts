// The inbox's process filter from the query string: only a known process is used, a step is always
// asked together with its process, and links keep the process.
import { describe, expect, test } from '@jest/globals';
import { filterQueryString, isFiltered, parseFilters, parseProcess, sharedQuery } from '../../src/tasks/inbox-filters.js';

const KEYS = ['pendaftaran-akun-ppbj', 'izin-cuti'];

describe('Given the query string of an inbox with two processes deployed', () => {
  test('when a known process is asked for, then it is kept; an unknown or repeated one falls back to every process / the first', () => {
    expect(parseProcess({ proses: 'izin-cuti' }, KEYS)).toBe('izin-cuti');
    expect(parseProcess({ proses: 'tidak-ada' }, KEYS)).toBe('');
    expect(parseProcess({ proses: ['izin-cuti', 'pendaftaran-akun-ppbj'] }, KEYS)).toBe('izin-cuti');
    expect(parseProcess({}, KEYS)).toBe('');
  });

  test('when a process and one of its steps are chosen, then the store query pairs the step with the process and links keep both', () => {
    const f = parseFilters({ proses: 'izin-cuti', langkah: 'izin-cuti_Langkah1', cari: 'sari', halaman: '2' }, 'queue', ['izin-cuti_Langkah1'], 'izin-cuti');
    expect(sharedQuery(f)).toEqual({ processKey: 'izin-cuti', elementId: 'izin-cuti_Langkah1', search: 'sari' });
    expect(filterQueryString(f, { page: 3 })).toBe('?proses=izin-cuti&langkah=izin-cuti_Langkah1&cari=sari&halaman=3');
    expect(isFiltered(f)).toBe(true);
  });

  test('when only a process is chosen, then it filters alone', () => {
    const f = parseFilters({ proses: 'izin-cuti' }, 'mine', ['izin-cuti_Langkah1'], 'izin-cuti');
    expect(sharedQuery(f)).toEqual({ processKey: 'izin-cuti' });
    expect(isFiltered(f)).toBe(true);
  });

  test('when no process is chosen but the steps offered are of the only process, then a step is still asked with that process and the link stays as before', () => {
    const f = parseFilters({ langkah: 'MelakukanVerifikasi' }, 'queue', ['MelakukanVerifikasi'], '', 'pendaftaran-akun-ppbj');
    expect(sharedQuery(f)).toEqual({ processKey: 'pendaftaran-akun-ppbj', elementId: 'MelakukanVerifikasi' });
    expect(filterQueryString(f)).toBe('?langkah=MelakukanVerifikasi');
  });

  test('when a step of another process is asked for, then it is ignored (steps of two processes are never mixed)', () => {
    const f = parseFilters({ proses: 'izin-cuti', langkah: 'MelakukanVerifikasi' }, 'queue', ['izin-cuti_Langkah1'], 'izin-cuti');
    expect(f.step).toBe('');
    expect(sharedQuery(f)).toEqual({ processKey: 'izin-cuti' });
  });
});
