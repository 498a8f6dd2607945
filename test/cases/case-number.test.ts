// The nomor permohonan's scope: a pack's prefix, else the initials of the process name, and the year in WIB.
import { describe, expect, test } from '@jest/globals';
import { CaseNumbering, initialsOf } from '../../src/cases/case-number.js';

describe('Given process names and packs', () => {
  test('when a process has no pack prefix, then its initials (small words left out, at most 6) name it; none usable: ALUR', () => {
    expect(initialsOf('Pengajuan Belanja Pegawai')).toBe('PBP');
    expect(initialsOf('Surat Keterangan Domisili')).toBe('SKD');
    expect(initialsOf('Pendaftaran Akun Pengelola Pengadaan Barang dan Jasa')).toBe('PAPPBJ');
    expect(initialsOf('Permohonan Informasi Publik untuk Desa di Kabupaten Kubu Raya')).toBe('PIPDKK');
    expect(initialsOf('Éxito ñandu')).toBe('EN');
    expect(initialsOf('')).toBe('ALUR');
    expect(initialsOf('x')).toBe('ALUR');
  });

  test('when a case starts, then its scope is the prefix and the year in WIB (UTC+7), a pack\'s prefix first', () => {
    const numbering = new CaseNumbering({ 'layanan-a': 'LA' });
    expect(numbering.scopeOf({ processKey: 'layanan-a', name: 'Layanan Apa Saja' }, new Date('2026-06-01T00:00:00Z'))).toBe('LA-2026');
    expect(numbering.scopeOf({ processKey: 'lain', name: 'Surat Keterangan Domisili' }, new Date('2026-12-31T16:59:00Z'))).toBe('SKD-2026');
    expect(numbering.scopeOf({ processKey: 'lain', name: 'Surat Keterangan Domisili' }, new Date('2026-12-31T17:00:00Z'))).toBe('SKD-2027');
    expect(numbering.prefixOf('constructor', 'Surat Keterangan Domisili')).toBe('SKD'); // own entries only
  });
});
