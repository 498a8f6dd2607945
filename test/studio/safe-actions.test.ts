// The safe actions as pages render them (issue 11): discarding a draft and redeploying an older
// version each sit behind a disclosure that says what will happen (works without JavaScript); the
// deploy comment is required and tied to its error text; the narrow-screen notice is on the page.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, OWNER } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { studioPost, v2Xml } from './helpers.js';

describe('Given the shipped PPBJ process and its owner', () => {
  let owner: TestAgent;
  useTestApp(async (app) => {
    owner = await loggedIn(app, OWNER);
  });

  test('when the studio opens, then "Buang Draf" only opens a confirmation saying what is lost and which version opens again', async () => {
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj/studio')).text);
    const confirm = page('details#studio-discard-confirm');
    expect(confirm).toHaveLength(1);
    expect(confirm.find('> summary').text()).toBe('Buang Draf');
    expect(page('form[action="/proses/pendaftaran-akun-ppbj/studio/buang"]').closest('details#studio-discard-confirm')).toHaveLength(1);
    expect(confirm.find('.confirm-body').text()).toContain('Draf yang disimpan akan dihapus');
    expect(confirm.find('.confirm-body').text()).toContain('Versi 1');
    expect(confirm.find('button[type=submit]').text()).toBe('Ya, buang draf');
    const comment = page('#studio-comment');
    expect(comment.attr('required')).toBeDefined();
    expect(comment.attr('aria-describedby')).toBe('studio-comment-error');
    expect(page('#studio-comment-error').attr('data-msg')).toContain('Isi keterangan versi');
    expect(page('#studio-narrow').text()).toContain('Buka di layar yang lebih lebar untuk mengubah diagram');
  });

  test('when a version 2 exists, then redeploying version 1 is a confirmation saying what happens, with a comment field, and only then the form', async () => {
    expect((await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/deploy', { xml: v2Xml(), comment: 'Versi 2' })).status).toBe(201);
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj')).text);
    const v1 = page('tr.version-row[data-version="1"]');
    const confirm = v1.find('details.rollback-confirm');
    expect(confirm).toHaveLength(1);
    expect(confirm.find('> summary').text()).toBe('Terbitkan ulang versi 1');
    expect(confirm.find('.confirm-body p').text()).toContain('diterbitkan lagi sebagai versi terbaru');
    expect(confirm.find('form.rollback input[name=comment]')).toHaveLength(1);
    expect(confirm.find('form.rollback button[type=submit]').text()).toBe('Ya, terbitkan ulang versi 1');
    expect(page('tr.version-row[data-version="2"] details.rollback-confirm')).toHaveLength(0);
  });

  test('when a deploy has no comment (or only spaces), then the server refuses it (422) with the reason and no version is made', async () => {
    const count = async () => $((await owner.get('/proses/pendaftaran-akun-ppbj')).text)('tr.version-row').length;
    const before = await count();
    const res = await studioPost(owner, '/proses/pendaftaran-akun-ppbj/studio/deploy', { xml: v2Xml(), comment: '   ' });
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([expect.objectContaining({ elementId: null, severity: 'error', rule: 'comment', message: 'Isi keterangan versi: apa yang berubah dan mengapa.' })]);
    expect(await count()).toBe(before);
  });
});

