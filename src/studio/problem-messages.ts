// Problems the studio words itself, in the owner's language: the structural limits of a BPMN file
// (checked before parsing). Every other problem keeps the validator's (English) text.
import type { Lang } from '../web/i18n.js';
import { translate, withArgs } from '../web/i18n.js';
import { MAX_DEFINITION_ELEMENTS, MAX_XML_DEPTH, type DefinitionProblem } from '../workflow/index.js';

const LIMITS: Record<string, number> = { 'xml-elements': MAX_DEFINITION_ELEMENTS, 'xml-depth': MAX_XML_DEPTH };

export function localizedProblems(problems: DefinitionProblem[], lang: Lang): DefinitionProblem[] {
  return problems.map((p) => {
    const max = LIMITS[p.rule];
    return max === undefined ? p : { ...p, message: translate(lang, withArgs(`studio.problem.${p.rule}`, String(max))) };
  });
}

