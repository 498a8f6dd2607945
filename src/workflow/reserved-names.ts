// Names a model may not give to anything that becomes an object key (field ids, element ids,
// enum values): `__proto__`, `prototype`, and every member of Object.prototype (`constructor`,
// `toString`, `valueOf`, `hasOwnProperty`…), which a plain-object lookup would find by inheritance.

const RESERVED: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor', ...Object.getOwnPropertyNames(Object.prototype)]);

/** Whether `name` could reach Object.prototype when used as a key of a plain object. */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}
