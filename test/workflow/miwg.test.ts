// Files other tools write (fixtures/miwg): each opens as imported (xml-import.ts), gets the reasons
// it cannot run element by element, and survives a bpmn-moddle round trip (what the modeler saves)
// unchanged in meaning. XML warnings that keep the meaning are not errors; a known prefix bound to a
// foreign namespace is renamed on import and refused with a clear reason otherwise.
import { describe, expect, test } from '@jest/globals';
import { BpmnModdle } from 'bpmn-moddle';
import { allNodes, moddleOptions, parseBpmn, readFindings, type ModdleNode } from '../../src/workflow/moddle.js';
import { compileDefinition } from '../../src/workflow/compile-definition.js';
import type { DefinitionError } from '../../src/workflow/errors.js';
import { importXml } from '../../src/workflow/xml-import.js';
import { validateDefinition } from '../../src/workflow/index.js';
import { miwgFile, miwgFiles } from './miwg-files.js';

/** What a model means, as far as a round trip can change it: every element's id, type and name. */
async function meaning(xml: string): Promise<string[]> {
  const root = (await parseBpmn(xml)).rootElement as unknown as ModdleNode;
  return allNodes(root).map((n) => `${n.$type}#${n.id ?? ''}#${n.name ?? ''}`).sort();
}

describe.each(miwgFiles())('Given %s', (_name, raw) => {
  test('when imported and validated, then it opens and lists the reasons it cannot run, each on its element where it has one', async () => {
    const imported = importXml(raw);
    expect(imported.refused).toBeNull();
    const { problems, processKey } = await validateDefinition(imported.xml);
    expect(processKey).not.toBeNull();
    expect(problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
    expect(problems.every((p) => typeof p.message === 'string' && p.message.length > 0)).toBe(true);
  });

  test('when imported and written back by bpmn-moddle (as the modeler saves it), then it reads without a warning and means the same', async () => {
    const { xml } = importXml(raw);
    const moddle = new BpmnModdle(moddleOptions);
    const { rootElement } = await moddle.fromXML(xml);
    const { xml: saved } = await moddle.toXML(rootElement, { format: true });
    expect((await new BpmnModdle(moddleOptions).fromXML(saved)).warnings).toEqual([]);
    expect(await meaning(saved)).toEqual(await meaning(xml));
  });
});

describe('Given a reference model that declares encoding="ISO-8859-1"', () => {
  const raw = miwgFile('reference/A.1.0.bpmn');

  test('when validated as it is, then it opens (the declaration is no error)', async () => {
    expect(raw).toMatch(/^<\?xml [^>]*encoding="ISO-8859-1"/);
    expect((await validateDefinition(raw)).processKey).not.toBeNull();
  });

  test('when imported, then it declares UTF-8 (the text is decoded already) and nothing else changes', () => {
    const { xml } = importXml(raw);
    expect(xml).toMatch(/^<\?xml [^>]*encoding="UTF-8"/);
    expect(xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')).toBe(raw);
  });
});

describe('Given a reference model with a reference to an element not in the file (C.8.1)', () => {
  test('when read, then it opens and each unresolved reference is a finding on its element (a reason it cannot run)', async () => {
    const xml = miwgFile('reference/C.8.1.bpmn');
    expect((await validateDefinition(xml)).processKey).toBe('VacationRequestProcess');
    const root = (await parseBpmn(xml)).rootElement as unknown as ModdleNode;
    const found = readFindings(root);
    expect(found.map((f) => [f.code, f.node?.id, f.args])).toEqual([
      ['reference-unresolved', '_83f1c680-7e06-4a9a-9206-396ed8155a71', { property: 'outMessageRef', reference: 'triso:unspecified' }],
      ['reference-unresolved', '_a0e96e19-a01f-4dde-b613-0b774e8d350b', { property: 'outMessageRef', reference: 'triso:unspecified' }],
      ['reference-unresolved', '_04bf649c-423c-4312-b813-cf585ce5a82f', { property: 'outMessageRef', reference: 'triso:unspecified' }],
    ]);
    const refused = await compileDefinition(xml).then(() => null, (err: DefinitionError) => err.reasons);
    expect(refused).toEqual(expect.arrayContaining([expect.stringMatching(/\(Send Email \(mock\)\): outMessageRef refers to "triso:unspecified", which is not in this file/)]));
  });
});

describe('Given a reference model that binds the camunda prefix to the Activiti namespace (C.1.0)', () => {
  const raw = miwgFile('reference/C.1.0.bpmn');

  test('when validated as it is, then it is refused with the reason, not half-read', async () => {
    const { problems, processKey } = await validateDefinition(raw);
    expect(processKey).toBeNull();
    expect(problems).toEqual([expect.objectContaining({
      severity: 'error',
      message: expect.stringMatching(/prefix "camunda" is bound to the namespace "http:\/\/activiti\.org\/bpmn", not to "http:\/\/camunda\.org\/schema\/1\.0\/bpmn"/),
    })]);
  });

  test('when imported, then the prefix is renamed in names only (never in values) and its attributes are foreign to Alur', async () => {
    const { xml, renamed } = importXml(raw);
    expect(renamed).toEqual([{ prefix: 'camunda', uri: 'http://activiti.org/bpmn', renamedTo: 'activiti' }]);
    expect(xml).toContain('xmlns:activiti="http://activiti.org/bpmn"');
    expect(xml).toContain('activiti:candidateGroups="accounting"');
    expect(xml).not.toMatch(/[<\s]camunda:/);
    expect(xml.replace(/([<\s/]|xmlns:)activiti(?=[:=])/g, "$1camunda")).toBe(raw);
    const task = allNodes((await parseBpmn(xml)).rootElement as unknown as ModdleNode).find((n) => n.id === 'prepareBankTransfer')!;
    expect(task.candidateGroups).toBeUndefined();
    expect(task.$attrs).toMatchObject({ 'activiti:candidateGroups': 'accounting' });
  });
});

describe('Given a known prefix bound to two namespaces', () => {
  test('when imported, then it is refused with the reason (renaming one would change the other)', () => {
    const xml = miwgFile('reference/C.1.0.bpmn').replace('<userTask ', '<userTask xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ');
    expect(importXml(xml).refused).toMatch(/prefix "camunda" is bound to several namespaces/);
  });
});

describe('Given content the parser would drop (an unknown BPMN element)', () => {
  test('when validated, then it is still refused (the meaning would change)', async () => {
    const xml = miwgFile('camunda-modeler-7/permohonan-cuti.bpmn').replace('<bpmn:endEvent id="Event_ditolak"', '<bpmn:unknownThing id="x" /><bpmn:endEvent id="Event_ditolak"');
    const { problems, processKey } = await validateDefinition(xml);
    expect(processKey).toBeNull();
    expect(problems.map((p) => p.message).join(' ')).toMatch(/unparsable content/);
  });
});
