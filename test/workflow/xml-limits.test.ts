// A BPMN file over the element-count or nesting limit is refused on its text, before any parsing:
// deep nesting used to overflow the stack of every tree walker, and every element costs parse time.
import { describe, test, expect } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { DefinitionError, MAX_DEFINITION_ELEMENTS, MAX_XML_DEPTH, loadProcessModel, readSopDocument, validateDefinition } from '../../src/workflow/index.js';
import { xmlLimitExceeded } from '../../src/workflow/xml-limits.js';
import { LINT_RULES, MAX_LINT_PROBLEMS } from '../../src/workflow/lint.js';
import { processXml, shippedXml } from './helpers.js';

/** A start event whose extension elements nest `depth` levels deep. */
const deeplyNested = (depth: number): string =>
  processXml(`<bpmn:startEvent id="s"><bpmn:extensionElements>${'<x:a xmlns:x="urn:x">'.repeat(depth)}${'</x:a>'.repeat(depth)}</bpmn:extensionElements></bpmn:startEvent>`);
const manyElements = (count: number): string =>
  processXml(`<bpmn:task />`.repeat(count));

describe('xmlLimitExceeded', () => {
  const limits = { maxElements: 5, maxDepth: 3 };

  test('Given markup that only looks like elements (comments, CDATA, PIs, ">" inside attribute values), then it is not counted', () => {
    const xml = `<?xml version="1.0"?><a b="1 > 0" c='<x>'><!-- <d><d><d><d> --><![CDATA[<e><e><e><e>]]><f/><g></g></a>`;
    expect(xmlLimitExceeded(xml, limits)).toBeNull();
  });

  test('Given one element more than allowed, then the element limit is exceeded', () => {
    expect(xmlLimitExceeded('<a><b/><b/><b/><b/><b/></a>', limits)).toEqual({ limit: 'elements', max: 5 });
  });

  test('Given one level deeper than allowed, then the depth limit is exceeded; self-closing tags add no level', () => {
    expect(xmlLimitExceeded('<a><b><c><d/></c></b></a>', limits)).toBeNull();
    expect(xmlLimitExceeded('<a><b><c><d></d></c></b></a>', limits)).toEqual({ limit: 'depth', max: 3 });
  });

  test('Given the shipped process, then it is within both limits with room to spare', () => {
    expect(xmlLimitExceeded(shippedXml(), { maxElements: MAX_DEFINITION_ELEMENTS / 10, maxDepth: MAX_XML_DEPTH / 4 })).toBeNull();
  });
});

describe('Given a file nested 20,000 levels deep', () => {
  const xml = deeplyNested(20_000);

  test('when validated, then it is one problem on the nesting limit, not a stack overflow', async () => {
    const { problems, model, processKey } = await validateDefinition(xml);
    expect({ model, processKey }).toEqual({ model: null, processKey: null });
    expect(problems).toHaveLength(1);
    expect(problems).toMatchObject([{
      elementId: null, severity: 'error', rule: 'xml-depth',
      message: `the XML elements are nested more than ${MAX_XML_DEPTH} levels deep, the limit for one process`,
    }]);
  });

  test('when loaded or read as an SOP document, then it is refused with the same reason', async () => {
    await expect(loadProcessModel(xml)).rejects.toBeInstanceOf(DefinitionError);
    await expect(readSopDocument(xml)).rejects.toThrow(/nested more than 64 levels deep/);
  });

  test('when nested exactly to the limit, then it parses (the limit is not off by one)', async () => {
    const { problems } = await validateDefinition(deeplyNested(MAX_XML_DEPTH - 4)); // definitions > process > startEvent > extensionElements
    expect(problems.filter((p) => p.rule === 'xml-depth')).toEqual([]);
  });
});

describe('Given a file with more elements than the limit', () => {
  test('when validated, then it is refused before parsing (the one problem is the count; nothing parsed reports)', async () => {
    const xml = manyElements(50_000);
    expect(Buffer.byteLength(xml)).toBeLessThan(1024 * 1024);
    const { problems } = await validateDefinition(xml);
    expect(problems).toHaveLength(1);
    expect(problems).toMatchObject([{
      elementId: null, severity: 'error', rule: 'xml-elements',
      message: `the file has more than ${MAX_DEFINITION_ELEMENTS} XML elements, the limit for one process`,
    }]);
  });
});

describe('Given a diagram just under the element limit', () => {
  /** start -> t0 -> … -> end: two XML elements per step. */
  const chain = (steps: number): string => {
    const parts = ['<bpmn:startEvent id="s" name="s" />'];
    for (let i = 0, prev = 's'; i < steps; prev = `t${i}`, i++) parts.push(`${`<bpmn:sequenceFlow id="f${i}" sourceRef="${prev}" targetRef="t${i}" />`}<bpmn:task id="t${i}" name="t${i}" />`);
    return processXml(`${parts.join('')}<bpmn:sequenceFlow id="fe" sourceRef="t${steps - 1}" targetRef="e" /><bpmn:endEvent id="e" name="e" />`);
  };

  test('when validated, then it is parsed and checked off the request thread (the main event loop stays idle meanwhile)', async () => {
    const xml = chain(Math.floor(MAX_DEFINITION_ELEMENTS / 2) - 10);
    expect(xmlLimitExceeded(xml)).toBeNull();
    await validateDefinition(chain(3)); // the worker threads start once per process
    // NOTE: the main thread's busy time, not a latency: it stays small however loaded the machine is,
    // while parsing this file on the main thread keeps it busy for 100-200 ms (measured before the worker)
    const before = performance.eventLoopUtilization();
    const { problems } = await validateDefinition(xml);
    const { active } = performance.eventLoopUtilization(before);
    expect(problems.length).toBeGreaterThan(0); // it was parsed and checked (bpmnlint reports on it)
    expect(active).toBeLessThan(50);
  });
});

describe('Given a diagram whose every element bpmnlint reports on', () => {
  test('when validated, then at most MAX_LINT_PROBLEMS of them are listed and the rest are counted in one warning', async () => {
    const steps = Math.floor(MAX_DEFINITION_ELEMENTS / 2) - 10;
    const parts = ['<bpmn:startEvent id="s" name="s" />'];
    for (let i = 0, prev = 's'; i < steps; prev = `t${i}`, i++) parts.push(`<bpmn:sequenceFlow id="f${i}" sourceRef="${prev}" targetRef="t${i}" /><bpmn:task id="t${i}" name="t${i}" />`);
    const xml = processXml(`${parts.join('')}<bpmn:sequenceFlow id="fe" sourceRef="t${steps - 1}" targetRef="e" /><bpmn:endEvent id="e" name="e" />`);
    const lint = (await validateDefinition(xml)).problems.filter((p) => (LINT_RULES as readonly string[]).includes(p.rule));
    expect(lint).toHaveLength(MAX_LINT_PROBLEMS);
    const summary = (await validateDefinition(xml)).problems.find((p) => p.code === 'lint-truncated');
    expect(Number(summary?.args?.count)).toBeGreaterThan(steps); // no-bpmndi alone reports every element
  });
});
