// Public API of the workflow module, the only importer of bpmn-engine / bpmn-elements / bpmn-moddle.
export type { SopStep, UserTaskSpec, ModelField, ModelFieldType, ProcessModel, DefinitionRef, WaitingTask, EngineResult } from './types.js';
export { DefinitionError, TaskNotWaitingError } from './errors.js';
export { loadProcessModel } from './compile-definition.js';
export { startProcess, completeUserTask, waitingTasks } from './engine-runner.js';
export { resumeCase } from './engine-runner.js';
export { timersOf, type EngineTimer, type EngineTimers } from './timer-events.js';
export { parseIsoDuration, isoAfter } from './iso-duration.js';
export type { SopIdentity, SopSymbol, SopRow, SopRowShape, SopEdge, SopDocument, DefinitionProblem, DefinitionDiff, DiffElement, FieldChange } from './sop-types.js';
export { validateDefinition, parseProblems, MAX_DEFINITION_BYTES, type ValidationOptions, type ValidationResult } from './validate-definition.js';
export { MAX_DEFINITION_ELEMENTS, MAX_XML_DEPTH } from './xml-limits.js';
export { MAX_LOOP_ITERATIONS } from './loop-rules.js';
export { ENGINE_CALL_LIMITS } from './engine-runner.js';
export { diffDefinitions } from './definition-diff.js';
export { readSopDocument } from './read-sop-document.js';
export { setGroupAliases, type GroupAliases } from './group-aliases.js';
export { slugifyGroup, isGroupId } from './task-groups.js';
export { MODEL_FORM_PREFIX, MAX_TEXT } from './form-fields.js';
export { loadProcessStart, processStartProblems, processStartProblemsOf, type ProcessStart, type StartRuleOptions } from './process-start.js';
