// Every validation and lint problem has a message key with an Indonesian and an English text that
// names the element by its name (else its type and position) and says what to do; the studio's JSON
// carries elementId, severity, rule, code, name and the text in the interface language.
import { describe, test, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDefinition } from '../../src/workflow/index.js';
import { problems } from '../../src/web/locales/problems.js';
import { problemsLint } from '../../src/web/locales/problems-lint.js';
import { elementName, localizedProblems, problemText } from '../../src/studio/problem-messages.js';
import { processXml } from './helpers.js';
import { codesInSource } from './problem-codes.js';
import { parseBpmn, type ModdleNode } from '../../src/workflow/moddle.js';
import { definitionReasons } from '../../src/workflow/compile-definition.js';
import { definitionFindings } from '../../src/workflow/definition-findings.js';

const NAME = 'Analisis Permintaan';
const ID = { ...problems.id, ...problemsLint.id };
const EN = { ...problems.en, ...problemsLint.en };

describe('Given the message catalogue of problems', () => {
  test('when the two languages are compared, then every key has a text in both and none is empty', () => {
    expect(Object.keys(ID).sort()).toEqual(Object.keys(EN).sort());
    for (const [key, text] of [...Object.entries(ID), ...Object.entries(EN)]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  test('when every code a rule module or bpmnlint gives is looked up, then both languages have its text, and it names the element', () => {
    const codes = codesInSource();
    expect(codes.length).toBeGreaterThan(90);
    const fileLevel = new Set(['process-many-executable', 'process-none-executable', 'file-too-large', 'xml-elements', 'xml-depth', 'xml-doctype', 'file-unreadable', 'check-failed', 'process-id', 'automatic-loop', 'lint-truncated']);
    for (const code of codes) {
      expect({ code, id: typeof ID[`problem.${code}`], en: typeof EN[`problem.${code}`] }).toEqual({ code, id: 'string', en: 'string' });
      if (!fileLevel.has(code)) expect({ code, namesElement: ID[`problem.${code}`]!.includes('{el}') && EN[`problem.${code}`]!.includes('{el}') }).toEqual({ code, namesElement: true });
    }
  });

  test('when an element has no name, then it is named by its type and position', () => {
    expect(elementName({ type: 'bpmn:UserTask', name: '', position: 3 }, 'id')).toBe('Tugas tanpa nama (ke-3)');
    expect(elementName({ type: 'bpmn:UserTask', name: '', position: 3 }, 'en')).toBe('unnamed task (no. 3)');
    expect(elementName({ type: 'bpmn:UserTask', name: NAME, position: 3 }, 'id')).toBe(`“${NAME}”`);
  });

  test('when a name is written on several lines in the diagram, then the text names it on one line', () => {
    expect(elementName({ type: 'bpmn:ExclusiveGateway', name: 'Gateway\n(Split Flow)', position: 1 }, 'en')).toBe('“Gateway (Split Flow)”');
  });
});

const task = (attrs: string, inner = '<bpmn:extensionElements><alur:mutuBaku waktu="PT15M" /></bpmn:extensionElements>'): string =>
  `<bpmn:startEvent id="S" name="Mulai" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="_c73a5f4a" />
   <bpmn:userTask id="_c73a5f4a" name="${NAME}" ${attrs}>${inner}</bpmn:userTask>
   <bpmn:sequenceFlow id="F2" sourceRef="_c73a5f4a" targetRef="E" /><bpmn:endEvent id="E" name="Selesai" />`;
const starter = 'isExecutable="true" camunda:candidateStarterGroups="pemohon"';

/** Fixtures that each trigger one rule on the element named NAME. */
const FIXTURES: Array<[string, string]> = [
  ['group-missing', processXml(task('camunda:formKey="f"'), starter)],
  ['group-many', processXml(task('camunda:candidateGroups="a,b" camunda:formKey="f"'), starter)],
  ['group-system-role', processXml(task('camunda:candidateGroups="staff" camunda:formKey="f"'), starter)],
  ['group-id-invalid', processXml(task('camunda:candidateGroups="Kepala_Seksi" camunda:formKey="f"'), starter)],
  ['waktu-missing', processXml(task('camunda:candidateGroups="pemohon" camunda:formKey="f"', ''), starter)],
  ['waktu-invalid', processXml(task('camunda:candidateGroups="pemohon" camunda:formKey="f"', '<bpmn:extensionElements><alur:mutuBaku waktu="5 Menit" /></bpmn:extensionElements>'), starter)],
  ['waktu-too-long', processXml(task('camunda:candidateGroups="pemohon" camunda:formKey="f"', '<bpmn:extensionElements><alur:mutuBaku waktu="P2Y" /></bpmn:extensionElements>'), starter)],
  ['form-missing', processXml(task('camunda:candidateGroups="pemohon"'), starter)],
  ['form-field-type', processXml(task('camunda:candidateGroups="pemohon"', '<bpmn:extensionElements><alur:mutuBaku waktu="PT15M" /><camunda:formData><camunda:formField id="x" label="X" type="json" /></camunda:formData></bpmn:extensionElements>'), starter)],
  ['applicant-step-staff-start', processXml(task('camunda:candidateGroups="pemohon" camunda:formKey="f"'), 'isExecutable="true" camunda:candidateStarterGroups="petugas"')],
  ['loop-cardinality-missing', processXml(task('camunda:candidateGroups="pemohon" camunda:formKey="f"', '<bpmn:extensionElements><alur:mutuBaku waktu="PT15M" /></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics />'), starter)],
  ['script-task', processXml(`<bpmn:startEvent id="S" /><bpmn:scriptTask id="_c73a5f4a" name="${NAME}" />`, starter)],
];

describe('Given a model that breaks one rule on the step "Analisis Permintaan" (machine id _c73a5f4a)', () => {
  test.each(FIXTURES)('when %s is validated, then its problem has the key, and the Indonesian and English texts name the step', async (code, xml) => {
    const { problems: found } = await validateDefinition(xml, { hasForm: () => true });
    const problem = found.find((p) => p.code === code);
    expect(problem).toMatchObject({ code, element: { name: NAME } });
    const [id, en] = [problemText(problem!, 'id'), problemText(problem!, 'en')];
    expect(id).toContain(`“${NAME}”`);
    expect(en).toContain(`“${NAME}”`);
    expect(id).not.toBe(en);
    expect(id).not.toContain('_c73a5f4a');
  });

  test('when the missing group is shown in the studio in Indonesian, then it says to use a lane or the performer group', async () => {
    const { problems: found } = await validateDefinition(FIXTURES[0]![1]);
    const shown = localizedProblems(found, 'id').find((p) => p.code === 'group-missing');
    expect(shown).toEqual({
      elementId: '_c73a5f4a', severity: 'error', rule: 'alur', code: 'group-missing', name: `“${NAME}”`,
      message: `Tentukan pelaksana langkah “${NAME}”: letakkan di lane atau isi Grup Pelaksana.`,
    });
  });
});

describe('Given models with many problems (the rule fixtures and the MIWG reference models)', () => {
  const files = [
    ...readdirSync('test/workflow/fixtures/rules').filter((f) => f.endsWith('.bpmn')).map((f) => join('test/workflow/fixtures/rules', f)),
    ...readdirSync('test/workflow/fixtures').filter((f) => f.endsWith('.bpmn')).map((f) => join('test/workflow/fixtures', f)),
    ...['reference', 'camunda-modeler-18.6.1', 'camunda-modeler-7'].flatMap((dir) => readdirSync(join('test/workflow/fixtures/miwg', dir))
      .filter((f) => f.endsWith('.bpmn')).map((f) => join('test/workflow/fixtures/miwg', dir, f))),
  ];

  test('when they are shown in the studio with lang=id, then no problem keeps its English text and every one has a code', async () => {
    let count = 0;
    for (const file of files) {
      const { problems: found } = await validateDefinition(readFileSync(file, 'latin1').includes('ISO-8859-1') ? readFileSync(file, 'latin1') : readFileSync(file, 'utf8'));
      for (const [shown, raw] of localizedProblems(found, 'id').map((p, i) => [p, found[i]!] as const)) {
        count++;
        expect({ file, code: shown.code, english: shown.message === raw.message }).toEqual({ file, code: raw.code, english: false });
      }
    }
    expect(count).toBeGreaterThan(250);
  }, 120_000);
});

describe('Given the rules composed twice (English reasons for the engine, keyed findings for validation)', () => {
  test('when every rule fixture and MIWG model is read, then both give the same reasons in the same order', async () => {
    const dirs = ['test/workflow/fixtures/rules', 'test/workflow/fixtures', 'test/workflow/fixtures/miwg/reference'];
    let compared = 0;
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.bpmn'))) {
        const root = await parseBpmn(readFileSync(join(dir, file), 'utf8')).then((r) => r.rootElement as unknown as ModdleNode, () => null);
        if (!root) continue;
        expect({ file, reasons: definitionFindings(root).findings.map((f) => f.message) }).toEqual({ file, reasons: definitionReasons(root).reasons });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe('Given an element whose name is 600,000 characters long', () => {
  test('when a problem names it, then the name is cut to a readable length with an ellipsis', () => {
    expect(elementName({ type: 'bpmn:UserTask', name: 'A'.repeat(600_000), position: 1 }, 'id')).toBe(`“${'A'.repeat(99)}…”`);
  });
});
