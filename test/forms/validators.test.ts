import { describe, expect, test } from '@jest/globals';
import { validateForm } from '../../src/forms/validate-form.js';
import { identitas, periksa } from '../../src/forms/ppbj-forms.js';
import { checkNik, checkNip, checkWhatsapp, normaliseWhatsapp } from '../../src/forms/validators.js';

describe('Given the PPBJ field rules', () => {
  test('when a NIP is checked, then 18 digits with real dates and gender 1/2 pass (spaces allowed)', () => {
    expect(checkNip('19860926 201505 1 001')).toBeNull();
    expect(checkNip('198609262015052001')).toBeNull();
    expect(checkNip('19860926201505100')).toBe('field.nip.format'); // 17 digits
    expect(checkNip('198609262015053001')).toBe('field.nip.format'); // gender 3
    expect(checkNip('198602302015051001')).toBe('field.nip.date'); // 30 February
    expect(checkNip('198609262015131001')).toBe('field.nip.date'); // TMT month 13
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
    const r = validateForm(identitas, { nip: '1', pangkatGolongan: 'Raja (V/z)' });
    expect(r.errors).toMatchObject({ nip: 'field.nip.format', nik: 'field.required', pangkatGolongan: 'field.option.invalid' });
    expect(r.errors.gelarDepan).toBeUndefined();
    expect(validateForm(periksa, { lengkap: 'tidak' }).errors).toEqual({ alasan: 'field.required' });
    expect(validateForm(periksa, { lengkap: 'ya' }).errors).toEqual({});
    expect(periksa.engineOutput!(validateForm(periksa, { lengkap: 'ya' }).clean)).toEqual({ lengkap: true });
  });
});
