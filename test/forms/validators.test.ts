import { describe, expect, test } from '@jest/globals';
import { validateForm } from '../../src/forms/validate-form.js';
import { identitas, periksa } from '../../src/packs/ppbj/forms/ppbj-forms.js';
import { checkNik, checkNip, checkWhatsapp, normaliseWhatsapp } from '../../src/forms/validators.js';

const ctx = { now: new Date('2026-03-10T08:00:00Z') };
const nip = (v: string, at = ctx) => checkNip(v, {}, at);

describe('Given the PPBJ field rules', () => {
  test('when a NIP is checked, then 18 digits with real dates and gender 1/2 pass (spaces allowed)', () => {
    expect(nip('19860926 201505 1 001')).toBeNull();
    expect(nip('198609262015052001')).toBeNull();
    expect(nip('19860926201505100')).toBe('field.nip.format'); // 17 digits
    expect(nip('198609262015053001')).toBe('field.nip.format'); // gender 3
    expect(nip('198602302015051001')).toBe('field.nip.date'); // 30 February
    expect(nip('198609262015131001')).toBe('field.nip.date'); // TMT month 13
  });

  test('when the TMT of a NIP is checked, then it is not before the 18th birthday nor after this month (WIB)', () => {
    expect(nip('198609262004091001')).toBe('field.nip.tmtBeforeAdult'); // 1 Sep 2004 < 26 Sep 2004
    expect(nip('198609262004101001')).toBeNull(); // 1 Oct 2004
    expect(nip('200002292018021001')).toBe('field.nip.tmtBeforeAdult'); // born 29 Feb 2000: 18 on 1 Mar 2018
    expect(nip('200002292018031001')).toBeNull();
    expect(nip('199002292008031001')).toBe('field.nip.date'); // 1990 has no 29 February
    expect(nip('199001012026031001')).toBeNull(); // this month
    expect(nip('199001012026041001')).toBe('field.nip.tmtFuture'); // next month
    // 30 April 17:00 UTC is already 1 May in WIB
    expect(nip('199001012026051001', { now: new Date('2026-04-30T16:59:00Z') })).toBe('field.nip.tmtFuture');
    expect(nip('199001012026051001', { now: new Date('2026-04-30T17:00:00Z') })).toBeNull();
  });

  test('when a NIK is checked, then 16 digits with a real DDMMYY (day + 40 for women) pass', () => {
    expect(checkNik('6171052609860003')).toBeNull();
    expect(checkNik('6171056609860003')).toBeNull(); // 26 + 40
    expect(checkNik('617105260986000')).toBe('field.nik.format');
    expect(checkNik('6171053209860003')).toBe('field.nik.date'); // day 32
    expect(checkNik('6171057209860003')).toBe('field.nik.date'); // 72 - 40 = 32
  });

  test('when a WhatsApp number is given as 08…, 628… or +628…, then it is stored as +628…', () => {
    for (const v of ['081234567890', '6281234567890', '+62 812-3456-7890']) {
      expect(checkWhatsapp(v)).toBeNull();
      expect(normaliseWhatsapp(v)).toBe('+6281234567890');
    }
    expect(checkWhatsapp('0212345678')).toBe('field.whatsapp.format');
    expect(checkWhatsapp('+6181234567')).toBe('field.whatsapp.format');
  });

  test('when a form is validated, then required, option and conditional rules run on the server', () => {
    const r = validateForm(identitas, { nip: '1', pangkatGolongan: 'Raja (V/z)' }, {}, ctx);
    expect(r.errors).toMatchObject({ nip: 'field.nip.format', nik: 'field.required', pangkatGolongan: 'field.option.invalid' });
    expect(r.errors.gelarDepan).toBeUndefined();
    expect(validateForm(periksa, { lengkap: 'tidak' }, {}, ctx).errors).toEqual({ alasanKode: 'field.alasanKode.required', alasan: 'field.alasanCatatan.required' });
    expect(validateForm(periksa, { lengkap: 'tidak', alasanKode: 'sk-kedaluwarsa' }, {}, ctx).errors).toEqual({});
    expect(validateForm(periksa, { lengkap: 'tidak', alasanKode: ['lainnya'] }, {}, ctx).errors).toEqual({ alasan: 'field.alasanCatatan.required' });
    expect(validateForm(periksa, { lengkap: 'tidak', alasanKode: 'bukan-kode', alasan: 'x' }, {}, ctx).errors).toEqual({ alasanKode: 'field.option.invalid' });
    expect(validateForm(periksa, { lengkap: 'ya' }, {}, ctx).errors).toEqual({});
    expect(periksa.engineOutput!(validateForm(periksa, { lengkap: 'ya' }, {}, ctx).clean)).toEqual({ lengkap: true });
  });

  test('when NIP and NIK disagree on birth date or gender, then warnings (not errors) name both fields until confirmed', () => {
    const base = { nik: '6171052609860003' };
    const agree = validateForm(identitas, { nip: '19860926 201505 1 001', nik: base.nik }, {}, ctx);
    expect(agree.warnings).toEqual([]);
    expect(agree.confirmed).toBe(true);
    const both = validateForm(identitas, { nip: '19860926 201505 1 001', nik: '6171056709860003' }, {}, ctx); // 27 + 40: woman, 27th
    expect(both.warnings.map((w) => w.code)).toEqual(['nipNik.tanggalLahir', 'nipNik.jenisKelamin']);
    expect(both.warnings[0]!.fields).toEqual(['nip', 'nik']);
    expect(both.errors.nip).toBeUndefined();
    expect(both.confirmed).toBe(false);
    const ticked = validateForm(identitas, { nip: '19860926 201505 1 001', nik: '6171056709860003', _konfirmasi: 'nipNik.jenisKelamin nipNik.tanggalLahir' }, {}, ctx);
    expect(ticked.confirmed).toBe(true);
    // a tick for one finding does not cover another
    const other = validateForm(identitas, { nip: '19860926 201505 1 001', nik: '6171056609860003', _konfirmasi: 'nipNik.tanggalLahir' }, {}, ctx);
    expect(other.warnings.map((w) => w.code)).toEqual(['nipNik.jenisKelamin']);
    expect(other.confirmed).toBe(false);
    // a field with its own error gives no cross-check warning
    expect(validateForm(identitas, { nip: '1', nik: base.nik }, {}, ctx).warnings).toEqual([]);
  });
});
