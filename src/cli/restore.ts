// `npm run restore -- <folder>`: restores a backup of `npm run backup` into the empty data and
// uploads folders of the configuration (restore-run.ts). Exit 0 when restored, 1 on a refusal or a
// failure (nothing left behind), 2 on bad usage.
import { loadConfig } from '../config.js';
import { BackupRefusal } from './backup-manifest.js';
import { runRestore } from './restore-run.js';

const USAGE = 'usage: npm run restore -- <backup folder>   (into the empty ALUR_DATA_DIR and ALUR_UPLOAD_DIR)';

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error(USAGE);
  process.exit(args.includes('--help') ? 0 : 2);
}
try {
  await runRestore({ config: loadConfig(), folder: args[0]!, log: (line) => console.log(line) });
} catch (err) {
  console.error(`[alur] restore failed: ${err instanceof Error ? err.message : String(err)}`);
  if (!(err instanceof BackupRefusal) && err instanceof Error && err.stack) console.error(err.stack);
  process.exitCode = 1;
}
