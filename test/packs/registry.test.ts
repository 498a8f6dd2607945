// The pack registry: what the composition root reads from the packs (group aliases, start paths,
// coded forms, return reasons), and the PPBJ pack filling its own fields.
import { describe, test, expect } from '@jest/globals';
import { PACKS, packForms, packGroupAliases, packReturnReasons, packStartPaths, type ProcessPack } from '../../src/packs/index.js';
import { PPBJ_PACK } from '../../src/packs/ppbj/pack.js';
import type { FormDef } from '../../src/forms/form-types.js';

const form = (key: string): FormDef => ({ key, groupId: 'pemohon', title: key, submitLabel: 'action.ajukan', fields: [] });
const packA: ProcessPack = {
  processKey: 'proses-a', groupAliases: { lama: 'pemohon' }, forms: [form('a-1'), form('a-2')], startPath: '/a',
  returnReasons: [{ code: 'r', label: 'reason.r', record: 'R', fields: [] }],
};
const packB: ProcessPack = { processKey: 'proses-b', groupAliases: {}, forms: [form('b-1')] };

describe('the pack registry', () => {
  test('Given two packs, when the registry is read, then group aliases are per process key', () => {
    expect(packGroupAliases([packA, packB])).toEqual({ 'proses-a': { lama: 'pemohon' }, 'proses-b': {} });
  });

  test('Given one pack with a start path and one without, when start paths are read, then only the first is listed', () => {
    expect(packStartPaths([packA, packB])).toEqual({ 'proses-a': '/a' });
  });

  test('Given two packs, when forms and reasons are read, then every pack\'s are listed in registry order', () => {
    expect(packForms([packA, packB]).map((f) => f.key)).toEqual(['a-1', 'a-2', 'b-1']);
    expect(packReturnReasons([packA, packB]).map((r) => r.code)).toEqual(['r']);
  });

  test('Given the shipped registry, when read, then the PPBJ pack gives its process, alias, sign-up page, forms and reasons', () => {
    expect(PACKS).toContain(PPBJ_PACK);
    expect(packGroupAliases()).toEqual({ 'pendaftaran-akun-ppbj': { ppbj: 'pemohon' } });
    expect(packStartPaths()).toEqual({ 'pendaftaran-akun-ppbj': '/daftar' });
    expect(packForms().map((f) => f.key)).toEqual(expect.arrayContaining(['ppbj-registrasi', 'ppbj-identitas', 'ppbj-informasi', 'verifikasi-identitas', 'periksa-informasi', 'aktivasi-akun']));
    expect(packReturnReasons().map((r) => r.code)).toContain('lainnya');
  });
});
