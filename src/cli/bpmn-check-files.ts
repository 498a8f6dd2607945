// Checks BPMN files as the studio does (validateDefinition with the packs' forms and model rules,
// through the composition root) and words their problems in the chosen language.
import { readFile } from 'node:fs/promises';
import type { Lang } from '../web/i18n.js';
import type { DefinitionProblem, ValidationResult } from '../workflow/index.js';
import { elementNames } from '../workflow/element-names.js';
import { importXml, type ImportedXml } from '../workflow/xml-import.js';
import { localizedProblems } from '../studio/problem-messages.js';
import { FOREIGN_PREFIX_RULE } from '../studio/studio-service.js';

export interface CheckedProblem {
  element: string | null;
  name: string | null;
  severity: 'error' | 'warning';
  message: string;
}

export interface CheckedFile {
  file: string;
  opens: boolean;
  deployable: boolean;
  problems: CheckedProblem[];
}

export type Validate = (xml: string) => Promise<ValidationResult>;

const DECLARED_ENCODING = /^(\uFEFF?<\?xml\b[^?]*?\bencoding\s*=\s*)(["'])([^"']+)\2/;

/**
 * The text of a file's bytes in the encoding its XML declaration names (default UTF-8); the
 * declaration then says UTF-8, as the text now is (what the studio does with an uploaded file).
 */
export function decodeXmlFile(bytes: Buffer): string {
  const declared = DECLARED_ENCODING.exec(bytes.subarray(0, 200).toString('latin1'));
  const encoding = declared?.[3]?.toLowerCase() ?? 'utf-8';
  const text = /^(iso-8859-1|latin1|us-ascii)$/.test(encoding) ? bytes.toString('latin1') : new TextDecoder(encoding).decode(bytes);
  return declared ? text.replace(DECLARED_ENCODING, '$1$2UTF-8$2') : text;
}

// NOTE: the same words as the studio's upload (studio-service.ts foreignPrefixProblems, not exported)
function renamedPrefixProblems({ renamed }: ImportedXml): DefinitionProblem[] {
  return renamed.map(({ prefix, uri, renamedTo }) => ({
    elementId: null, severity: 'warning', rule: FOREIGN_PREFIX_RULE,
    message: `the prefix "${prefix}" named the namespace "${uri}", not Alur's: it is renamed "${renamedTo}" and its attributes are ignored by Alur`,
  }));
}

const fileProblem = (message: string): CheckedProblem => ({ element: null, name: null, severity: 'error', message });

/** The name a problem's element is known by: the problem's own naming when it has one, else the file's. */
function nameOf(p: DefinitionProblem, names: Map<string, string>): string | null {
  const own = (p as { element?: { name?: unknown } | null }).element?.name;
  if (typeof own === 'string' && own) return own;
  return (p.elementId && names.get(p.elementId)) || null;
}

export async function checkFile(file: string, validate: Validate, lang: Lang): Promise<CheckedFile> {
  let xml: string;
  try {
    xml = decodeXmlFile(await readFile(file));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    return { file, opens: false, deployable: false, problems: [fileProblem(`${file}: ${reason}`)] };
  }
  // as the studio's upload does: known prefixes bound to foreign namespaces are renamed (or refused)
  const imported = importXml(xml);
  if (imported.refused) return { file, opens: false, deployable: false, problems: [fileProblem(imported.refused)] };
  xml = imported.xml;
  const validation = await validate(xml);
  const { processKey, model } = validation;
  const problems = processKey === null ? validation.problems : [...renamedPrefixProblems(imported), ...validation.problems];
  const opens = processKey !== null;
  const names = opens ? await elementNames(xml) : new Map<string, string>();
  return {
    file,
    opens,
    deployable: opens && model !== null && !problems.some((p) => p.severity === 'error'),
    problems: localizedProblems(problems, lang).map((p) => ({ element: p.elementId, name: nameOf(p, names), severity: p.severity, message: p.message })),
  };
}
