// The interoperability fixtures (fixtures/miwg/README.md): the MIWG reference models, their Camunda
// Modeler 18.6.1 exports and a Camunda Modeler 7 file, read as the studio receives them.
import { readdirSync, readFileSync } from 'node:fs';

const base = new URL('./fixtures/miwg/', import.meta.url);
const FOLDERS = ['reference', 'camunda-modeler-18.6.1', 'camunda-modeler-7'] as const;


/** [`folder/file`, text] of every fixture (all within the XML limits, C.8.0's 2430 elements included). */
export const miwgFiles = (): Array<[string, string]> =>
  FOLDERS.flatMap((folder) => readdirSync(new URL(`${folder}/`, base)).filter((f) => f.endsWith('.bpmn')).sort()
    .map((f): [string, string] => [`${folder}/${f}`, readFileSync(new URL(`${folder}/${f}`, base), 'utf8')]));

export const miwgFile = (name: string): string => readFileSync(new URL(name, base), 'utf8');
