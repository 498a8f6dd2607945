import { describe, expect, test } from '@jest/globals';
import { PPBJ_FORMS } from '../../src/forms/ppbj-forms.js';
import { CATALOGUES, formatDateTime, formatDuration } from '../../src/web/i18n.js';

describe('Given the Bahasa Indonesia and English catalogues', () => {
  test('when compared, then both have exactly the same keys and no empty text', () => {
    expect(Object.keys(CATALOGUES.en).sort()).toEqual(Object.keys(CATALOGUES.id).sort());
    for (const cat of Object.values(CATALOGUES)) expect(Object.values(cat).filter((v) => !v.trim())).toEqual([]);
  });

  test('when a form is rendered, then every label, hint, title and option it uses is translated', () => {
    const keys = PPBJ_FORMS.flatMap((f) => [
      f.title, f.submitLabel, ...(f.intro ? [f.intro] : []), ...(f.caseStatus ? [f.caseStatus] : []),
      ...f.fields.flatMap((x) => [x.label, ...(x.hint ? [x.hint] : []), ...(x.options ?? []).filter((o) => !o.literal).map((o) => o.label)]),
    ]);
    expect(keys.filter((k) => !(k in CATALOGUES.id))).toEqual([]);
  });

  test('when times are formatted, then they read as WIB and durations in words', () => {
    expect(formatDateTime('2026-11-26T07:30:00Z', 'id')).toBe('26 November 2026 14.30 WIB');
    expect(formatDateTime('2026-11-26T07:30:00Z', 'en')).toBe('26 November 2026 14:30 WIB');
    expect(formatDuration('PT15M', 'id')).toBe('15 menit');
    expect(formatDuration('PT1H5M', 'en')).toBe('1 hour 5 minutes');
  });
});
