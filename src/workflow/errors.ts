// Typed errors of the workflow module.
import { xmlLimitReason, type XmlLimitExceeded } from './xml-limits.js';

/** A BPMN definition was refused; `reasons` are the parser's or validator's own words. */
export class DefinitionError extends Error {
  readonly reasons: string[];

  constructor(reasons: string[]) {
    super(reasons.join('; '));
    this.name = 'DefinitionError';
    this.reasons = reasons;
  }
}

/** A completion was sent for an element that is not a waiting user task of the case. */
export class TaskNotWaitingError extends Error {
  constructor(readonly elementId: string) {
    super(`Task ${elementId} is not waiting`);
    this.name = 'TaskNotWaitingError';
  }
}

/** A BPMN file over a structural limit (element count, nesting depth), refused before parsing. */
export class DefinitionLimitError extends DefinitionError {
  constructor(readonly exceeded: XmlLimitExceeded) {
    super([xmlLimitReason(exceeded)]);
    this.name = 'DefinitionLimitError';
  }
}
