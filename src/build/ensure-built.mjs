// Builds dist/ (`npm run build`) only when what the build reads changed since the last successful
// build, so `npm start` on a built checkout starts at once; a fresh clone or a changed source builds first.
// NOTE: plain JavaScript on purpose: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the build reads: the sources (TypeScript and the studio's client files), the compiler settings, the installed packages. */
export const BUILD_INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
/** What a successful build leaves behind (the server and the studio bundle). */
export const BUILD_OUTPUTS = ['dist/server.js', 'dist/studio-bundle/modeler.js'];
/** The stamp: the SHA-256 of every input file at the start of the last successful build. */
export const STAMP = 'dist/.build-stamp.json';
/** tsc's incremental state (the build script's --tsBuildInfoFile). */
export const TS_BUILD_INFO = 'dist/.tsbuildinfo';

function listFiles(root, rel) {
  const abs = join(root, rel);
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOTDIR') return [rel];
    if (err.code === 'ENOENT') return [];
    throw err;
  }
  return entries.flatMap((e) => (e.isDirectory() ? listFiles(root, join(rel, e.name)) : e.isFile() ? [join(rel, e.name)] : []));
}

/** SHA-256 of each input file, by path relative to `root` (forward slashes), in path order. */
export function inputHashes(root) {
  const paths = BUILD_INPUTS.flatMap((p) => listFiles(root, p)).map((p) => relative(root, join(root, p)).replaceAll('\\', '/'));
  const out = {};
  for (const p of paths.sort()) out[p] = createHash('sha256').update(readFileSync(join(root, p))).digest('hex');
  return out;
}

function readStamp(root) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
    return stamp && typeof stamp.files === 'object' ? stamp : null;
  } catch {
    return null;
  }
}

/** Whether dist/ is the build of the current inputs; if not, why (for the log). */
export function buildStatus(root) {
  const files = inputHashes(root);
  const missing = BUILD_OUTPUTS.filter((p) => !existsSync(join(root, p)));
  if (missing.length > 0) return { upToDate: false, files, reason: `no build yet (${missing.join(', ')} missing)` };
  const stamp = readStamp(root);
  if (!stamp) return { upToDate: false, files, reason: `no build stamp (${STAMP})` };
  const changed = [...new Set([...Object.keys(files), ...Object.keys(stamp.files)])].filter((p) => files[p] !== stamp.files[p]).sort();
  if (changed.length === 0) return { upToDate: true, files, reason: 'up to date' };
  const named = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  return { upToDate: false, files, reason: `${changed.length} changed since the last build: ${named}` };
}

/**
 * Runs `build` unless dist/ is the build of the current inputs, then writes the stamp of the inputs
 * as they were when the build started (a file changed during the build makes the next start build again).
 * `build` throws when the build fails: no stamp is written, so the next start builds again.
 */
export function ensureBuilt({ root, build, log = () => undefined }) {
  const status = buildStatus(root);
  if (status.upToDate) return { built: false, reason: status.reason };
  log(`[alur] building: ${status.reason}`);
  // NOTE: tsc --incremental trusts its build info, not the outputs: without them it must start over
  if (BUILD_OUTPUTS.some((p) => !existsSync(join(root, p)))) rmSync(join(root, TS_BUILD_INFO), { force: true });
  rmSync(join(root, STAMP), { force: true });
  build();
  const missing = BUILD_OUTPUTS.filter((p) => !existsSync(join(root, p)));
  if (missing.length > 0) throw new Error(`the build left no ${missing.join(', ')}`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, STAMP), `${JSON.stringify({ builtAt: new Date().toISOString(), files: status.files }, null, 1)}\n`);
  return { built: true, reason: status.reason };
}

/** `npm run build` in `root`, through the npm that runs us when there is one. */
export function npmBuild(root) {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']];
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  try {
    ensureBuilt({ root, build: () => npmBuild(root), log: (line) => console.log(line) });
  } catch (err) {
    console.error(`[alur] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
