// Problems the studio words itself, in the owner's language: the structural limits of a BPMN file
// (checked before parsing) and a process id that is not the studio's process. Every other
// problem keeps the validator's (English) text.
import type { Lang } from '../web/i18n.js';
import { translate, withArgs } from '../web/i18n.js';
import { PROCESS_ID_RULE } from './studio-service.js';
import { MAX_DEFINITION_ELEMENTS, MAX_XML_DEPTH, type DefinitionProblem } from '../workflow/index.js';

const LIMITS: Record<string, number> = { 'xml-elements': MAX_DEFINITION_ELEMENTS, 'xml-depth': MAX_XML_DEPTH };

/** `processKey`: the studio's process, named by the process-id problem ("id proses harus X"). */
export function localizedProblems(problems: DefinitionProblem[], lang: Lang, processKey?: string): DefinitionProblem[] {
  return problems.map((p) => {
    if (p.rule === PROCESS_ID_RULE && processKey) {
      return { ...p, message: translate(lang, withArgs('studio.problem.process-id', processKey, p.elementId ?? '')) };
    }
    const max = LIMITS[p.rule];
    return max === undefined ? p : { ...p, message: translate(lang, withArgs(`studio.problem.${p.rule}`, String(max))) };
  });
}

