// Public API of the workflow module, the only importer of bpmn-engine / bpmn-elements / bpmn-moddle.
export type { SopStep, UserTaskSpec, ProcessModel, DefinitionRef, WaitingTask, EngineResult } from './types.js';
export { DefinitionError, TaskNotWaitingError } from './errors.js';
export { loadProcessModel } from './compile-definition.js';
export { startProcess, completeUserTask, waitingTasks } from './engine-runner.js';
export { parseIsoDuration } from './iso-duration.js';
