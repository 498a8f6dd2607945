// Reading BPMN files other tools write: their XML namespace prefixes. A prefix Alur's moddle
// packages know (camunda, alur, bpmn, ...) bound to another namespace (Activiti files say
// xmlns:camunda="http://activiti.org/bpmn") is read by bpmn-moddle as foreign, but it cannot be
// written back (bpmn-js then fails to save). An import renames such a prefix to a free one (the
// meaning of XML is its namespaces, not its prefixes) and rewrites a non-UTF-8 encoding
// declaration (the text is already decoded); parseBpmn refuses a file that still has the clash.
// One linear pass over the tags (comments, CDATA and processing instructions skipped).
import { BpmnModdle } from 'bpmn-moddle';
import { moddleOptions } from './moddle-options.js';
import { tagEnd } from './xml-limits.js';

/** A known prefix bound to a foreign namespace, renamed on import. */
export interface RenamedPrefix {
  prefix: string;
  uri: string;
  renamedTo: string;
}

export interface ImportedXml {
  xml: string;
  renamed: RenamedPrefix[];
  /** Why the prefixes could not be renamed safely (one prefix bound to several namespaces), else null. */
  refused: string | null;
}

let known: Map<string, string> | null = null;

/** prefix -> namespace URI of every moddle package Alur reads with. */
function knownPrefixes(): Map<string, string> {
  if (!known) {
    // NOTE: getPackages is moddle's (BpmnModdle extends it) but missing from bpmn-moddle's types
    const moddle = new BpmnModdle(moddleOptions) as unknown as { getPackages(): Array<{ prefix: string; uri: string }> };
    const packages = moddle.getPackages();
    known = new Map(packages.map((p) => [p.prefix, p.uri]));
  }
  return known;
}

interface Tag { start: number; end: number }

/** Every start and end tag of `xml` as [start, end) ranges, in order. */
function tagsOf(xml: string): Tag[] {
  const tags: Tag[] = [];
  let i = xml.indexOf('<');
  while (i >= 0) {
    let end: number;
    if (xml.startsWith('<!--', i)) end = closeOf(xml, i + 4, '-->');
    else if (xml.startsWith('<![CDATA[', i)) end = closeOf(xml, i + 9, ']]>');
    else if (xml[i + 1] === '?' || xml[i + 1] === '!') end = closeOf(xml, i + 2, '>');
    else {
      end = tagEnd(xml, i + 1);
      if (end < 0) break;
      tags.push({ start: i, end });
    }
    i = xml.indexOf('<', end);
  }
  return tags;
}

function closeOf(xml: string, from: number, close: string): number {
  const at = xml.indexOf(close, from);
  return at < 0 ? xml.length : at + close.length;
}

