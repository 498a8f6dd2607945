// `npm run sop:import -- [--lang id|en] INPUT.pdf|INPUT.txt --out OUT.bpmn` (or INPUT... --out-dir DIR):
// imports SOP documents (a PDF with a text layer, or a pasted table saved as text) into BPMN drafts,
// without the server. Prints a JSON summary per input on stdout; exit 0 when every input gave a draft,
// 2 when one was refused (the reason on stderr; the other drafts are still written) or on bad usage.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { importSop, IMPORT_LIMITS, type ImportInput } from '../importer/import-sop.js';
import { problemMessage, refusalMessage, type ImportLang } from '../importer/problem-texts.js';
import { ImportRefusedError, type ImportResult } from '../importer/types.js';
import { parseImportArgs, USAGE, UsageError } from './sop-import-args.js';

const PDF_MAGIC = '%PDF-';

/** The document at `path` as importer input: a PDF by its extension or first bytes, else UTF-8 text. */
function readInput(path: string): ImportInput {
  const size = statSync(path).size;
  const limit = Math.max(IMPORT_LIMITS.pdfBytes, IMPORT_LIMITS.textBytes);
  // NOTE: never read a file past the largest accepted size into memory
  if (size > limit) throw new ImportRefusedError('too-large', { bytes: String(size), max: String(limit) });
  const bytes = readFileSync(path);
  const pdf = extname(path).toLowerCase() === '.pdf' || bytes.subarray(0, PDF_MAGIC.length).toString('latin1') === PDF_MAGIC;
  return pdf ? { kind: 'pdf', bytes: new Uint8Array(bytes) } : { kind: 'text', text: bytes.toString('utf8') };
}

/** What the summary says of a draft: identity, lanes, counts by type, and the problems in `lang`. */
export function summaryOf(input: string, output: string, draft: ImportResult, lang: ImportLang) {
  const counts: Record<string, number> = { startEvent: 0, endEvent: 0, userTask: 0, exclusiveGateway: 0 };
  for (const n of draft.nodes) counts[n.type] = (counts[n.type] ?? 0) + 1;
  counts.sequenceFlow = draft.flows.length;
  return {
    input, output, source: draft.source, pages: draft.pages, processKey: draft.processKey, name: draft.name,
    identity: draft.identity, lanes: draft.lanes, rows: Math.max(0, ...draft.nodes.map((n) => n.row)), counts,
    problems: draft.problems.map((p) => ({ code: p.code, severity: p.severity, row: p.row, step: p.step, element: p.elementId, message: problemMessage(p, lang) })),
  };
}

async function importOne(input: string, output: string, lang: ImportLang): Promise<object | null> {
  try {
    const draft = await importSop(readInput(input));
    writeFileSync(output, draft.xml);
    return summaryOf(input, output, draft, lang);
  } catch (err) {
    if (err instanceof ImportRefusedError) process.stderr.write(`sop:import: ${input}: ${refusalMessage(err.code, lang)} (${err.code})\n`);
    else if ((err as NodeJS.ErrnoException).code === 'ENOENT') process.stderr.write(`sop:import: ${input}: ${lang === 'id' ? 'berkas tidak ditemukan' : 'no such file'}\n`);
    else process.stderr.write(`sop:import: ${input}: ${err instanceof Error ? err.message : String(err)}\n`);
    return null;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseImportArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`sop:import: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.out !== null) {
    const summary = await importOne(args.inputs[0]!, args.out, args.lang);
    if (summary) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return summary ? 0 : 2;
  }
  mkdirSync(args.outDir!, { recursive: true });
  const summaries: object[] = [];
  let refused = 0;
  for (const input of args.inputs) {
    const output = join(args.outDir!, `${basename(input, extname(input))}.bpmn`);
    const summary = await importOne(input, output, args.lang);
    if (summary) summaries.push(summary);
    else refused++;
  }
  process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
  return refused ? 2 : 0;
}

process.exitCode = await main(process.argv.slice(2));
