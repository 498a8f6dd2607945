// `npm run bpmn:check -- [--lang id|en] [--json] FILE.bpmn...`: for each file, whether it opens in
// the studio and its problems (the studio's rules and messages). Exit 0 when every file can be
// deployed, 1 otherwise, 2 on bad usage. Validation runs on a throw-away in-memory store (no groups,
// so the studio's "group without an active member" warnings are not given here).
import { createServices, createStore } from '../composition.js';
import type { Lang } from '../web/i18n.js';
import { parseCheckArgs, USAGE, UsageError } from './bpmn-check-args.js';
import { checkFile, type CheckedFile } from './bpmn-check-files.js';

const WORDS: Record<Lang, Record<string, string>> = {
  id: {
    opens: 'dapat dibuka', notOpens: 'tidak dapat dibuka', deployable: 'siap di-deploy', notDeployable: 'belum dapat di-deploy',
    error: 'galat', warning: 'peringatan', noProblems: 'tidak ada masalah', summary: '{n} dari {total} berkas siap di-deploy',
  },
  en: {
    opens: 'opens', notOpens: 'does not open', deployable: 'deployable', notDeployable: 'not deployable',
    error: 'error', warning: 'warning', noProblems: 'no problems', summary: '{n} of {total} files deployable',
  },
};

function report(results: CheckedFile[], lang: Lang): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.file}: ${r.opens ? w.opens : w.notOpens}, ${r.deployable ? w.deployable : w.notDeployable}`);
    if (!r.problems.length) lines.push(`  ${w.noProblems}`);
    for (const p of r.problems) {
      const name = p.name?.replace(/\s+/g, ' ');
      const where = p.element ? (name ? `"${name}" [${p.element}]: ` : `[${p.element}]: `) : '';
      lines.push(`  ${w[p.severity]}  ${where}${p.message}`);
    }
  }
  const n = results.filter((r) => r.deployable).length;
  lines.push(w.summary!.replace('{n}', String(n)).replace('{total}', String(results.length)));
  return `${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseCheckArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bpmn:check: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const store = createStore({ sqliteFile: ':memory:', mongoUri: null });
  try {
    const { definitions } = createServices(store);
    const results: CheckedFile[] = [];
    for (const file of args.files) results.push(await checkFile(file, (xml) => definitions.validate(xml), args.lang));
    process.stdout.write(args.json ? `${JSON.stringify(results, null, 2)}\n` : report(results, args.lang));
    return results.every((r) => r.deployable) ? 0 : 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
