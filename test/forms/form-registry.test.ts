// The form registry built from the packs' coded forms and return reasons: look-ups, the applicant's
// forms (what staff steps of model forms review), and keys that two packs would share.
import { describe, expect, test } from '@jest/globals';
import { FormRegistry } from '../../src/forms/form-registry.js';
import type { FormDef } from '../../src/forms/form-types.js';

const form = (key: string, groupId: string): FormDef => ({ key, groupId, title: key, submitLabel: 'action.ajukan', fields: [] });
const reason = (code: string) => ({ code, label: `reason.${code}`, record: code, fields: [] });

describe('the form registry', () => {
  test('Given forms of an applicant step and a staff step, when read, then each is found by key and only the first is an applicant form', () => {
    const registry = new FormRegistry([form('isi-data', 'pemohon'), form('periksa', 'kepala-seksi')], [reason('kurang')]);
    expect(registry.find('periksa')?.groupId).toBe('kepala-seksi');
    expect(registry.has('tidak-ada')).toBe(false);
    expect(registry.keys()).toEqual(['isi-data', 'periksa']);
    expect(registry.applicantFormKeys()).toEqual(['isi-data']);
    expect(registry.reason('kurang')?.record).toBe('kurang');
    expect(registry.reasons().map((r) => r.code)).toEqual(['kurang']);
  });

  test('Given two forms with the same key, when the registry is built, then it is refused naming the key', () => {
    expect(() => new FormRegistry([form('sama', 'pemohon'), form('sama', 'staf')])).toThrow('"sama"');
  });

  test('Given two return reasons with the same code, when the registry is built, then it is refused naming the code', () => {
    expect(() => new FormRegistry([], [reason('x'), reason('x')])).toThrow('"x"');
  });

  test('Given no packs, when read, then it knows no form', () => {
    expect(new FormRegistry().keys()).toEqual([]);
  });
});
