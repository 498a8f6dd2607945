// Bundles the modeler page script (bpmn-js Modeler, properties panel, Alur's SOP fields) with
// esbuild into dist/studio-bundle/modeler.js. Run by `npm run build:studio` (part of build,
// start and test), so a fresh clone needs nothing else.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
await build({
  entryPoints: [`${root}src/studio/client/modeler.js`],
  outfile: `${root}dist/studio-bundle/modeler.js`,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
