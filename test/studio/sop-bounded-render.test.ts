// Issue 9 item 5: text layout of the SOP document is bounded whatever a stored definition says. A
// definition stored before the text limits (a 600,000-character task name, hundreds of long
// requirements) still yields an SOP document whose texts are clipped to the deploy limits, so the
// HTML view and the PDF lay out a bounded amount of text.
import { describe, expect, test } from '@jest/globals';
import { readSopDocument } from '../../src/workflow/index.js';
import { MAX_LIST_ITEMS, TEXT_LIMITS } from '../../src/workflow/model-text-limits.js';
import { sopPdf } from '../../src/studio/sop-pdf.js';
import { sopView } from '../../src/studio/sop-view.js';
import PDFDocument from 'pdfkit';
import { cell, MAX_CELL_CHARS, textHeight } from '../../src/studio/sop-pdf-kit.js';
import { processXml } from '../workflow/helpers.js';

const HUGE = 600_000;
const word = (n: number): string => 'W'.repeat(n); // one word: the worst case for line breaking
const items = (tag: string, count: number, size: number): string => Array.from({ length: count }, () => `<alur:${tag}>${word(size)}</alur:${tag}>`).join('');

/** What an old store may hold: every text far beyond the limits (unvalidated XML, parsed as stored). */
const oversizedXml = (): string =>
  processXml(`<bpmn:extensionElements><alur:sopIdentity namaSop="${word(HUGE)}" instansi="${word(HUGE)}">${items('dasarHukum', 200, 5000)}</alur:sopIdentity></bpmn:extensionElements>
    <bpmn:startEvent id="s" name="${word(HUGE)}" /><bpmn:sequenceFlow id="f1" name="${word(HUGE)}" sourceRef="s" targetRef="T" />
    <bpmn:userTask id="T" name="${word(HUGE)}" camunda:candidateGroups="${word(10_000)}"><bpmn:extensionElements>
      <alur:mutuBaku waktu="P300000Y" output="${word(HUGE)}">${items('persyaratan', 300, 2000)}${items('keterangan', 300, 2000)}</alur:mutuBaku>
    </bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="e" /><bpmn:endEvent id="e" />`, 'isExecutable="true" name="' + word(HUGE) + '"');

describe('Given a stored definition whose texts are far beyond the limits', () => {
  test('when its SOP document is read, then every text and list is clipped to the deploy limits', async () => {
    const doc = await readSopDocument(oversizedXml());
    const task = doc.rows.find((r) => r.elementIds.includes('T'))!;
    expect(task.uraian.length).toBe(TEXT_LIMITS.uraian);
    expect(task.uraian.endsWith('…')).toBe(true);
    expect(task.output.length).toBe(TEXT_LIMITS.output);
    expect(task.requirements).toHaveLength(MAX_LIST_ITEMS);
    expect(Math.max(...task.requirements.map((r) => r.length))).toBe(TEXT_LIMITS.persyaratan);
    expect(task.keterangan).toHaveLength(MAX_LIST_ITEMS);
    expect(doc.name.length).toBe(TEXT_LIMITS.name);
    expect(doc.columns.every((c) => c.length <= TEXT_LIMITS.name)).toBe(true);
    expect(doc.edges.every((e) => e.label.length <= TEXT_LIMITS.name)).toBe(true);
    expect(doc.identity.namaSop.length).toBe(TEXT_LIMITS.identityField);
    expect(doc.identity.instansi.length).toBe(TEXT_LIMITS.identityField);
    expect(doc.identity.dasarHukum).toHaveLength(MAX_LIST_ITEMS);
    expect(doc.identity.dasarHukum[0]!.length).toBe(TEXT_LIMITS.identityItem);
  });

  test('when it is rendered as HTML data and as a PDF, then both are produced from the clipped texts (bounded output)', async () => {
    const doc = await readSopDocument(oversizedXml());
    const view = sopView(doc, { version: 1, deployedAt: '2026-12-06T02:00:00.000Z' });
    expect(JSON.stringify(view).length).toBeLessThan(200_000);
    const pdf = await sopPdf(doc, { version: 1, deployedAt: '2026-12-06T02:00:00.000Z' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(1_000_000);
  });
});

describe('Given a PDF cell (the one place the SOP PDF lays out text)', () => {
  test('when it is given a text of a million characters, then at most MAX_CELL_CHARS are measured and drawn', () => {
    const doc = new PDFDocument({ size: 'A4' });
    const laidOut: number[] = [];
    const measure = doc.heightOfString.bind(doc);
    const draw = doc.text.bind(doc);
    doc.heightOfString = ((text: string, options?: PDFKit.Mixins.TextOptions) => (laidOut.push(text.length), measure(text, options))) as typeof doc.heightOfString;
    doc.text = ((text: string, x?: number, y?: number, options?: PDFKit.Mixins.TextOptions) => (laidOut.push(text.length), draw(text, x, y, options))) as typeof doc.text;
    const parts = [{ text: word(1_000_000) }];
    cell(doc, 10, 10, 120, Math.min(500, textHeight(doc, 120, parts)), parts);
    expect(laidOut.length).toBeGreaterThan(0);
    expect(Math.max(...laidOut)).toBe(MAX_CELL_CHARS);
  });
});
