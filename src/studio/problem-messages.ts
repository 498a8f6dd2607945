// Every validation problem in the owner's language: the text of its message key (`problem.<code>`,
// src/web/locales/problems.ts and problems-lint.ts) with the element named by its name, else by its
// type and position ("Tugas tanpa nama (ke-3)"). The studio's JSON gives per problem: elementId,
// severity, rule, code (the key, shown as a small secondary code), name (how the element is named)
// and message. A problem made without a key keeps its own text.
import type { Lang } from '../web/i18n.js';
import { CATALOGUES } from '../web/i18n.js';
import { PROCESS_ID_RULE } from './studio-service.js';
import type { DefinitionProblem } from '../workflow/index.js';
import type { ElementRef } from '../workflow/sop-types.js';

export interface LocalizedProblem {
  elementId: string | null;
  severity: DefinitionProblem['severity'];
  rule: string;
  code: string;
  /** How the text names the element ('' for the file as a whole). */
  name: string;
  message: string;
}

const text = (lang: Lang, key: string): string | undefined => CATALOGUES[lang][key] ?? CATALOGUES.id[key];

/** Longest element name quoted in a text (a longer one is itself a problem: text-too-long). */
export const MAX_NAME_IN_TEXT = 100;

/** “Name” (on one line: a diagram label's line breaks become spaces), or "Tugas tanpa nama (ke-3)" / "unnamed task (no. 3)". */
export function elementName(ref: ElementRef, lang: Lang): string {
  const name = ref.name.replace(/\s+/g, ' ').trim();
  if (name) return `“${name.length > MAX_NAME_IN_TEXT ? `${name.slice(0, MAX_NAME_IN_TEXT - 1)}…` : name}”`;
  const type = text(lang, `problem.type.${ref.type}`) ?? text(lang, 'problem.element') ?? ref.type;
  return (text(lang, 'problem.unnamed') ?? '{type} ({n})').replace('{type}', type).replace('{n}', String(ref.position));
}

function argText(key: string, value: string | ElementRef[], lang: Lang): string {
  if (Array.isArray(value)) return value.map((ref) => elementName(ref, lang)).join(key === 'path' ? ' → ' : ', ');
  if (key === 'property') {
    const base = value.replace(/\[\d+\]$/, '');
    return text(lang, `problem.property.${base}`) ?? value;
  }
  return value;
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The problem's text in `lang` from its key, or null when it has no key with a text. */
export function problemText(p: DefinitionProblem, lang: Lang): string | null {
  if (!p.code) return null;
  const template = text(lang, `problem.${p.code}`);
  if (template === undefined) return null;
  const args = p.args ?? {};
  const el = p.element ? elementName(p.element, lang) : '';
  const filled = template.replace(/\{(\w+)\}/g, (m, key: string) => {
    if (key === 'el') return el;
    return Object.hasOwn(args, key) ? argText(key, args[key]!, lang) : m;
  });
  return template.startsWith('{el}') ? capitalized(filled) : filled;
}

/** `processKey`: the studio's process, named by the process-id problem ("id proses harus X"). */
export function localizedProblems(problems: DefinitionProblem[], lang: Lang, processKey?: string): LocalizedProblem[] {
  return problems.map((p) => {
    const keyed = p.rule === PROCESS_ID_RULE && processKey
      ? { ...p, code: 'process-id', args: { expected: processKey, actual: p.elementId ?? '' } }
      : p;
    const code = keyed.code ?? p.rule;
    return {
      elementId: p.elementId,
      severity: p.severity,
      rule: p.rule,
      code,
      name: p.element ? elementName(p.element, lang) : '',
      message: problemText(keyed, lang) ?? p.message,
    };
  });
}
