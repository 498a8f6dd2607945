// `npm start` builds only when what the build reads changed (src/build/ensure-built.mjs): a built
// checkout starts at once, a changed, added or removed source, settings or lock file builds again.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { buildStatus, ensureBuilt, STAMP, TS_BUILD_INFO } from '../../src/build/ensure-built.mjs';
import { PROJECT_DIR } from '../helpers/server-process.js';

let root: string;
let builds: number;

const write = (rel: string, text: string) => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
};
/** A stand-in for `npm run build`: writes the outputs a build leaves. */
const fakeBuild = () => {
  builds += 1;
  write('dist/server.js', `// build ${builds}\n`);
  write('dist/studio-bundle/modeler.js', `// bundle ${builds}\n`);
  write('dist/web-assets/alur.css', `/* css ${builds} */\n`);
};
const start = () => ensureBuilt({ root, build: fakeBuild });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'alur-build-'));
  builds = 0;
  write('src/server.ts', 'export const a = 1;\n');
  write('src/studio/client/modeler.js', 'console.log(1);\n');
  write('tsconfig.json', '{}\n');
  write('tsconfig.build.json', '{}\n');
  write('package.json', '{"name":"x"}\n');
  write('package-lock.json', '{"lockfileVersion":3}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('Given a checkout without dist/ (a fresh clone after npm ci)', () => {
  test('when it starts, then it builds and stamps the inputs; started again unchanged, then it does not build', () => {
    expect(start()).toEqual({ built: true, reason: expect.stringContaining('no build yet') });
    expect(existsSync(join(root, STAMP))).toBe(true);
    expect(start()).toEqual({ built: false, reason: 'up to date' });
    expect(builds).toBe(1);
  });
});

describe('Given a built checkout', () => {
  beforeEach(() => void start());

  test.each([
    ['a source changes', () => write('src/server.ts', 'export const a = 2;\n'), 'src/server.ts'],
    ['a source is added', () => write('src/new-thing.ts', 'export {};\n'), 'src/new-thing.ts'],
    ['a source is removed', () => rmSync(join(root, 'src/server.ts')), 'src/server.ts'],
    ["the studio's client file changes", () => write('src/studio/client/modeler.js', 'console.log(2);\n'), 'src/studio/client/modeler.js'],
    ['the compiler settings change', () => write('tsconfig.build.json', '{"compilerOptions":{}}\n'), 'tsconfig.build.json'],
    ['the installed packages change (lock file)', () => write('package-lock.json', '{"lockfileVersion":3,"x":1}\n'), 'package-lock.json'],
  ])('when %s, then the next start builds again, naming it', (_what, change, named) => {
    change();
    expect(start()).toEqual({ built: true, reason: `1 changed since the last build: ${named}` });
    expect(start().built).toBe(false);
    expect(builds).toBe(2);
  });

  test('when a file outside the inputs changes (views, tests, data), then it does not build', () => {
    write('views/home.hbs', '<p>x</p>\n');
    write('test/a.test.ts', 'x\n');
    write('data/alur.sqlite', 'x');
    expect(start().built).toBe(false);
    expect(builds).toBe(1);
  });

  test('when an output is gone, then it builds from scratch (tsc incremental state dropped)', () => {
    write(TS_BUILD_INFO, '{}');
    rmSync(join(root, 'dist/studio-bundle/modeler.js'));
    expect(start()).toEqual({ built: true, reason: expect.stringContaining('dist/studio-bundle/modeler.js missing') });
    expect(existsSync(join(root, TS_BUILD_INFO))).toBe(false);
  });

  test('when the build fails, then there is no stamp and the next start builds again', () => {
    write('src/server.ts', 'export const a = ;\n');
    expect(() => ensureBuilt({ root, build: () => { throw new Error('tsc failed'); } })).toThrow('tsc failed');
    expect(existsSync(join(root, STAMP))).toBe(false);
    expect(buildStatus(root).upToDate).toBe(false);
    expect(start().built).toBe(true);
  });

  test('when a source changes while the build runs, then the next start builds again', () => {
    write('src/server.ts', 'export const a = 3;\n');
    ensureBuilt({ root, build: () => { fakeBuild(); write('src/server.ts', 'export const a = 4;\n'); } });
    expect(start()).toEqual({ built: true, reason: '1 changed since the last build: src/server.ts' });
  });
});

describe('Given the command `node src/build/ensure-built.mjs` (what npm start runs first) in a checkout', () => {
  const run = () => spawnSync(process.execPath, ['src/build/ensure-built.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_execpath: '' } });

  beforeEach(() => {
    write('src/build/ensure-built.mjs', '');
    copyFileSync(join(PROJECT_DIR, 'src/build/ensure-built.mjs'), join(root, 'src/build/ensure-built.mjs'));
    write('make-dist.mjs', `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('dist/studio-bundle', { recursive: true }); mkdirSync('dist/web-assets', { recursive: true });
writeFileSync('dist/server.js', ''); writeFileSync('dist/studio-bundle/modeler.js', ''); writeFileSync('dist/web-assets/alur.css', '');
appendFileSync('builds.log', 'built\\n');\n`);
    write('package.json', JSON.stringify({ name: 'x', private: true, scripts: { build: 'node make-dist.mjs' } }));
  });

  test('when run twice, then npm run build ran once; after a source change, twice; a failing build exits 1', () => {
    expect(run()).toMatchObject({ status: 0, stdout: expect.stringContaining('[alur] building: no build yet') });
    expect(run()).toMatchObject({ status: 0, stdout: '' });
    expect(readFileSync(join(root, 'builds.log'), 'utf8')).toBe('built\n');

    write('src/server.ts', 'export const a = 5;\n');
    expect(run()).toMatchObject({ status: 0, stdout: expect.stringContaining('1 changed since the last build: src/server.ts') });
    expect(readFileSync(join(root, 'builds.log'), 'utf8')).toBe('built\nbuilt\n');

    write('make-dist.mjs', 'process.exit(3);\n');
    write('src/server.ts', 'export const a = 6;\n');
    expect(run()).toMatchObject({ status: 1, stderr: expect.stringContaining('[alur] npm run build failed (exit 3)') });
    expect(existsSync(join(root, STAMP))).toBe(false);
  });
});
