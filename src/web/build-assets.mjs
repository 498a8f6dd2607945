// Builds the site's static assets into dist/web-assets/: alur.css compiled from
// src/web/styles/alur.scss (GOV.UK Frontend with the Alur theme), the GOV.UK Frontend script and
// the small module that starts it. Run by `npm run build:assets` (part of build, start, dev and test).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}dist/web-assets/`;
mkdirSync(out, { recursive: true });

const css = sass.compile(`${root}src/web/styles/alur.scss`, {
  style: 'compressed',
  loadPaths: [`${root}node_modules`],
  quietDeps: true, // govuk-frontend 5 still uses @import and global functions: its deprecation notices are not ours
  silenceDeprecations: ['import', 'global-builtin', 'slash-div', 'color-functions', 'if-function'],
});
writeFileSync(`${out}alur.css`, css.css);
copyFileSync(`${root}node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js`, `${out}govuk-frontend.min.js`);
copyFileSync(`${root}src/web/client/alur-init.js`, `${out}alur-init.js`);
