// SOP document rows of an imported model: steps sharing a `langkah` are one row with a shape in each of
// their lanes, `langkah` orders the rows, and the Waktu printed in the source document is shown while the
// time standard is still the one it was read as.
import { describe, expect, test } from '@jest/globals';
import { readSopDocument } from '../../src/workflow/index.js';
import { processXml } from './helpers.js';

const task = (id: string, langkah: number | null, extra = ''): string =>
  `<bpmn:userTask id="${id}" name="${id}"><bpmn:extensionElements><alur:mutuBaku ${langkah === null ? '' : `langkah="${langkah}"`} waktu="PT1H" ${extra} /></bpmn:extensionElements></bpmn:userTask>`;
const flow = (id: string, from: string, to: string, name = ''): string => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"${name ? ` name="${name}"` : ''} />`;
const lanes = (spec: Record<string, string[]>): string =>
  `<bpmn:laneSet id="ls">${Object.entries(spec).map(([name, ids]) => `<bpmn:lane id="L_${name}" name="${name}">${ids.map((i) => `<bpmn:flowNodeRef>${i}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`).join('')}</bpmn:laneSet>`;

describe('Given a row of the source table with shapes in two lanes (a decision and, on one branch, a box in another lane)', () => {
  const xml = processXml(`${lanes({ Staf: ['s', 'A', 'G', 'C', 'e'], Penerima: ['B'] })}
    <bpmn:startEvent id="s" />${flow('f0', 's', 'A')}${task('A', 1)}${flow('f1', 'A', 'G')}
    <bpmn:exclusiveGateway id="G" />${flow('f2', 'G', 'B', 'Dalam kota')}${flow('f3', 'G', 'C', 'Luar kota')}
    ${task('B', 1)}${task('C', 2)}${flow('f4', 'B', 'e')}${flow('f5', 'C', 'e')}<bpmn:endEvent id="e" />`);

  test('when the SOP document is generated, then the two steps are ONE row carrying both shapes, named by the first', async () => {
    const doc = await readSopDocument(xml);
    expect(doc.rows.map((r) => r.elementIds.join('+'))).toEqual(['s', 'A+G+B', 'C', 'e']);
    expect(doc.rows[1]).toMatchObject({ uraian: 'A', symbol: 'decision', column: 0, shapes: [
      { column: 0, symbol: 'decision', elementIds: ['A', 'G'] }, { column: 1, symbol: 'process', elementIds: ['B'] },
    ] });
    expect(doc.rows[2]!.shapes).toBeUndefined();
    // an arrow names the shapes it joins in the row that has several: the decision (0) and the box (1)
    expect(doc.edges).toEqual([
      { from: 0, to: 1, label: '', toShape: 0 }, { from: 1, to: 1, label: 'Dalam kota', fromShape: 0, toShape: 1 },
      { from: 1, to: 2, label: 'Luar kota', fromShape: 0 }, { from: 1, to: 3, label: '', fromShape: 1 }, { from: 2, to: 3, label: '' },
    ]);
  });
});

describe('Given a row whose start capsule carries the first activity (a start event and a task sharing langkah and lane)', () => {
  const xml = processXml(`${lanes({ Staf: ['s', 'A', 'B'], Kepala: ['C'] })}
    <bpmn:startEvent id="s"><bpmn:extensionElements><alur:mutuBaku langkah="1" /></bpmn:extensionElements></bpmn:startEvent>
    ${flow('f0', 's', 'A')}${task('A', 1, 'uraian="Menerima berkas"')}${flow('f1', 'A', 'B')}${task('B', 2)}${flow('f2', 'B', 'C')}${task('C', 2)}${flow('f3', 'C', 'e')}<bpmn:endEvent id="e" />`);

  test('when the SOP document is generated, then the two are ONE terminator in that lane (not two symbols on one spot), and no arrow joins a shape to itself', async () => {
    const doc = await readSopDocument(xml);
    expect(doc.rows[0]).toMatchObject({ elementIds: ['s', 'A'], uraian: 'Menerima berkas', symbol: 'terminator', column: 0 });
    expect(doc.rows[0]!.shapes).toBeUndefined();
    // a row with steps in two lanes keeps a shape per lane
    expect(doc.rows[1]!.shapes).toEqual([{ column: 0, symbol: 'process', elementIds: ['B'] }, { column: 1, symbol: 'process', elementIds: ['C'] }]);
    expect(doc.edges.filter((e) => e.from === e.to && (e.fromShape ?? 0) === (e.toShape ?? 0))).toEqual([]);
    expect(doc.edges).toEqual([{ from: 0, to: 1, label: '', toShape: 0 }, { from: 1, to: 1, label: '', fromShape: 0, toShape: 1 }, { from: 1, to: 2, label: '', fromShape: 1 }]);
  });
});

describe('Given steps whose langkah order differs from the flow order', () => {
  test('when the SOP document is generated, then the rows follow langkah, as the source table did', async () => {
    const xml = processXml(`<bpmn:startEvent id="s" />${flow('f0', 's', 'A')}${task('A', 1)}${flow('f1', 'A', 'C')}
      ${task('C', 3)}${flow('f2', 'C', 'B')}${task('B', 2)}${flow('f3', 'B', 'e')}<bpmn:endEvent id="e" />`);
    expect((await readSopDocument(xml)).rows.map((r) => r.uraian)).toEqual(['s', 'A', 'B', 'C', 'e']);
  });
});

describe('Given a time standard read from a printed Waktu', () => {
  test('when waktu is still what the import wrote, then the document prints the Waktu as the source printed it', async () => {
    const xml = processXml(task('A', 1).replace('waktu="PT1H"', 'waktu="PT24H" waktuTeks="1 x 24 Jam" waktuImpor="PT24H"'));
    expect((await readSopDocument(xml)).rows[0]!.timeStandard).toBe('1 x 24 Jam');
  });

  test('when the owner changed waktu after the import, then the document prints the new time standard', async () => {
    const xml = processXml(task('A', 1).replace('waktu="PT1H"', 'waktu="PT48H" waktuTeks="1 x 24 Jam" waktuImpor="PT24H"'));
    expect((await readSopDocument(xml)).rows[0]!.timeStandard).toBe('PT48H');
  });
});
