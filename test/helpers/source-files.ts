// The app's TypeScript sources and their import specifiers, for layer-rule tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SRC = new URL('../../src', import.meta.url).pathname;

/** Every .ts file below `dir` (declaration files excluded). */
export function sources(dir: string = SRC): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Each source file, as a path relative to src/, with the modules it imports or re-exports. */
export function sourceImports(): Array<{ path: string; imports: string[] }> {
  return sources().map((p) => ({
    path: relative(SRC, p).replace(/\\/g, '/'),
    imports: [...readFileSync(p, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
  }));
}
