// Every processes/*.bpmn is shipped: start-up deploys each as version 1 on a store that does not
// have its process yet, and leaves a process the store has alone (PPBJ as before).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from '@jest/globals';
import { bootstrap, createServices, type Services } from '../../src/composition.js';
import { PPBJ_PROCESS_FILE as SHIPPED_PROCESS_FILE } from '../../src/packs/ppbj/process-key.js';
import { loadConfig, type Config } from '../../src/config.js';
import { shippedProcessFiles } from '../../src/definitions/shipped-processes.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const SHIPPED_COMMENT = 'Versi awal dari berkas proses bawaan';
const dirs: string[] = [];
const closers: Array<() => Promise<void>> = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alur-shipped-'));
  dirs.push(dir);
  return dir;
}

/** Services on a fresh SQLite file (nothing deployed until `bootstrap`). */
function emptyStore(): { services: Services; config: Config } {
  const config = loadConfig({ NODE_ENV: 'test', ALUR_DATA_DIR: tempDir() });
  const store = createSqliteStore({ file: config.sqliteFile });
  closers.push(() => store.close());
  return { services: createServices(store), config };
}

async function latestVersions(services: Services): Promise<Record<string, number>> {
  const latest = await services.store.listLatestDefinitions();
  return Object.fromEntries(latest.map((d) => [d.processKey, d.version]));
}

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('shipped processes', () => {
  test('Given a folder with BPMN files, other files and a folder named *.bpmn, when listed, then only the .bpmn files come back, sorted by name', async () => {
    const dir = tempDir();
    for (const name of ['zeta.bpmn', 'alpha.bpmn', 'README.md', 'alpha.bpmn.bak']) writeFileSync(join(dir, name), '');
    mkdirSync(join(dir, 'folder.bpmn'));

    const files = await shippedProcessFiles(pathToFileURL(`${dir}/`));

    expect(files.map((f) => f.pathname.split('/').pop())).toEqual(['alpha.bpmn', 'zeta.bpmn']);
  });

  test('Given the app, then the shipped files are PPBJ and Pengajuan Belanja Pegawai, and PPBJ\'s file is the one SHIPPED_PROCESS_FILE names', async () => {
    const files = (await shippedProcessFiles()).map((f) => f.pathname.split('/').pop());

    expect(files).toEqual(['pendaftaran-akun-ppbj.bpmn', 'pengajuan-belanja-pegawai.bpmn']);
    expect(SHIPPED_PROCESS_FILE.pathname.endsWith('/processes/pendaftaran-akun-ppbj.bpmn')).toBe(true);
  });

  test('Given an empty store, when the app starts, then both shipped processes are deployed as version 1 from their files, with the groups of their steps', async () => {
    const { services, config } = emptyStore();

    await bootstrap(services, config, () => undefined);

    expect(await latestVersions(services)).toEqual({ 'pendaftaran-akun-ppbj': 1, 'pengajuan-belanja-pegawai': 1 });
    const belanja = await services.store.getLatestDefinition('pengajuan-belanja-pegawai');
    expect(belanja).toMatchObject({ name: 'Pengajuan Belanja Pegawai', createdBy: null, comment: SHIPPED_COMMENT });
    expect(belanja?.xml).toBe(readFileSync(new URL('../../processes/pengajuan-belanja-pegawai.bpmn', import.meta.url), 'utf8'));
    const groups = (await services.store.listGroups()).map((g) => [g.id, g.name]);
    expect(groups).toEqual(expect.arrayContaining([
      ['ppabp', 'PPABP'], ['operator-pembayaran', 'Operator Pembayaran'], ['ppk', 'PPK'], ['ppspm', 'PPSPM'], ['kppn', 'KPPN'],
    ]));
  });

  test('Given a store of an earlier release (PPBJ only, at version 2), when the app starts, then the missing process is added as version 1 and PPBJ stays at version 2', async () => {
    const { services, config } = emptyStore();
    await services.store.init();
    const v1 = await services.definitions.ensureShipped(SHIPPED_PROCESS_FILE);
    const v2 = await services.definitions.deploy(readFileSync(SHIPPED_PROCESS_FILE, 'utf8'), null, 'versi kedua');

    await bootstrap(services, config, () => undefined);

    expect(await latestVersions(services)).toEqual({ 'pendaftaran-akun-ppbj': 2, 'pengajuan-belanja-pegawai': 1 });
    expect((await services.store.getLatestDefinition('pendaftaran-akun-ppbj'))?.id).toBe(v2.id);
    expect(v1.version).toBe(1);
  });

  test('Given a started store, when the app starts again, then no process gets another version', async () => {
    const { services, config } = emptyStore();
    await bootstrap(services, config, () => undefined);
    const before = await services.store.listLatestDefinitions();

    await bootstrap(services, config, () => undefined);

    expect(await services.store.listLatestDefinitions()).toEqual(before);
  });
});
