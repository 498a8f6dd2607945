// `npm run backup -- <folder>`: a consistent backup while Alur runs (backup-run.ts). Exit 0 when
// every referenced file was copied, 1 on a refusal, a failure or a file it could not copy, 2 on bad usage.
import { loadConfig } from '../config.js';
import { BackupRefusal } from './backup-manifest.js';
import { runBackup } from './backup-run.js';

const USAGE = 'usage: npm run backup -- <folder>   (a new or empty folder; the store and uploads of ALUR_DATA_DIR / ALUR_UPLOAD_DIR / MONGODB_URI)';

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error(USAGE);
  process.exit(args.includes('--help') ? 0 : 2);
}
try {
  const manifest = await runBackup({ config: loadConfig(), folder: args[0]!, log: (line) => console.log(line) });
  process.exitCode = manifest.problems.length > 0 ? 1 : 0;
} catch (err) {
  console.error(`[alur] backup failed: ${err instanceof Error ? err.message : String(err)}`);
  if (!(err instanceof BackupRefusal) && err instanceof Error && err.stack) console.error(err.stack);
  process.exitCode = 1;
}
