// Uploaded diagrams must never run code on the server: refused at load time AND inert in the
// engine even when validation is bypassed. Each attack creates a marker file if it succeeds.
import { describe, test, expect, afterEach } from '@jest/globals';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'bpmn-engine'; // only for the control run with the engine's unsafe defaults
import { DefinitionError, loadProcessModel } from '../../src/workflow/index.js';
import { runUnvalidatedForTest } from '../../src/workflow/engine-runner.js';
import { fixtureXml } from './helpers.js';

const ATTACKS = [
  { fixture: 'attack-script-task.bpmn', reason: /script tasks are not allowed/, failure: /Scripts are disabled on this server/ },
  {
    fixture: 'attack-script-condition.bpmn',
    reason: /expressions with a language \("javascript"\) are not allowed/,
    failure: /Scripts are disabled on this server/,
  },
  {
    fixture: 'attack-expression-service-task.bpmn',
    reason: /Property constructor not allowed in environment\.constructor\.constructor/,
    failure: /Property constructor not allowed/,
  },
];

const markers: string[] = [];
function armed(fixture: string): { xml: string; marker: string } {
  const marker = join(tmpdir(), `alur-marker-${process.pid}-${markers.length}-${fixture}`);
  markers.push(marker);
  return { xml: fixtureXml(fixture).replaceAll('MARKER_FILE', marker), marker };
}
afterEach(() => markers.splice(0).forEach((m) => rmSync(m, { force: true })));

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe.each(ATTACKS)('attack fixture $fixture', ({ fixture, reason, failure }) => {
  test('Given bpmn-engine with its default options (control), when run, then the payload does create the marker', async () => {
    const { xml, marker } = armed(fixture);
    const engine = new Engine({ source: xml });
    engine.on('error', () => undefined);
    await engine.execute().catch(() => undefined);
    await settle();
    expect(existsSync(marker)).toBe(true);
  });

  test('Given the diagram, when loaded, then it is refused with a reason', async () => {
    const { xml, marker } = armed(fixture);
    const refusal = await loadProcessModel(xml).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(DefinitionError);
    expect((refusal as DefinitionError).reasons).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
    expect(existsSync(marker)).toBe(false);
  });

  test('Given validation is bypassed, when the engine runs it, then no code runs and the case fails', async () => {
    const { xml, marker } = armed(fixture);
    const result = await runUnvalidatedForTest(xml);
    await settle();
    expect(existsSync(marker)).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(failure);
  });
});

describe('other refused extension points', () => {
  test('Given camunda listeners, camunda:script, camunda:class and send/business-rule tasks, when loaded, then each is a reason', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://alur.id/test">
  <bpmn:message id="m" name="m" />
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="send" />
    <bpmn:sendTask id="send" camunda:class="com.example.Send" />
    <bpmn:sequenceFlow id="f2" sourceRef="send" targetRef="rules" />
    <bpmn:businessRuleTask id="rules" camunda:delegateExpression="\${environment.variables.rules}" />
    <bpmn:sequenceFlow id="f3" sourceRef="rules" targetRef="catch" />
    <bpmn:intermediateThrowEvent id="catch"><bpmn:messageEventDefinition messageRef="m" camunda:expression="\${environment.output.x}" /></bpmn:intermediateThrowEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="catch" targetRef="task" />
    <bpmn:userTask id="task" camunda:candidateGroups="pemohon" camunda:formKey="f">
      <bpmn:extensionElements>
        <camunda:executionListener event="start"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener>
        <camunda:taskListener event="create" class="com.example.Listener" />
      </bpmn:extensionElements>
    </bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;
    const refusal = (await loadProcessModel(xml).catch((err: unknown) => err)) as DefinitionError;
    expect(refusal).toBeInstanceOf(DefinitionError);
    for (const expected of [
      /bpmn:SendTask "send": send tasks are not allowed/,
      /bpmn:SendTask "send": camunda:class\/expression\/delegateExpression are not allowed/,
      /bpmn:BusinessRuleTask "rules": business rule tasks are not allowed/,
      /bpmn:MessageEventDefinition in bpmn:IntermediateThrowEvent "catch": camunda:class/,
      /camunda:ExecutionListener in bpmn:UserTask "task": camunda:executionListener is not allowed/,
      /camunda:Script in bpmn:UserTask "task": camunda:script is not allowed/,
      /camunda:TaskListener in bpmn:UserTask "task": camunda:taskListener is not allowed/,
    ]) {
      expect(refusal.reasons).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    }
  });
});
