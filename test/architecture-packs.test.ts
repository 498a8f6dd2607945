// The core knows no SOP: names of the PPBJ process pack appear only in its folder (src/packs/ppbj/,
// views/packs/ppbj/) and the listed exceptions, and no core module imports src/packs/.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** Words that name the PPBJ SOP (its process, groups, steps, coded forms and the systems it activates). */
const PPBJ_NAMES: readonly RegExp[] = [
  /ppbj/i, /pengadaan/i, /admin[\s_-]?ppe/i, /MembuatAkun/, /MengaktifkanAkun/, /pendaftaran-akun/,
  /verifikasi-identitas/, /periksa-informasi/, /aktivasi-akun/, /SiRUP/, /SPSE/, /SiPRAJA/,
];

/** Files outside the pack allowed to name it, and why. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  'src/packs/index.ts': 'the registry names the packs it registers',
  'src/store/sqlite/migrations.ts': 'historical upgrades name the values they upgrade',
  'src/store/mongo/migrations.ts': 'historical upgrades name the values they upgrade',
};
const PACK_FOLDERS = ['src/packs/ppbj/', 'views/packs/ppbj/'];

/** Core files allowed to import src/packs/: the composition root hands the packs to the core. */
const PACK_IMPORTERS = ['src/composition.ts', 'src/app.ts'];

function walk(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = posix.join(dir, n);
    if (statSync(join(ROOT, p)).isDirectory()) return walk(p, ext);
    return p.endsWith(ext) && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const files = [...walk('src', '.ts'), ...walk('views', '.hbs')];

/** `file:line: text` for each line of a core file naming PPBJ. */
function offenders(): string[] {
  const core = files.filter((f) => !(f in EXCEPTIONS) && !PACK_FOLDERS.some((d) => f.startsWith(d)));
  return core.flatMap((f) =>
    readFileSync(join(ROOT, f), 'utf8').split('\n').flatMap((line, i) =>
      PPBJ_NAMES.some((re) => re.test(line)) ? [`${f}:${i + 1}: ${line.trim().slice(0, 120)}`] : []));
}

/** Files below src/ (outside src/packs/) whose imports resolve into src/packs/. */
function packImporters(): string[] {
  const core = files.filter((f) => f.startsWith('src/') && f.endsWith('.ts') && !f.startsWith('src/packs/'));
  return core.filter((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    return specs.some((s) => s.startsWith('.') && relative(ROOT, join(ROOT, dirname(f), s)).replace(/\\/g, '/').startsWith('src/packs/'));
  }).sort();
}

describe('Given the process packs and the core', () => {
  test('when the core sources and views are read, then none names PPBJ outside its pack and the listed exceptions', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(offenders()).toEqual([]);
  });

  test('when a line names PPBJ, then the check finds it (the check can fail)', () => {
    expect(PPBJ_NAMES.some((re) => re.test("const key = 'pendaftaran-akun-ppbj';"))).toBe(true);
    expect(PPBJ_NAMES.some((re) => re.test('<bpmn:lane name="Admin PPE">'))).toBe(true);
    expect(PPBJ_NAMES.some((re) => re.test('Kotak Masuk Petugas'))).toBe(false);
  });

  test('when core modules import, then only the composition root reaches into src/packs/', () => {
    expect(packImporters().filter((f) => !PACK_IMPORTERS.includes(f))).toEqual([]);
  });

  test('when the exceptions are listed, then each still exists (a stale exception is removed)', () => {
    for (const f of Object.keys(EXCEPTIONS)) expect(files).toContain(f);
  });
});
