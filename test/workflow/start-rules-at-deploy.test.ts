// The start rules (process-start.ts) are part of every validation: a version whose start cannot work
// is refused before deploy, and "nobody can start it" is a warning unless a pack starts the process.
import { describe, expect, test } from '@jest/globals';
import { validateDefinition } from '../../src/workflow/index.js';
import { processXml, userTask } from './helpers.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const linear = (start: string, task: string) => `${start}${task}<bpmn:endEvent id="End" />${flow('f1', 'Start', 'T1')}${flow('f2', 'T1', 'End')}`;
const staffTask = userTask('T1', 'camunda:candidateGroups="petugas" camunda:formKey="f"');
const applicantTask = userTask('T1');
/** Alur's own errors (bpmnlint's layout rules, e.g. missing DI in these small fixtures, are not the subject here). */
const errorsOf = (problems: Array<{ severity: string; message: string; rule: string }>) => problems.filter((p) => p.severity === 'error' && p.rule === 'alur').map((p) => p.message);

describe('Given the validation of a model before deploy', () => {
  test('when the start form asks for a file, then it is refused naming the start event', async () => {
    const start = `<bpmn:startEvent id="Start" name="Permohonan Masuk"><bpmn:extensionElements><camunda:formData>
      <camunda:formField id="berkas" label="Berkas" type="file" /></camunda:formData></bpmn:extensionElements></bpmn:startEvent>`;
    const { problems } = await validateDefinition(processXml(linear(start, staffTask), 'isExecutable="true" camunda:candidateStarterGroups="petugas"'));
    expect(errorsOf(problems).join(' ')).toMatch(/Permohonan Masuk.*cannot ask for files/);
  });

  test('when a process only staff start has an applicant step, then it is refused naming the step', async () => {
    const { problems, model } = await validateDefinition(processXml(linear('<bpmn:startEvent id="Start" />', applicantTask), 'isExecutable="true" camunda:candidateStarterGroups="petugas"'));
    expect(model).toBeNull();
    expect(errorsOf(problems).join(' ')).toContain('nobody could do it');
  });

  test('when no starter group is declared, then it is a warning only, and none for a process a pack starts', async () => {
    const xml = processXml(linear('<bpmn:startEvent id="Start" />', staffTask));
    const plain = await validateDefinition(xml);
    expect(errorsOf(plain.problems)).toEqual([]);
    expect(plain.problems.filter((p) => p.severity === 'warning').map((p) => p.message).join(' ')).toContain('nobody can start this process yet');
    const packed = await validateDefinition(xml, { startedByPack: (key) => key === 'p' });
    expect(packed.problems.map((p) => p.message).join(' ')).not.toContain('nobody can start');
  });

  test('when the starter group is a system role, then it is refused', async () => {
    const { problems } = await validateDefinition(processXml(linear('<bpmn:startEvent id="Start" />', staffTask), 'isExecutable="true" camunda:candidateStarterGroups="staff"'));
    expect(errorsOf(problems).join(' ')).toContain('system role "staff"');
  });
});
