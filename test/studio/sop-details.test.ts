// Details of the official SOP document (issue 11): TGL. REVISI and the version come from the deploy,
// a one-item list prints as plain text in HTML as in the PDF, each row's actor is text for screen
// readers, and a flow label ("Tidak") stays inside its Pelaksana column.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import PDFDocument from 'pdfkit';
import type TestAgent from 'supertest/lib/agent.js';
import { chartRows } from '../../src/studio/sop-chart.js';
import { sopRevision } from '../../src/studio/sop-format.js';
import { readSopDocument } from '../../src/workflow/index.js';
import { $, OWNER, type TestApp } from '../helpers/app.js';
import { loggedIn, useTestApp } from '../helpers/test-app.js';
import { pdfText } from './pdf-text.js';

const PROCESSES = fileURLToPath(new URL('../../processes/', import.meta.url));
/** The PDF's width of one Pelaksana column and its label font (src/studio/sop-pdf.ts). */
const LANE_WIDTH = 78;
const labelWidth = (text: string): number => new PDFDocument({ size: 'A4' }).font('Helvetica').fontSize(7).widthOfString(text);

describe('Given the TGL. REVISI of a deployed version', () => {
  test('when a version was deployed late in the UTC day, then its date is the WIB date with the version number', () => {
    expect(sopRevision({ version: 3, deployedAt: '2026-12-05T18:30:00.000Z' })).toBe('6 DESEMBER 2026 (VERSI 3)');
    expect(sopRevision({ version: 1, deployedAt: '2026-01-02T03:00:00.000Z' })).toBe('2 JANUARI 2026 (VERSI 1)');
  });
});

describe.each(['pendaftaran-akun-ppbj.bpmn', 'pengajuan-belanja-pegawai.bpmn'])('Given the shipped SOP %s drawn in the PDF', (file) => {
  test('when each flow label is placed, then it lies wholly inside its Pelaksana column', async () => {
    const doc = await readSopDocument(readFileSync(`${PROCESSES}${file}`, 'utf8'));
    const n = Math.max(1, doc.columns.length);
    const labels = chartRows(doc).flatMap((row) => row.labels);
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) {
      const x = l.x * n * LANE_WIDTH;
      const [left, right] = l.anchor === 'end' ? [x - 3 - labelWidth(l.text), x - 3] : [x + 3, x + 3 + labelWidth(l.text)];
      const column = Math.floor(l.x * n);
      expect({ text: l.text, left: left >= column * LANE_WIDTH, right: right <= (column + 1) * LANE_WIDTH })
        .toEqual({ text: l.text, left: true, right: true });
    }
  });
});

describe('Given the shipped PPBJ process deployed as version 1', () => {
  let t: TestApp;
  let owner: TestAgent;
  useTestApp(async (app) => {
    t = app;
    owner = await loggedIn(app, OWNER);
  });

  test('when its SOP page is opened, then TGL. REVISI is the deploy date of version 1 and the PDF says the same', async () => {
    const v1 = await t.services.definitions.latest('pendaftaran-akun-ppbj');
    const expected = sopRevision({ version: 1, deployedAt: v1.createdAt });
    expect(expected).toMatch(/^\d{1,2} [A-Z]+ \d{4} \(VERSI 1\)$/);
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj/sop')).text);
    expect(page('.tgl-revisi').text()).toBe(expected);
    const pdf = await owner.get('/proses/pendaftaran-akun-ppbj/sop.pdf').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdfText(pdf.body as Buffer).replace(/\s+/g, ' ')).toContain(expected);
  });

  test('when a list of the identity has one item, then the HTML prints it as plain text (as the PDF does), and longer lists stay numbered', async () => {
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj/sop')).text);
    expect(page('.pencatatan ol')).toHaveLength(0);
    expect(page('.pencatatan').text().trim().length).toBeGreaterThan(0);
    expect(page('.dasar-hukum ol li').length).toBeGreaterThan(1);
  });

  test('when its SOP page is opened, then every row names its actor as text for screen readers (the flowchart is an image)', async () => {
    const page = $((await owner.get('/proses/pendaftaran-akun-ppbj/sop')).text);
    const columns = page('thead .lane-head').toArray().map((th) => page(th).text());
    const rows = page('tr.sop-row').toArray();
    expect(rows.length).toBe(8);
    for (const tr of rows) {
      const row = page(tr);
      expect(row.find('td.lanes svg').attr('aria-hidden')).toBe('true');
      expect(row.find('td.lanes .govuk-visually-hidden.actor').text()).toBe(`Pelaksana: ${columns[Number(row.attr('data-column'))]}`);
    }
  });
});
