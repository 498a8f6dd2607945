import { describe, expect, test } from '@jest/globals';
import { returnView } from '../../src/cases/returns.js';
import { documentVersions, previewOf } from '../../src/forms/document-views.js';
import { draftValues } from '../../src/forms/draft-values.js';
import { identitas, informasi, registrasi } from '../../src/packs/ppbj/forms/ppbj-forms.js';
import { IDENTITY_REASONS, INFORMATION_REASONS, noteRequired, returnEffects, RETURN_REASONS } from '../../src/packs/ppbj/forms/return-reasons.js';
import type { AuditEvent, DocumentRecord } from '../../src/store/ports.js';
import { FormRegistry } from '../../src/forms/form-registry.js';

const REASONS = new FormRegistry([], RETURN_REASONS);

const returned = (data: Record<string, unknown>): AuditEvent =>
  ({ id: 'e', caseId: 'c', at: '2026-01-01T00:00:00Z', actorId: 'a', actorName: 'Admin', type: 'case.returned', taskId: 't', data });

describe('Given the structured return reasons', () => {
  test('when a return is recorded, then the text reads labels then note, and unknown codes are dropped', () => {
    expect(returnEffects(['sk-kedaluwarsa', 'data-tidak-sesuai'], '  Perbarui SK. ')).toEqual({
      returnedReasons: 'SK kedaluwarsa; Data tidak sesuai dengan SK — Perbarui SK.',
      returnedCodes: ['sk-kedaluwarsa', 'data-tidak-sesuai'],
      returnedNote: 'Perbarui SK.',
    });
    expect(returnEffects('sk-tidak-terbaca', '')).toMatchObject({ returnedReasons: 'SK tidak terbaca', returnedCodes: ['sk-tidak-terbaca'] });
    expect(returnEffects(['x'], 'catatan')).toMatchObject({ returnedReasons: 'catatan', returnedCodes: [] });
  });

  test('when a return has no reason ticked or "Lainnya", then the note is required, otherwise it is optional', () => {
    expect(noteRequired('tidak', [])).toBe(true);
    expect(noteRequired('tidak', ['lainnya'])).toBe(true);
    expect(noteRequired('tidak', 'sk-kedaluwarsa')).toBe(false);
    expect(noteRequired('ya', [])).toBe(false);
  });

  test('when a return is shown, then each reason maps to existing fields of the step it returns to (5, or 3 for step 4); older returns show their text as the note', () => {
    const names = new Set(informasi.fields.map((f) => f.name));
    for (const r of INFORMATION_REASONS) for (const f of r.fields) expect(names.has(f)).toBe(true);
    const identity = new Set(identitas.fields.map((f) => f.name));
    for (const r of IDENTITY_REASONS) for (const f of r.fields) expect(identity.has(f)).toBe(true);
    const view = returnView(returned({ reasons: 'SK tidak terbaca — buram', codes: ['sk-tidak-terbaca', 'dokumen-kurang'], note: 'buram' }), REASONS);
    expect(view.note).toBe('buram');
    expect(view.byField).toEqual({ skFile: ['reason.sk-tidak-terbaca', 'reason.dokumen-kurang'] });
    expect(returnView(returned({ reasons: 'SK lama' }), REASONS)).toMatchObject({ note: 'SK lama', reasons: [], byField: {} });
  });
});

describe('Given drafts and document versions', () => {
  test('when a draft is read, then only the form fields are kept (never passwords or files) and only size is checked', () => {
    const { values, errors } = draftValues(informasi, { nomorSk: ' 1 ', tanggalSk: 'bukan', skFile: 'x', _staged: [{ storedName: '../x' }], lain: 'y' });
    expect(errors).toEqual({});
    expect(values).toEqual({ peran: '', nomorSk: '1', tanggalSk: 'bukan', berlakuMulai: '', berlakuSampai: '' });
    expect(draftValues(informasi, { tanggalSk: 'x'.repeat(201) }).errors).toEqual({ tanggalSk: 'field.tooLong' });
    expect(draftValues(registrasi, { password: 'rahasia-sekali-123' }).values.password).toBeUndefined();
  });

  test('when versions are listed, then newest first, numbered from the first upload, the referenced one current', () => {
    const doc = (id: string, at: string, field = 'skFile'): DocumentRecord =>
      ({ id, caseId: 'c', taskId: 't', field, uploaderId: 'u', originalName: `${id}.pdf`, storedName: id, mime: 'application/pdf', size: 1, sha256: id, createdAt: at });
    const docs = [doc('b', '2026-01-02'), doc('a', '2026-01-01'), doc('z', '2026-01-03', 'lain')];
    const versions = documentVersions(docs, 'skFile', 'a', new Map([['u', 'Budi']]));
    expect(versions.map((v) => [v.id, v.number, v.current, v.uploaderName])).toEqual([['b', 2, false, 'Budi'], ['a', 1, true, 'Budi']]);
    expect(previewOf(doc('p', 'x'), 'field.skFile')).toMatchObject({ kind: 'pdf' });
    expect(previewOf({ ...doc('i', 'x'), mime: 'image/png' }, 'field.skFile')).toMatchObject({ kind: 'image' });
  });
});
