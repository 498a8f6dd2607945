// Static files of the studio pages, all served from this server (no CDN): bpmn-js's dist (UMD
// viewer, CSS, bpmn-font), the properties panel CSS, the esbuild bundle of the modeler, and the
// small page scripts. The CSP is `default-src 'self'`, so no page has an inline script. Compressed;
// a URL with the build's `?v=` is cached for a year, without it for an hour (ETag either way).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { Router, type Response } from 'express';
import { cacheForever } from '../web/static-assets.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** Project root, from src/studio/ (tsx) and from dist/studio/ (tsc output) alike. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run build:studio` writes the modeler bundle (see src/studio/build-bundle.mjs). */
export const STUDIO_BUNDLE_DIR = join(PROJECT_ROOT, 'dist', 'studio-bundle');
export const STUDIO_PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'studio', 'public');

/** The files whose contents make the studio's `?v=`: the bundle and the packages' versions. */
export function studioVersionInputs(): string[] {
  return [join(STUDIO_BUNDLE_DIR, 'modeler.js'), join(packageDir('bpmn-js'), 'package.json'), join(packageDir('@bpmn-io/properties-panel'), 'package.json')];
}

function versioned(res: Response): void {
  if (typeof res.req.query.v === 'string') cacheForever(res);
  else res.setHeader('Cache-Control', 'public, max-age=3600');
}

export function studioAssets(): Router {
  const router = Router();
  const options = { fallthrough: false, cacheControl: false, setHeaders: versioned };
  router.use(['/vendor', '/studio/bundle', '/studio/static'], compression());
  router.use('/vendor/bpmn-js', express.static(join(packageDir('bpmn-js'), 'dist'), options));
  router.use('/vendor/properties-panel', express.static(join(packageDir('@bpmn-io/properties-panel'), 'dist', 'assets'), options));
  router.use('/studio/bundle', express.static(STUDIO_BUNDLE_DIR, options));
  router.use('/studio/static', express.static(STUDIO_PUBLIC_DIR, options));
  return router;
}
