// Layer rules from the design: one module owns each concern.
import { describe, expect, test } from '@jest/globals';
import { sourceImports } from './helpers/source-files.js';

const files = sourceImports();

function importersOf(pattern: RegExp): string[] {
  return files.filter((f) => f.imports.some((i) => pattern.test(i))).map((f) => f.path).sort();
}

describe('Given the source tree', () => {
  test('when bpmn packages are imported, then only from src/workflow/', () => {
    expect(importersOf(/^(bpmn-engine|bpmn-elements|bpmn-moddle|camunda-bpmn-moddle|moddle-context-serializer)/).filter((p) => !p.startsWith('workflow/'))).toEqual([]);
  });

  test('when database drivers are imported, then only from their store adapter', () => {
    expect(importersOf(/^better-sqlite3$/).filter((p) => !p.startsWith('store/sqlite/'))).toEqual([]);
    expect(importersOf(/^(mongoose|mongodb)$/).filter((p) => !p.startsWith('store/mongo/'))).toEqual([]);
  });

  test('when services are written, then they never import express, multer or passport', () => {
    const services = files.filter((f) => /-service\.ts$/.test(f.path));
    expect(services.length).toBeGreaterThan(2);
    for (const f of services) expect(f.imports.filter((i) => /^(express|multer|passport)/.test(i))).toEqual([]);
  });

  test('when adapters are chosen, then only composition.ts picks them', () => {
    expect(importersOf(/store\/(sqlite|mongo)\//).filter((p) => !p.startsWith('store/'))).toEqual(['composition.ts']);
  });
});
