// The command line of `npm run bpmn:check -- [--lang en|id] [--json] FILE.bpmn...`: parsed into
// options, or a usage error (exit 2) with a message.
import type { Lang } from '../web/i18n.js';

export interface CheckArgs {
  files: string[];
  lang: Lang;
  json: boolean;
}

export const USAGE = 'usage: npm run bpmn:check -- [--lang id|en] [--json] FILE.bpmn...';

export class UsageError extends Error {}

/** `argv` without node and the script. `--` ends the options (a file may then start with '-'). */
export function parseCheckArgs(argv: readonly string[]): CheckArgs | 'help' {
  const out: CheckArgs = { files: [], lang: 'id', json: false };
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (options && arg === '--') options = false;
    else if (options && (arg === '--help' || arg === '-h')) return 'help';
    else if (options && arg === '--json') out.json = true;
    else if (options && (arg === '--lang' || arg.startsWith('--lang='))) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value !== 'id' && value !== 'en') throw new UsageError(`--lang takes "id" or "en", not ${value === undefined ? 'nothing' : `"${value}"`}`);
      out.lang = value;
    } else if (options && arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else out.files.push(arg);
  }
  if (!out.files.length) throw new UsageError('no BPMN file given');
  return out;
}
