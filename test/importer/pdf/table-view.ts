// Readable views of a SopTable for assertions: "row:kind:lane -> row:kind:lane [label]".
import type { SopTable } from '../../../src/importer/types.js';

const lane = (t: SopTable, column: number | null): string => (column === null ? '?' : (t.columns[column] ?? '?'));

/** Every connector as "row:kind:lane -> row:kind:lane [label]", sorted. */
export function flows(t: SopTable): string[] {
  const where = new Map(t.rows.flatMap((r, i) => r.shapes.map((s) => [s.id, `${i + 1}:${s.kind}:${lane(t, s.column)}`])));
  return t.connectors.map((c) => `${where.get(c.from)} -> ${where.get(c.to)}${c.label ? ` [${c.label}]` : ''}`).sort();
}

/** The shapes of each row as "kind:lane" (with ":text" when the shape holds text). */
export function shapes(t: SopTable): string[][] {
  return t.rows.map((r) => r.shapes.map((s) => `${s.kind}:${lane(t, s.column)}${s.text ? `:${s.text}` : ''}`));
}
