// A person using Alur over plain HTTP (fetch): one cookie jar, any number of server instances.
// Forms are read like a browser reads them: every hidden input (_csrf, _rev) comes from the page.
import * as cheerio from 'cheerio';

export interface Page {
  status: number;
  location: string | null;
  text: string;
  $: cheerio.CheerioAPI;
}

export type Fields = Record<string, string | string[]>;
export interface Upload {
  field: string;
  name: string;
  type: string;
  bytes: Buffer;
}

const REQUEST_TIMEOUT_MS = 15_000;

export class Person {
  private readonly jar = new Map<string, string>();

  /** Same-host cookies are not split by port (as in browsers), so one jar serves every instance. */
  private async send(base: string, path: string, body?: URLSearchParams | FormData): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(base + path, {
      method: body ? 'POST' : 'GET', headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...(body ? { body } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now());
      if (expired || eq < 0) this.jar.delete(name);
      else this.jar.set(name, pair.slice(eq + 1).trim());
    }
    return res;
  }

  async request(base: string, path: string, body?: URLSearchParams | FormData): Promise<Page> {
    const res = await this.send(base, path, body);
    const text = await res.text();
    return { status: res.status, location: res.headers.get('location'), text, $: cheerio.load(text) };
  }

  async download(base: string, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const res = await this.send(base, path);
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }

  get(base: string, path: string): Promise<Page> {
    return this.request(base, path);
  }

  /** GET `path` on `readFrom`, then POST its form (current values, `fields` replacing them) to `postTo`. */
  async submit(readFrom: string, postTo: string, path: string, fields: Fields, upload?: Upload): Promise<Page> {
    const prepared = await this.prepare(readFrom, path, fields, upload);
    return this.request(postTo, prepared.action, prepared.body);
  }

  async prepare(readFrom: string, path: string, fields: Fields, upload?: Upload): Promise<{ action: string; body: URLSearchParams | FormData }> {
    const page = await this.get(readFrom, path);
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
    const form = page.$('main form.alur-form, main form.card').first(); // the page's main form (design system: form.alur-form)
    const action = form.attr('action');
    if (!action) throw new Error(`no form on ${path}: ${page.$('main').text().trim().slice(0, 300)}`);
    // What a browser would send untouched: hidden and pre-filled inputs, selected options, checked boxes.
    const values = new Map<string, string[]>();
    const add = (name: string | undefined, value: string | undefined) => name && values.set(name, [...(values.get(name) ?? []), value ?? '']);
    form.find('input').each((_, el) => {
      const input = page.$(el);
      const type = input.attr('type') ?? 'text';
      if (['file', 'password', 'submit', 'button'].includes(type)) return;
      if ((type === 'radio' || type === 'checkbox') && input.attr('checked') === undefined) return;
      add(input.attr('name'), input.attr('value'));
    });
    form.find('textarea').each((_, el) => void add(page.$(el).attr('name'), page.$(el).text()));
    form.find('select').each((_, el) => void add(page.$(el).attr('name'), page.$(el).find('option[selected]').attr('value') ?? ''));
    for (const [k, v] of Object.entries(fields)) values.set(k, [v].flat());
    const all = [...values].flatMap(([k, vs]) => vs.map((v): [string, string] => [k, v]));
    if (form.attr('enctype') !== 'multipart/form-data') return { action, body: new URLSearchParams(all) };
    const body = new FormData();
    for (const [k, v] of all) body.append(k, v);
    if (upload) body.append(upload.field, new Blob([new Uint8Array(upload.bytes)], { type: upload.type }), upload.name);
    return { action, body };
  }
}

/** The data-task id of the first inbox row whose text includes every one of `texts`. */
export async function taskId(who: Person, base: string, inbox: '/tugas' | '/kotak-masuk', ...texts: string[]): Promise<string> {
  const page = await who.get(base, inbox);
  const rows = page.$('tr.task-row').filter((_, el) => texts.every((t) => page.$(el).text().includes(t)));
  const id = rows.first().attr('data-task');
  if (!id) throw new Error(`no row with ${texts.join(' + ')} at ${inbox} on ${base} (${page.status}, ${page.$('tr.task-row').length} rows)`);
  return id;
}

/** Admin PPE: the "Ambil" button of that row (it submits the page's take form to the row's address), posted with that form's CSRF token. */
export async function take(who: Person, readFrom: string, postTo: string, id: string): Promise<Page> {
  const inbox = await who.get(readFrom, '/kotak-masuk');
  const button = inbox.$(`tr[data-task="${id}"] button[formaction="/tugas/${id}/ambil"]`);
  const csrf = inbox.$(`form#${button.attr('form')} input[name=_csrf]`).val();
  if (button.length === 0 || typeof csrf !== 'string') throw new Error(`no Ambil button for task ${id}`);
  return who.request(postTo, `/tugas/${id}/ambil`, new URLSearchParams({ _csrf: csrf }));
}

/** The case page's history rows of one audit type whose text includes `text`. */
export function historyRows(page: Page, type: string, text = ''): string[] {
  return page.$(`table.history tr[data-type="${type}"]`).map((_, el) => page.$(el).text().replace(/\s+/g, ' ').trim()).get().filter((t) => t.includes(text));
}
