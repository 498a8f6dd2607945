import { describe, expect, test } from '@jest/globals';
import { PPBJ_FORMS } from '../../src/packs/ppbj/forms/ppbj-forms.js';
import { PPBJ_MESSAGES } from '../../src/packs/ppbj/messages.js';
import { addPackMessages, CATALOGUES, formatDateTime, formatDuration, translate } from '../../src/web/i18n.js';

describe('Given the Bahasa Indonesia and English catalogues', () => {
  test('when no pack is registered, then the core signs generically (no office named)', () => {
    expect(translate('id', 'message.signature')).toBe('Tim Layanan Alur');
    expect(translate('id', 'footer.text')).toBe('Alur · Layanan berbasis SOP');
  });

  test('when compared, then both have exactly the same keys and no empty text', () => {
    expect(Object.keys(CATALOGUES.en).sort()).toEqual(Object.keys(CATALOGUES.id).sort());
    for (const cat of Object.values(CATALOGUES)) expect(Object.values(cat).filter((v) => !v.trim())).toEqual([]);
  });

  test('when a form is rendered, then every label, hint, title and option it uses is translated', () => {
    addPackMessages([PPBJ_MESSAGES]); // as the composition root does
    const keys = PPBJ_FORMS.flatMap((f) => [
      f.title, f.submitLabel, ...(f.intro ? [f.intro] : []), ...(f.caseStatus ? [f.caseStatus] : []),
      ...f.fields.flatMap((x) => [x.label, ...(x.hint ? [x.hint] : []), ...(x.options ?? []).filter((o) => !o.literal).map((o) => o.label)]),
    ]);
    expect(keys.filter((k) => !(k in CATALOGUES.id))).toEqual([]);
  });

  test('when a pack gives messages, then its keys are added in both languages and it names the office instead of the generic wording', () => {
    addPackMessages([PPBJ_MESSAGES]);
    expect(translate('id', 'form.registrasi.title')).toBe('Membuat Akun PPBJ');
    expect(translate('en', 'form.registrasi.title')).toBe('Create a PPBJ Account');
    expect(translate('id', 'message.signature')).toBe('Biro Pengadaan Barang/Jasa Setda Provinsi Kalimantan Barat');
    expect(Object.keys(PPBJ_MESSAGES.en).sort()).toEqual(Object.keys(PPBJ_MESSAGES.id).sort());
  });

  test('when two packs give the same key, then the registry is refused naming the key', () => {
    const a = { id: { 'x.same': 'A' }, en: { 'x.same': 'A' } };
    const b = { id: { 'x.same': 'B' }, en: { 'x.same': 'B' } };
    expect(() => addPackMessages([a, b])).toThrow("Message key 'x.same' is given by two process packs");
  });

  test('when times are formatted, then they read as WIB and durations in words', () => {
    expect(formatDateTime('2026-11-26T07:30:00Z', 'id')).toBe('26 November 2026 14.30 WIB');
    expect(formatDateTime('2026-11-26T07:30:00Z', 'en')).toBe('26 November 2026 14:30 WIB');
    expect(formatDuration('PT15M', 'id')).toBe('15 menit');
    expect(formatDuration('PT1H5M', 'en')).toBe('1 hour 5 minutes');
  });
});
