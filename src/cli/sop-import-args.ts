// The command line of `npm run sop:import -- [--lang id|en] INPUT... (--out OUT.bpmn | --out-dir DIR)`:
// parsed into options, or a usage error (exit 2) with a message.
import type { ImportLang } from '../importer/problem-texts.js';

export interface ImportArgs {
  inputs: string[];
  /** the draft's file, for one input */
  out: string | null;
  /** the drafts' folder, for one or more inputs (each INPUT's name with .bpmn) */
  outDir: string | null;
  lang: ImportLang;
}

export const USAGE = [
  'usage: npm run sop:import -- [--lang id|en] INPUT.pdf|INPUT.txt --out OUT.bpmn',
  '       npm run sop:import -- [--lang id|en] INPUT... --out-dir DIR',
].join('\n');

export class UsageError extends Error {}

/** `argv` without node and the script. `--` ends the options (an input may then start with '-'). */
export function parseImportArgs(argv: readonly string[]): ImportArgs | 'help' {
  const out: ImportArgs = { inputs: [], out: null, outDir: null, lang: 'id' };
  let options = true;
  const value = (i: number, name: string): string => {
    const v = argv[i];
    if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (options && arg === '--') options = false;
    else if (options && (arg === '--help' || arg === '-h')) return 'help';
    else if (options && arg === '--out') out.out = value(++i, '--out');
    else if (options && arg.startsWith('--out=')) out.out = arg.slice('--out='.length);
    else if (options && arg === '--out-dir') out.outDir = value(++i, '--out-dir');
    else if (options && arg.startsWith('--out-dir=')) out.outDir = arg.slice('--out-dir='.length);
    else if (options && (arg === '--lang' || arg.startsWith('--lang='))) {
      const lang = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (lang !== 'id' && lang !== 'en') throw new UsageError(`--lang takes "id" or "en", not ${lang === undefined ? 'nothing' : `"${lang}"`}`);
      out.lang = lang;
    } else if (options && arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else out.inputs.push(arg);
  }
  if (!out.inputs.length) throw new UsageError('no input document given');
  if (out.out !== null && out.outDir !== null) throw new UsageError('give --out or --out-dir, not both');
  if (out.out === '' || out.outDir === '') throw new UsageError('--out and --out-dir need a value');
  if (out.out === null && out.outDir === null) throw new UsageError('no output given: --out OUT.bpmn (one input) or --out-dir DIR');
  if (out.out !== null && out.inputs.length > 1) throw new UsageError('several inputs need --out-dir DIR, not --out');
  return out;
}
