// Every field of the PPBJ review decisions says what is missing in its own words, in both languages
// (never the bare "Wajib diisi."): the decision, the return reasons, the note, the activated systems.
import { describe, expect, test } from '@jest/globals';
import { validateForm } from '../../src/forms/validate-form.js';
import { aktivasi, periksa, verifikasi } from '../../src/packs/ppbj/forms/ppbj-forms.js';
import { PPBJ_PACK } from '../../src/packs/ppbj/pack.js';
import { addPackMessages, translate } from '../../src/web/i18n.js';

addPackMessages([PPBJ_PACK.messages!]);
const NOW = { now: new Date('2026-03-02T01:00:00.000Z') };
const errorsOf = (form: typeof verifikasi, raw: Record<string, unknown>) => validateForm(form, raw, {}, NOW).errors;
const texts = (errors: Record<string, string>, lang: 'id' | 'en') => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translate(lang, v)]));

describe('Given the review forms of the PPBJ process', () => {
  test('when step 4 is sent without a decision, then the decision asks for Sesuai or Tidak sesuai', () => {
    expect(texts(errorsOf(verifikasi, {}), 'id')).toEqual({ sesuai: 'Pilih Sesuai atau Tidak sesuai' });
    expect(texts(errorsOf(verifikasi, {}), 'en')).toEqual({ sesuai: 'Choose Correct or Not correct' });
  });

  test('when step 4 or 6 returns without reasons or note, then each of the two says what is missing', () => {
    for (const [form, decision] of [[verifikasi, 'sesuai'], [periksa, 'lengkap']] as const) {
      expect(texts(errorsOf(form, { [decision]: 'tidak' }), 'id')).toEqual({
        alasanKode: 'Pilih minimal satu alasan pengembalian',
        alasan: 'Tulis catatan untuk pemohon: alasan “Lainnya” atau tanpa alasan yang dicentang perlu dijelaskan',
      });
      expect(texts(errorsOf(form, { [decision]: 'tidak' }), 'en').alasanKode).toBe('Choose at least one reason for the return');
    }
    expect(texts(errorsOf(periksa, {}), 'id')).toEqual({ lengkap: 'Pilih Lengkap atau Tidak lengkap' });
  });

  test('when step 7 is sent without a system, then it asks for the activated systems', () => {
    expect(texts(errorsOf(aktivasi, {}), 'id')).toEqual({ sistem: 'Pilih sistem yang diaktifkan' });
    expect(texts(errorsOf(aktivasi, {}), 'en')).toEqual({ sistem: 'Choose the systems the account is activated on' });
  });

  test('when any decision form is sent empty, then no error is the generic one', () => {
    for (const form of [verifikasi, periksa, aktivasi]) {
      for (const raw of [{}, { sesuai: 'tidak', lengkap: 'tidak' }]) {
        for (const key of Object.values(errorsOf(form, raw))) {
          expect(key).not.toBe('field.required');
          expect(translate('id', key)).not.toBe(key);
          expect(translate('en', key)).not.toBe(translate('id', key));
        }
      }
    }
  });
});
