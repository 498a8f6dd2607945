// The only state kept between calls: compiled definitions keyed by their immutable version id
// (LRU, bounded). Entries are deep-frozen so no caller can change a shared model.
import { compileDefinition, type CompiledDefinition } from './compile-definition.js';
import type { DefinitionRef } from './types.js';

const MAX_ENTRIES = 20;
const cache = new Map<string, Promise<CompiledDefinition>>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function compiledDefinition(def: DefinitionRef): Promise<CompiledDefinition> {
  const hit = cache.get(def.id);
  if (hit) {
    cache.delete(def.id); // re-insert: Map order is the recency order
    cache.set(def.id, hit);
    return hit;
  }
  const pending = compileDefinition(def.xml).then(deepFreeze);
  cache.set(def.id, pending);
  pending.catch(() => {
    if (cache.get(def.id) === pending) cache.delete(def.id);
  });
  for (const oldest of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(oldest);
  }
  return pending;
}

/**
 * TEST ONLY: caches `def` compiled WITHOUT validation, so the runtime guards of the engine runner
 * can be proven on a definition the validation refuses (as if one had slipped past it).
 */
export async function cacheUnvalidatedForTest(def: DefinitionRef): Promise<void> {
  cache.set(def.id, compileDefinition(def.xml, false).then(deepFreeze));
  await cache.get(def.id);
}
