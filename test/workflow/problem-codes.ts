// The message keys (codes) the rule modules of src/workflow give, read from their source, plus
// bpmnlint's recommended rules: what problem-messages*.test.ts check for texts and fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINT_RULES } from '../../src/workflow/lint.js';

/** Every message key a rule module of src/workflow gives: finding('x', …), fp('x', …), code: 'x', one('x', …), error('x', …), [x, text] of forbidden types. */
export function codesInSource(): string[] {
  const dir = 'src/workflow';
  const codes = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/\b(?:finding|fp|one|error|alurError)\('([a-z][a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of source.matchAll(/\bcode: '([a-z][a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of source.matchAll(/\['([a-z][a-z-]+)', '[^']*are? not allowed'\]/g)) codes.add(m[1]!);
    for (const m of source.matchAll(/\balurError\([^;]*?, '([a-z][a-z-]+)'/g)) codes.add(m[1]!);
  }
  for (const rule of LINT_RULES) codes.add(rule);
  for (const extra of ['xml-elements', 'xml-depth', 'lint-failed', 'process-id', 'waktu-too-short', 'waktu-too-long', 'timer-duration-too-short', 'timer-duration-too-long']) codes.add(extra);
  return [...codes].sort();
}

