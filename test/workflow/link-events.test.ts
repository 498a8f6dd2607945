// Off-page connectors (the SOP flowchart's "penghubung antarhalaman") are link events in the model:
// the studio's palette offers them, so a case must run through a throw -> catch pair, recovered
// between steps like any other case.
import { describe, expect, test } from '@jest/globals';
import { completeUserTask, startProcess, validateDefinition } from '../../src/workflow/index.js';
import { definition, processXml, userTask } from './helpers.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const XML = processXml(`
  <bpmn:startEvent id="Mulai" name="Mulai" />
  ${userTask('Satu', 'camunda:candidateGroups="petugas" camunda:formKey="f"')}
  <bpmn:intermediateThrowEvent id="KeHalaman2" name="A"><bpmn:linkEventDefinition id="LinkKirim" name="A" /></bpmn:intermediateThrowEvent>
  <bpmn:intermediateCatchEvent id="DariHalaman1" name="A"><bpmn:linkEventDefinition id="LinkTerima" name="A" /></bpmn:intermediateCatchEvent>
  ${userTask('Dua', 'camunda:candidateGroups="petugas" camunda:formKey="f"')}
  <bpmn:endEvent id="Selesai" name="Selesai" />
  ${flow('f1', 'Mulai', 'Satu')}${flow('f2', 'Satu', 'KeHalaman2')}${flow('f3', 'DariHalaman1', 'Dua')}${flow('f4', 'Dua', 'Selesai')}`,
'isExecutable="true" camunda:candidateStarterGroups="petugas"');

describe('Given a process whose flow continues through a link event pair (an off-page connector)', () => {
  test('when it is validated, then Alur finds no error of its own', async () => {
    const { problems } = await validateDefinition(XML);
    expect(problems.filter((p) => p.severity === 'error' && p.rule === 'alur')).toEqual([]);
  });

  test('when the case runs step by step from stored state, then the step after the connector is reached and the case ends', async () => {
    const def = definition(XML);
    const started = await startProcess(def);
    expect(started.waiting.map((w) => w.elementId)).toEqual(['Satu']);
    const afterLink = await completeUserTask(def, started.engineState, 'Satu', {});
    expect(afterLink.error).toBeNull();
    expect(afterLink.waiting.map((w) => w.elementId)).toEqual(['Dua']);
    const done = await completeUserTask(def, afterLink.engineState, 'Dua', {});
    expect(done.status).toBe('completed');
  });
});
