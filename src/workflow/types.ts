// Public data shapes of the workflow module: plain, serialisable values only.
import type { Role } from '../store/ports.js';

/** Mutu Baku of one SOP row (Permen PANRB 35/2012): requirements, output and notes. */
export interface SopStep {
  stepNo: number | null;
  requirements: string[];
  output: string;
  keterangan: string[];
}

export interface UserTaskSpec {
  id: string;
  name: string;
  role: Role;
  formKey: string;
  lane: { id: string; name: string } | null;
  /** ISO-8601 duration, e.g. 'PT15M' */
  timeStandard: string;
  timeStandardMs: number;
  sop: SopStep;
}

export interface ProcessModel {
  processKey: string;
  name: string;
  userTasks: UserTaskSpec[];
  lanes: Array<{ id: string; name: string }>;
}

/** A stored, immutable definition version; `id` identifies the version. */
export interface DefinitionRef {
  id: string;
  xml: string;
}

export interface WaitingTask {
  elementId: string;
  spec: UserTaskSpec;
}

export interface EngineResult {
  status: 'running' | 'completed' | 'failed';
  engineState: Buffer;
  waiting: WaitingTask[];
  error: string | null;
}
