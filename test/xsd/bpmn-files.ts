// The BPMN files the XSD and round-trip tests read: shipped, template, MIWG (bytes and decoded text).
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
export const MIWG_DIRS = ['reference', 'camunda-modeler-18.6.1', 'camunda-modeler-7'] as const;

export interface BpmnFile { name: string; bytes: Buffer; text: string }

/** The text of `bytes` in the encoding its XML declaration names (UTF-8 or ISO-8859-1). */
export function decodeXml(bytes: Buffer): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  return /encoding=["']ISO-8859-1["']/i.test(head) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function filesIn(dir: URL, prefix: string): BpmnFile[] {
  return readdirSync(dir).filter((n) => n.endsWith('.bpmn')).sort().map((n) => {
    const bytes = readFileSync(new URL(n, dir));
    return { name: `${prefix}${n}`, bytes, text: decodeXml(bytes) };
  });
}

export const shippedFiles = (): BpmnFile[] => filesIn(new URL('processes/', root), 'processes/');
export const miwgFiles = (dir: (typeof MIWG_DIRS)[number]): BpmnFile[] =>
  filesIn(new URL(`test/workflow/fixtures/miwg/${dir}/`, root), `miwg/${dir}/`);
export const fixtureXml = (name: string): string => readFileSync(new URL(`test/workflow/fixtures/xsd/${name}`, root), 'utf8');
