// The Pelaksana columns of the SOP document follow the diagram (top to bottom), not the order the
// lanes happen to be written in: a lane the owner inserts above another in the modeler is written
// after it in the XML.
import { describe, expect, test } from '@jest/globals';
import { readSopDocument } from '../../src/workflow/index.js';
import { shippedXml } from './helpers.js';

const LANE_PPBJ = /\s*<bpmn:lane id="Lane_PPBJ" name="PPBJ">[\s\S]*?<\/bpmn:lane>/;

/** The shipped model with its two lanes written in the other order (the diagram unchanged). */
function lanesWrittenSwapped(): string {
  const xml = shippedXml();
  const ppbj = LANE_PPBJ.exec(xml)![0];
  const swapped = xml.replace(ppbj, '').replace('</bpmn:laneSet>', `${ppbj}\n    </bpmn:laneSet>`);
  expect(swapped.indexOf('id="Lane_AdminPPE"')).toBeLessThan(swapped.indexOf('id="Lane_PPBJ"'));
  return swapped;
}

describe('Given the shipped process, whose PPBJ lane is drawn above the Admin PPE lane', () => {
  test('when its lanes are written Admin PPE first, then the columns still read as drawn: PPBJ, Admin PPE', async () => {
    expect((await readSopDocument(lanesWrittenSwapped())).columns).toEqual(['PPBJ', 'Admin PPE']);
  });

  test('when the lanes are drawn the other way round, then the columns follow the drawing', async () => {
    const xml = shippedXml()
      .replace('bpmnElement="Lane_PPBJ" isHorizontal="true">\n        <dc:Bounds x="160" y="60"', 'bpmnElement="Lane_PPBJ" isHorizontal="true">\n        <dc:Bounds x="160" y="310"')
      .replace('bpmnElement="Lane_AdminPPE" isHorizontal="true">\n        <dc:Bounds x="160" y="310"', 'bpmnElement="Lane_AdminPPE" isHorizontal="true">\n        <dc:Bounds x="160" y="60"');
    expect(xml).toContain('bpmnElement="Lane_AdminPPE" isHorizontal="true">\n        <dc:Bounds x="160" y="60"');
    expect((await readSopDocument(xml)).columns).toEqual(['Admin PPE', 'PPBJ']);
  });
});
