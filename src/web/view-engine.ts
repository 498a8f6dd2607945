// Server-side rendering with Handlebars: templates and partials are compiled once at start-up;
// every page is rendered into views/layouts/main.hbs. Templates hold no logic beyond helpers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { formatDate, formatDateTime, formatMonth } from './dates.js';
import { formatDuration, translate, type Lang } from './i18n.js';

type Template = Handlebars.TemplateDelegate;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.hbs') ? [path] : [];
  });
}

function registerHelpers(hb: typeof Handlebars): void {
  const lang = (options: Handlebars.HelperOptions): Lang => (options.data?.root?.lang === 'en' ? 'en' : 'id');
  hb.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => translate(lang(options), String(key ?? '')));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('includes', (list: unknown, v: unknown) => Array.isArray(list) && list.includes(v));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  hb.registerHelper('datetime', (iso: unknown, options: Handlebars.HelperOptions) => (typeof iso === 'string' ? formatDateTime(iso, lang(options)) : ''));
  hb.registerHelper('date', (v: unknown, options: Handlebars.HelperOptions) => (typeof v === 'string' ? formatDate(v, lang(options)) : ''));
  hb.registerHelper('month', (v: unknown, options: Handlebars.HelperOptions) => (typeof v === 'string' ? formatMonth(v, lang(options)) : ''));
  hb.registerHelper('duration', (iso: unknown, options: Handlebars.HelperOptions) => (typeof iso === 'string' ? formatDuration(iso, lang(options)) : ''));
  hb.registerHelper('kb', (bytes: unknown) => (typeof bytes === 'number' ? Math.max(1, Math.round(bytes / 1024)) : ''));
  hb.registerHelper('encode', (v: unknown) => encodeURIComponent(typeof v === 'string' ? v : '')); // a query-string value
  hb.registerHelper('short', (hash: unknown) => (typeof hash === 'string' ? hash.slice(0, 12) : ''));
}

export function createViewEngine(viewsDir: string) {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const templates = new Map<string, Template>();
  for (const file of walk(viewsDir)) {
    const name = relative(viewsDir, file).replace(/\\/g, '/').replace(/\.hbs$/, '');
    const source = readFileSync(file, 'utf8');
    if (name.startsWith('partials/')) hb.registerPartial(name.slice('partials/'.length), source);
    else templates.set(name, hb.compile(source, { strict: false }));
  }
  const layout = templates.get('layouts/main');
  if (!layout) throw new Error(`views/layouts/main.hbs is missing in ${viewsDir}`);

  return function render(name: string, context: Record<string, unknown>): string {
    const page = templates.get(name);
    if (!page) throw new Error(`No view named ${name}`);
    const data = { root: context };
    return layout({ ...context, body: page(context, { data }) }, { data });
  };
}

export type RenderFn = ReturnType<typeof createViewEngine>;