const DECLARATION = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAME = /(<\/?|\s)([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)(?=[\s=/>])/g;

/** Every (prefix, namespace) binding and every prefix used in a tag or attribute name. */
function bindingsOf(xml: string, tags: Tag[]): { bound: Map<string, Set<string>>; used: Set<string> } {
  const bound = new Map<string, Set<string>>();
  const used = new Set<string>();
  for (const { start, end } of tags) {
    const text = xml.slice(start, end);
    for (const m of text.matchAll(DECLARATION)) {
      const uris = bound.get(m[1]!) ?? new Set<string>();
      uris.add(m[2] ?? m[3] ?? '');
      bound.set(m[1]!, uris);
      used.add(m[1]!);
    }
    for (const m of withoutValues(text).matchAll(NAME)) used.add(m[2]!);
  }
  return { bound, used };
}

/** The tag with every quoted attribute value blanked (same length), so names are matched only outside values. */
const withoutValues = (tag: string): string => tag.replace(/"[^"]*"|'[^']*'/g, (v) => v[0]! + ' '.repeat(v.length - 2) + v[0]!);

/** A readable prefix for `uri` ("activiti" for http://activiti.org/bpmn) not used in the file, else ext, ext2, ... */
function freePrefix(uri: string, taken: Set<string>): string {
  let host = '';
  try {
    host = new URL(uri).hostname.replace(/^www\./, '').split('.')[0] ?? '';
  } catch { /* not a URL: use the fallback */ }
  const candidates = [host.toLowerCase(), 'ext'];
  for (const c of candidates) if (/^[a-z][a-z0-9]*$/.test(c) && !taken.has(c)) return c;
  for (let n = 2; ; n++) if (!taken.has(`ext${n}`)) return `ext${n}`;
}

/** Renames `from:` to `to:` in the element and attribute names of one tag (never in attribute values). */
function renameInTag(tag: string, from: string, to: string): string {
  const blank = withoutValues(tag);
  let out = '';
  let last = 0;
  const name = from.replace(/[.]/g, '\\.');
  const pattern = new RegExp(`(<\\/?|\\s)(?:(xmlns:)${name}(?=[=\\s])|${name}(?=:))`, 'g');
  for (const m of blank.matchAll(pattern)) {
    const at = m.index! + m[1]!.length + (m[2]?.length ?? 0);
    out += tag.slice(last, at) + to;
    last = at + from.length;
  }
  return out + tag.slice(last);
}

/** Rewrites an XML declaration's encoding (the text is already decoded) to UTF-8. */
function utf8Declaration(xml: string): string {
  return xml.replace(/^(\s*<\?xml[^?]*?\sencoding\s*=\s*)(["'])[^"']*\2/, (_m, head: string, q: string) => `${head}${q}UTF-8${q}`);
}

/**
 * Whether a binding of `prefix` is one bpmn-moddle reads as foreign although the prefix is a
 * package's: its namespace is no package's (a known prefix bound to another known namespace, as
 * di= for BPMN DI, is read and written by namespace and is fine).
 */
function isForeign(prefix: string, uri: string): boolean {
  const packages = knownPrefixes();
  return packages.has(prefix) && packages.get(prefix) !== uri && ![...packages.values()].includes(uri);
}

/** The prefixes of `xml` that name a known package but are bound to a namespace no package has. */
export function foreignPrefixes(xml: string): Array<{ prefix: string; uris: string[] }> {
  const { bound } = bindingsOf(xml, tagsOf(xml));
  return [...bound]
    .filter(([prefix, uris]) => [...uris].some((u) => isForeign(prefix, u)))
    .map(([prefix, uris]) => ({ prefix, uris: [...uris] }));
}

/** A foreign-prefix clash parseBpmn refuses, in English; null when there is none. */
export function foreignPrefixReason(xml: string): string | null {
  const clash = foreignPrefixes(xml)[0];
  if (!clash) return null;
  const expected = knownPrefixes().get(clash.prefix);
  return `the prefix "${clash.prefix}" is bound to the namespace "${clash.uris.find((u) => isForeign(clash.prefix, u))}", not to "${expected}": upload the file in the studio (it renames the prefix) or rename the prefix`;
}

/** The text to store for an uploaded file: known prefixes bound to foreign namespaces renamed, UTF-8 declared. */
export function importXml(xml: string): ImportedXml {
  const tags = tagsOf(xml);
  const { bound, used } = bindingsOf(xml, tags);
  const packages = knownPrefixes();
  const renames: RenamedPrefix[] = [];
  const taken = new Set([...used, ...packages.keys()]);
  for (const [prefix, uris] of bound) {
    if (![...uris].some((u) => isForeign(prefix, u))) continue;
    if (uris.size > 1) {
      return { xml, renamed: [], refused: `the prefix "${prefix}" is bound to several namespaces (${[...uris].join(', ')}): rename it in the file so that each prefix names one namespace` };
    }
    const uri = [...uris][0]!;
    const renamedTo = freePrefix(uri, taken);
    taken.add(renamedTo);
    renames.push({ prefix, uri, renamedTo });
  }
  let out = xml;
  if (renames.length) {
    let rebuilt = '';
    let last = 0;
    for (const { start, end } of tags) {
      let tag = xml.slice(start, end);
      for (const r of renames) tag = renameInTag(tag, r.prefix, r.renamedTo);
      rebuilt += xml.slice(last, start) + tag;
      last = end;
    }
    out = rebuilt + xml.slice(last);
  }
  return { xml: utf8Declaration(out), renamed: renames, refused: null };
}
