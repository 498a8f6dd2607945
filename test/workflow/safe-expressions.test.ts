// The allow-list expression handler: what it evaluates and what it refuses.
import { describe, test, expect } from '@jest/globals';
import { SafeExpressions, expressionsIn, parseExpression } from '../../src/workflow/safe-expressions.js';

const { resolveExpression, isExpression, hasExpression } = SafeExpressions();
const context = {
  environment: { output: { A: { amount: 100, rework: false, tags: ['x', 'y'] } }, variables: { initiator: 'alice' } },
  content: { id: 'flow' },
};

describe('SafeExpressions', () => {
  test.each([
    ['${environment.output.A.amount > 75 && !environment.output.A.rework}', true],
    ["${environment.variables.initiator == 'alice'}", true],
    ['${environment.output.A.amount == "100"}', false],
    ['${environment.output.A.tags[1]}', 'y'],
    ['${(content.id == "flow") || false}', true],
    ['${environment.output.B.missing}', undefined],
    ['${environment.output.A.toString}', undefined],
    ['${true}', true],
    ['${null}', null],
    ['amount: ${environment.output.A.amount}${environment.output.B}', 'amount: 100'],
    ['no expression', 'no expression'],
  ])('Given %s, when resolved, then it is %p', (expression, expected) => {
    expect(resolveExpression(expression, context)).toEqual(expected);
  });

  test.each([
    ['${environment.constructor.constructor("return process")()}', /Property constructor not allowed/],
    ['${environment.output.__proto__}', /Property __proto__ not allowed/],
    ['${content.prototype}', /Property prototype not allowed/],
    ['${environment.services.sendMail}', /Path not allowed in expression/],
    ['${environment.settings}', /Path not allowed in expression/],
    ['${globalThis}', /Path not allowed in expression/],
    ['${environment.output.A.amount(1)}', /Unexpected trailing tokens/],
    ['${environment.output.A.amount + 1}', /Illegal expression/],
    ['${environment.output[A]}', /Bad index/],
    ['${environment.output.}', /Bad path/],
  ])('Given %s, when resolved, then it throws', (expression, error) => {
    expect(() => resolveExpression(expression, context)).toThrow(error);
  });

  test('Given a path naming an element id with a hyphen, when parsed, then the message says such ids cannot be named and to rename the step id', () => {
    expect(() => parseExpression('environment.output.surat-keterangan_Langkah1.catatan == "ok"')).toThrow(
      /"surat-keterangan_Langkah1".*'-' cannot be named in expressions.*rename the step id/);
  });

  test('Given a function in the context, when its path is resolved, then it is never returned', () => {
    expect(resolveExpression('${environment.output.fn}', { environment: { output: { fn: () => 1 } } })).toBeUndefined();
  });

  test('Given strings, then isExpression/hasExpression/expressionsIn find the ${...} parts', () => {
    expect(isExpression('${a}')).toBe(true);
    expect(isExpression('x ${a}')).toBe(false);
    expect(hasExpression('x ${a}')).toBe(true);
    expect(expressionsIn('${a} and ${b.c}')).toEqual(['a', 'b.c']);
  });
});
