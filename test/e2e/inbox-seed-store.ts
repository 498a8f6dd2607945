// A data folder whose store already holds a working day for the browser tests: the shipped processes,
// the demo staff, and `count` unassigned Admin PPE tasks of the PPBJ process (a few overdue, a few
// about to be), written before the server starts on that folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap, createServices } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { seedQueue, type SeedTask } from '../tasks/inbox-seed.js';

const NAMES = ['Budi Santoso', 'Siti Aminah', 'Rina Marlina', 'Dewi Lestari', 'Eko Prasetyo', 'Agus Salim', 'Nur Aini', 'Hendra Gunawan',
  'Yuliana Putri', 'Rudi Hartono', 'Fitri Handayani', 'Joko Susilo', 'Maria Ulfa', 'Andi Wijaya', 'Sri Wahyuni', 'Bambang Irawan',
  'Lina Marlina', 'Taufik Hidayat', 'Wulan Sari', 'Yusuf Maulana', 'Intan Permata', 'Fajar Ramadhan', 'Putri Ayu', 'Doni Saputra'];
const STEPS: SeedTask['elementId'][] = ['MelakukanVerifikasi', 'MemeriksaInformasi', 'MengaktifkanAkun'];

/** The data folder (for startServer's dataDir) with `count` open tasks created minutes apart before `now`. */
export async function seededDataDir(count: number, now = new Date()): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alur-e2e-inbox-'));
  const config = loadConfig({ NODE_ENV: 'development', ALUR_DATA_DIR: dataDir });
  const store = createSqliteStore({ file: config.sqliteFile });
  try {
    const services = createServices(store, () => now);
    await bootstrap(services, config, () => undefined);
    const def = (await store.getLatestDefinition('pendaftaran-akun-ppbj'))!;
    const tasks: SeedTask[] = Array.from({ length: count }, (_, i) => ({
      name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}`,
      elementId: STEPS[i % STEPS.length]!,
      createdAt: new Date(now.getTime() - (count - i) * 4 * 60_000), // the first ones are overdue
      nik: `617105${String(2609860003 + i).padStart(10, '0')}`,
    }));
    await seedQueue(store, def.id, tasks);
  } finally {
    await store.close();
  }
  return dataDir;
}
