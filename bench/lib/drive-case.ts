// Drives one case of the shipped process through src/workflow (startProcess/completeUserTask) with
// exactly the engine output the app passes (CaseService: form.engineOutput ?? {}), recording the
// stored state at every wait. `returns` = how many times step 6 answers "Tidak lengkap".
import { completeUserTask, startProcess, type DefinitionRef, type EngineResult } from '../../src/workflow/index.js';

export interface StateSample {
  /** where the case waits, e.g. "MelengkapiInformasi after 2 return(s)", or "completed" */
  label: string;
  elementId: string | null;
  result: EngineResult;
}

export async function driveCase(def: DefinitionRef, returns: number): Promise<StateSample[]> {
  const samples: StateSample[] = [];
  let result = await startProcess(def);
  let loop = 0;
  const record = (): void => {
    const at = result.waiting[0]?.elementId ?? null;
    if (result.status === 'failed') throw new Error(`case failed: ${result.error}`);
    samples.push({ label: at ? `${at}${loop > 0 ? ` after ${loop} return(s)` : ''}` : result.status, elementId: at, result });
  };
  const step = async (elementId: string, output: Record<string, unknown> = {}): Promise<void> => {
    record();
    if (samples.at(-1)!.elementId !== elementId) throw new Error(`expected to wait at ${elementId}, got ${samples.at(-1)!.label}`);
    result = await completeUserTask(def, result.engineState, elementId, output);
  };
  await step('MembuatAkun');
  await step('MengisiIdentitas');
  await step('MelakukanVerifikasi');
  for (; loop < returns; loop++) {
    await step('MelengkapiInformasi');
    await step('MemeriksaInformasi', { lengkap: false });
  }
  await step('MelengkapiInformasi');
  await step('MemeriksaInformasi', { lengkap: true });
  await step('MengaktifkanAkun');
  record();
  if (result.status !== 'completed') throw new Error(`case did not complete: ${result.status}`);
  return samples;
}
