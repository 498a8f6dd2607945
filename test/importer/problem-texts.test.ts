// Every problem the importer's readers and builder can give has its text in both languages, with the
// same placeholders, and every refusal has its text: the studio and the command line never show a key.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { importTexts } from '../../src/importer/problem-texts.js';

const SRC = fileURLToPath(new URL('../../src/importer/', import.meta.url));
const REFUSALS = ['scanned', 'encrypted', 'broken', 'not-sop', 'unknown-headers', 'too-large', 'too-many-pages', 'empty', 'timeout'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Codes written in the importer's sources where a problem is made: problem('x', …), code: 'x', warn(i, 'x', …), readWaktu's. */
function emittedCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:problem\(|code: |warn\(index, |code === )'([a-z][a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/'(waktu-unreadable|waktu-total|text-too-long|list-too-long)'/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('Given the importer\'s sources and its texts', () => {
  test('when the codes its modules give are listed, then each has an Indonesian and an English text', () => {
    const codes = emittedCodes();
    expect(codes.length).toBeGreaterThan(25);
    expect(codes.filter((c) => !importTexts.id[`import.problem.${c}`] || !importTexts.en[`import.problem.${c}`])).toEqual([]);
  });

  test('when the two languages are compared, then they have the same keys and the same placeholders', () => {
    expect(Object.keys(importTexts.en).sort()).toEqual(Object.keys(importTexts.id).sort());
    for (const key of Object.keys(importTexts.id)) expect([key, placeholders(importTexts.en[key]!)]).toEqual([key, placeholders(importTexts.id[key]!)]);
  });

  test('when a document is refused, then every reason has its text', () => {
    expect(REFUSALS.filter((c) => !importTexts.id[`import.refused.${c}`] || !importTexts.en[`import.refused.${c}`])).toEqual([]);
  });
});
