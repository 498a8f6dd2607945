// The site's static files: the compiled stylesheet and GOV.UK Frontend's script under
// /assets/<content hash>/ (cached for a year: a new build has a new URL), and /static/ (the
// office's logo and other files of src/web/assets/, cached for an hour). Both compressed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { Router, type Response } from 'express';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run build:assets` writes (src/web/build-assets.mjs). */
export const WEB_ASSETS_DIR = `${ROOT}dist/web-assets/`;
export const STATIC_DIR = `${ROOT}src/web/assets/`;
const FILES = ['alur.css', 'govuk-frontend.min.js', 'alur-init.js'];
const YEAR_S = 365 * 24 * 3600;

/** The URLs the layout links to; `version` also goes on the studio's files as `?v=`. */
export interface AssetUrls {
  css: string;
  init: string;
  version: string;
}

/** A short hash of the given files' contents ('unbuilt' when one is missing: pages still render). */
export function contentHash(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    if (!existsSync(path)) return 'unbuilt';
    hash.update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Cache-Control of a response whose URL names its content (a hash or `?v=`): a year, immutable. */
export function cacheForever(res: Response): void {
  res.setHeader('Cache-Control', `public, max-age=${YEAR_S}, immutable`);
}

/** `versionInputs`: more files whose change makes a new `version` (the studio's bundle). */
export function webAssets(versionInputs: readonly string[] = [], dir = WEB_ASSETS_DIR): { router: Router; urls: AssetUrls } {
  const version = contentHash(FILES.map((f) => `${dir}${f}`));
  const studioVersion = contentHash([...FILES.map((f) => `${dir}${f}`), ...versionInputs]);
  const router = Router();
  router.use(['/assets', '/static'], compression());
  // NOTE: any hash segment serves the current file, so a page cached before a deploy still gets its style
  router.use('/assets/:hash', express.static(dir, { fallthrough: false, setHeaders: cacheForever }));
  router.use('/static', express.static(STATIC_DIR, { maxAge: '1h', fallthrough: false }));
  return { router, urls: { css: `/assets/${version}/alur.css`, init: `/assets/${version}/alur-init.js`, version: studioVersion } };
}
