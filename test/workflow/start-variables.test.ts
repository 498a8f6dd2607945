// The start form's values reach the engine: a gateway right after the start tests them, and a
// recovered state still carries them (they are persisted with the case's engine state).
import { describe, expect, test } from '@jest/globals';
import { completeUserTask, startProcess } from '../../src/workflow/index.js';
import { definition, processXml } from './helpers.js';

const XML = processXml(`
  <bpmn:startEvent id="Mulai"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:sequenceFlow id="f0" sourceRef="Mulai" targetRef="Jenis" />
  <bpmn:exclusiveGateway id="Jenis" default="fBiasa"><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>fSegera</bpmn:outgoing><bpmn:outgoing>fBiasa</bpmn:outgoing></bpmn:exclusiveGateway>
  <bpmn:sequenceFlow id="fSegera" sourceRef="Jenis" targetRef="Segera">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.variables.prioritas == 'segera'}</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="fBiasa" sourceRef="Jenis" targetRef="Biasa" />
  <bpmn:userTask id="Segera" name="Tangani Segera" camunda:candidateGroups="petugas" camunda:formKey="cek"><bpmn:extensionElements><alur:mutuBaku waktu="PT1H" /></bpmn:extensionElements><bpmn:incoming>fSegera</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:userTask>
  <bpmn:userTask id="Biasa" name="Tangani Biasa" camunda:candidateGroups="petugas" camunda:formKey="cek"><bpmn:extensionElements><alur:mutuBaku waktu="PT1H" /></bpmn:extensionElements><bpmn:incoming>fBiasa</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
  <bpmn:sequenceFlow id="f1" sourceRef="Segera" targetRef="Cek" />
  <bpmn:sequenceFlow id="f2" sourceRef="Biasa" targetRef="Selesai" />
  <bpmn:exclusiveGateway id="Cek" default="fSelesai"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>fLagi</bpmn:outgoing><bpmn:outgoing>fSelesai</bpmn:outgoing></bpmn:exclusiveGateway>
  <bpmn:sequenceFlow id="fLagi" sourceRef="Cek" targetRef="Biasa">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.variables.prioritas == 'segera'}</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="fSelesai" sourceRef="Cek" targetRef="Selesai" />
  <bpmn:endEvent id="Selesai"><bpmn:incoming>f2</bpmn:incoming><bpmn:incoming>fSelesai</bpmn:incoming></bpmn:endEvent>`);

describe('Given a process whose first gateway tests a start-form field', () => {
  const def = definition(XML);

  test('when it starts with prioritas=segera, then the case waits at the urgent step', async () => {
    const started = await startProcess(def, { prioritas: 'segera' });
    expect(started.error).toBeNull();
    expect(started.waiting.map((w) => w.elementId)).toEqual(['Segera']);
  });

  test('when it starts without the field, then the default flow is taken', async () => {
    const started = await startProcess(def);
    expect(started.waiting.map((w) => w.elementId)).toEqual(['Biasa']);
  });

  test('when the state is recovered in a fresh engine, then a later gateway still sees the start values', async () => {
    const started = await startProcess(def, { prioritas: 'segera' });
    const next = await completeUserTask(def, started.engineState, 'Segera', {});
    expect(next.waiting.map((w) => w.elementId)).toEqual(['Biasa']);
  });
});
