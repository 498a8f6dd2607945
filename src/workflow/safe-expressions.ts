// Allow-list `${...}` expression handler that replaces bpmn-elements' default one (which walks
// any property, `constructor` included, and calls functions: remote code execution).
// Grammar: literals, paths, `!`, `&& ||`, `== != === !== < <= > >=`, parentheses. No calls.
// Paths must start with environment.output, environment.variables or content; only own
// properties are read and `__proto__`, `prototype`, `constructor` are refused.

type Literal = string | number | boolean | null;
type BinaryOp = '&&' | '||' | '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>=';
type Expr =
  | { kind: 'literal'; value: Literal }
  | { kind: 'path'; root: 'output' | 'variables' | 'content'; segments: string[] }
  | { kind: 'not'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr };
type Token = { t: 'lit'; v: number | string } | { t: 'op'; v: string } | { t: 'id'; v: string };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(===|!==|==|!=|<=|>=|&&|\|\||[<>!().[\]])|([A-Za-z_$][\w$]*))/y;
const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=']);
const BLOCKED = new Set(['__proto__', 'prototype', 'constructor']);
const KEYWORDS: Record<string, Literal> = { true: true, false: false, null: null };
const EXPRESSION = /\$\{([^}]*)\}/g;
const WHOLE_EXPRESSION = /^\$\{([^}]*)\}$/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw hyphenatedName(src, at) ?? new Error(`Illegal expression: ${src}`);
    if (m[1] !== undefined) out.push({ t: 'lit', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'lit', v: m[2].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) out.push({ t: 'op', v: m[3] });
    else out.push({ t: 'id', v: m[4] as string });
  }
  return out;
}

/** An expression that names an element id with '-' (the id is in `id`). */
export class HyphenatedNameError extends Error {
  constructor(readonly id: string, src: string) {
    super(`"${id}": element ids with '-' cannot be named in expressions (${src}): rename the step id without '-' (e.g. Langkah1)`);
  }
}

/** When tokenizing stopped at `at` on a '-' inside a name (a step id such as `izin-cuti_Langkah1`), the error saying so. */
function hyphenatedName(src: string, at: number): HyphenatedNameError | null {
  if (!/^[\w$]-[\w$]/.test(src.slice(at - 1, at + 2))) return null;
  const start = src.slice(0, at).search(/[\w$-]*$/);
  const name = /^[\w$-]+/.exec(src.slice(start))![0];
  return new HyphenatedNameError(name, src);
}

/** Parses the inside of one `${...}`; throws if it is not allowed. */
export function parseExpression(src: string): Expr {
  const tk = tokenize(src);
  let i = 0;
  const opAt = (): string | null => (tk[i]?.t === 'op' ? String(tk[i]!.v) : null);
  const isOp = (v: string): boolean => opAt() === v;
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`Expected ${v} in ${src}`);
    i++;
  };
  const binary = (next: () => Expr, accepts: (op: string) => boolean, repeat: boolean) => (): Expr => {
    let left = next();
    for (let op = opAt(); op !== null && accepts(op); op = opAt()) {
      i++;
      left = { kind: 'binary', op: op as BinaryOp, left, right: next() };
      if (!repeat) break;
    }
    return left;
  };
  const unary = (): Expr => (isOp('!') ? (i++, { kind: 'not', operand: unary() }) : primary());
  const comparison = binary(unary, (op) => COMPARISONS.has(op), false);
  const and = binary(comparison, (op) => op === '&&', true);
  const or = binary(and, (op) => op === '||', true);
  const primary = (): Expr => {
    const tok = tk[i++];
    if (!tok) throw new Error(`Unexpected end of ${src}`);
    if (tok.t === 'lit') return { kind: 'literal', value: tok.v };
    if (tok.t === 'op' && tok.v === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (tok.t !== 'id') throw new Error(`Unexpected ${tok.v} in ${src}`);
    const name = tok.v;
    if (Object.hasOwn(KEYWORDS, name)) return { kind: 'literal', value: KEYWORDS[name] as Literal };
    const segs = [name];
    for (;;) {
      if (isOp('.')) {
        i++;
        const s = tk[i++];
        if (s?.t !== 'id') throw new Error(`Bad path in ${src}`);
        segs.push(s.v);
      } else if (isOp('[')) {
        i++;
        const s = tk[i++];
        if (s?.t !== 'lit') throw new Error(`Bad index in ${src}`);
        segs.push(String(s.v));
        expect(']');
      } else break;
    }
    return toPath(segs, src);
  };
  const expr = or();
  if (i !== tk.length) throw new Error(`Unexpected trailing tokens in ${src}`);
  return expr;
}

function toPath(segs: string[], src: string): Expr {
  const blocked = segs.find((s) => BLOCKED.has(s));
  if (blocked) throw new Error(`Property ${blocked} not allowed in ${src}`);
  const [head, second, ...rest] = segs;
  if (head === 'environment' && (second === 'output' || second === 'variables')) {
    return { kind: 'path', root: second, segments: rest };
  }
  if (head === 'content') return { kind: 'path', root: 'content', segments: segs.slice(1) };
  throw new Error(`Path not allowed in expression: ${src}`);
}

interface ExpressionContext {
  environment?: { output?: unknown; variables?: unknown };
  content?: unknown;
}

function evaluate(expr: Expr, context: ExpressionContext): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'not':
      return !evaluate(expr.operand, context);
    case 'path':
      return readPath(expr, context);
    case 'binary': {
      const l = evaluate(expr.left, context);
      if (expr.op === '&&') return l && evaluate(expr.right, context);
      if (expr.op === '||') return l || evaluate(expr.right, context);
      return compare(expr.op, l, evaluate(expr.right, context));
    }
  }
}

function compare(op: BinaryOp, l: unknown, r: unknown): boolean {
  // NOTE: `==` is strict on purpose (no coercion), like the probe handler in the notes.
  if (op === '==' || op === '===') return l === r;
  if (op === '!=' || op === '!==') return l !== r;
  const [a, b] = [l as number, r as number];
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

function readPath(expr: Extract<Expr, { kind: 'path' }>, context: ExpressionContext): unknown {
  let obj: unknown = expr.root === 'content' ? context.content : context.environment?.[expr.root];
  for (const s of expr.segments) {
    if (obj === null || typeof obj !== 'object' || !Object.hasOwn(obj, s)) return undefined;
    obj = (obj as Record<string, unknown>)[s];
  }
  return typeof obj === 'function' ? undefined : obj;
}

/** Every `${...}` body inside a string, in order. */
export function expressionsIn(text: string): string[] {
  return [...text.matchAll(EXPRESSION)].map((m) => m[1] as string);
}

export interface SafeExpressionsHandler {
  resolveExpression(templated: unknown, context?: ExpressionContext): unknown;
  isExpression(text: unknown): boolean;
  hasExpression(text: unknown): boolean;
}

/** The expressions handler passed to every Engine. */
export function SafeExpressions(): SafeExpressionsHandler {
  const run = (body: string, context: ExpressionContext): unknown => evaluate(parseExpression(body), context);
  return {
    resolveExpression(templated, context = {}) {
      if (typeof templated !== 'string') return templated;
      const whole = WHOLE_EXPRESSION.exec(templated);
      if (whole) return run(whole[1] as string, context);
      return templated.replace(EXPRESSION, (_, body: string) => {
        const v = run(body, context);
        return v === undefined ? '' : String(v);
      });
    },
    isExpression: (text) => typeof text === 'string' && WHOLE_EXPRESSION.test(text),
    hasExpression: (text) => typeof text === 'string' && /\$\{[^}]*\}/.test(text),
  };
}
