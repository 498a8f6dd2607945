// Static files of the studio pages, all served from this server (no CDN): bpmn-js's dist (UMD
// viewer, CSS, bpmn-font), the properties panel CSS, the esbuild bundle of the modeler, and the
// small page scripts. The CSP is `default-src 'self'`, so no page has an inline script.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** Project root, from src/studio/ (tsx) and from dist/studio/ (tsc output) alike. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run build:studio` writes the modeler bundle (see scripts/build-studio.mjs). */
export const STUDIO_BUNDLE_DIR = join(PROJECT_ROOT, 'dist', 'studio-bundle');

export function studioAssets(): Router {
  const router = Router();
  const cache = { maxAge: '1d', fallthrough: false };
  router.use('/vendor/bpmn-js', express.static(join(packageDir('bpmn-js'), 'dist'), cache));
  router.use('/vendor/properties-panel', express.static(join(packageDir('@bpmn-io/properties-panel'), 'dist', 'assets'), cache));
  router.use('/studio/bundle', express.static(STUDIO_BUNDLE_DIR, { maxAge: '1h', fallthrough: false }));
  router.use('/studio/static', express.static(join(PROJECT_ROOT, 'src', 'studio', 'public'), { maxAge: '1h', fallthrough: false }));
  return router;
}
