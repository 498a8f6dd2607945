// The official SOP document over HTTP: the HTML table matches the SOP text row for row and prints
// on A4 landscape; the PDF is a real PDF with the identity page and the procedure table.
import { describe, expect, test } from '@jest/globals';
import type TestAgent from 'supertest/lib/agent.js';
import { $, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { sopTextIdentity, sopTextRows } from '../workflow/sop-text.js';
import { pdfText } from './pdf-text.js';

describe('Given the shipped process deployed as version 1', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  });

  test('when the SOP page is opened, then its procedure table is the SOP text, row for row, with one symbol per row', async () => {
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj/sop')).text);
    const cellItems = (cell: ReturnType<typeof page>) => (cell.find('li').length ? cell.find('li').toArray().map((li) => page(li).text()) : [cell.text()].filter(Boolean));
    const rows = page('tr.sop-row').toArray().map((tr) => {
      const r = page(tr);
      return {
        no: Number.parseInt(r.find('td.no').text(), 10), uraian: r.find('td.uraian').text(),
        requirements: cellItems(r.find('td.persyaratan')), time: r.find('td.waktu').text(),
        output: r.find('td.output').text(), keterangan: cellItems(r.find('td.keterangan')),
      };
    });
    expect(rows).toEqual(sopTextRows());
    expect(page('thead .lane-head').toArray().map((th) => page(th).text())).toEqual(['PPBJ', 'Admin PPE']);
    expect(page('tr.sop-row').toArray().map((tr) => page(tr).attr('data-symbol'))).toEqual(['terminator', 'process', 'process', 'decision', 'process', 'decision', 'process', 'terminator']);
    expect(page('tr.sop-row').toArray().map((tr) => page(tr).attr('data-column'))).toEqual(['0', '0', '0', '1', '0', '1', '1', '1']);
    expect(page('tr.sop-row td.lanes svg.sop-flow')).toHaveLength(8);
    expect(page('tr.sop-row').eq(3).find('svg polygon.decision')).toHaveLength(1);
    expect(page('tr.sop-row').eq(5).find('svg polygon.decision')).toHaveLength(1);
    expect(page('tr.sop-row').eq(5).find('text.label').toArray().map((x) => page(x).text()).sort()).toEqual(['Tidak', 'Ya']);
  });

  test('when the SOP page is opened, then the identity section is the SOP text\'s and a stylesheet prints it on A4 landscape (a named page)', async () => {
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj/sop')).text);
    const text = sopTextIdentity();
    expect(page('.nama-sop').text()).toBe(text.namaSop);
    expect(page('.tgl-pembuatan').text()).toBe(text.tanggalPembuatan);
    expect(page('.tgl-efektif').text()).toBe(text.tanggalEfektif);
    expect(page('.dasar-hukum li').toArray().map((li) => page(li).text())).toEqual(text.dasarHukum);
    expect(page('.peralatan li').toArray().map((li) => page(li).text())).toEqual(text.peralatan);
    expect(page('.nip').text()).toBe('19770830 199603 1 001');
    const css = (await owner.get(page('link[rel=stylesheet]').first().attr('href')!)).text; // the site's alur.css
    expect(css).toMatch(/@page alur-landscape\s*{\s*size:\s*A4 landscape/);
    expect(css).toMatch(/\.sop-doc\s*{[^}]*page:\s*alur-landscape/);
  });

  test('when the PDF is downloaded, then it is a valid A4-landscape PDF of 2 pages that contains the SOP name and every step', async () => {
    const res = await owner.get('/proses/pendaftaran-akun-ppbj/sop.pdf').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const text = pdfText(pdf);
    expect(text).toContain('PENDAFTARAN AKUN PENGELOLA PENGADAAN BARANG DAN JASA');
    for (const row of sopTextRows()) expect(text.replace(/\s+/g, ' ')).toContain(row.uraian.split('. ')[0]);
    expect(text).toContain('Memeriksa Informasi PPBJ. Jika Lengkap');
  });

  test('when a version id that is not this process is asked for, then it is not found', async () => {
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/sop?versi=tidak-ada')).status).toBe(404);
    expect((await owner.get('/proses/pendaftaran-akun-ppbj/sop.pdf?versi=tidak-ada')).status).toBe(404);
  });
});
