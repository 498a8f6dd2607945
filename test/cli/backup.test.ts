// `npm run backup` while another process completes cases, then `npm run restore` into an empty folder:
// the restored store is the snapshot (rows as in the manifest, each running case's engine waits
// where its open tasks are, every document's file matches its hash); refusals leave nothing behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { BackupRefusal, type Manifest } from '../../src/cli/backup-manifest.js';
import { runBackup } from '../../src/cli/backup-run.js';
import { runRestore } from '../../src/cli/restore-run.js';
import { bootstrap, createServices, type Services } from '../../src/composition.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { waitingTasks } from '../../src/workflow/index.js';
import { PROJECT_DIR } from '../helpers/server-process.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const configIn = (dir: string): Config => loadConfig({ NODE_ENV: 'test', ALUR_DATA_DIR: join(dir, 'data'), ALUR_UPLOAD_DIR: join(dir, 'uploads') });
const quiet = () => undefined;

/** Rows per table, read with the driver (not through the app). */
function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

describe('Given a SQLite store on which a second process keeps completing cases', () => {
  let dir: string;
  let live: Config;
  let liveServices: Services;
  let writer: ChildProcess;
  let out = '';
  const casesLogged = () => [...out.matchAll(/^case (\d+) (\S+)$/gm)].map((m) => m[2]!);
  const waitForCases = async (n: number) => {
    for (const deadline = Date.now() + 60_000; casesLogged().length < n; await new Promise((r) => setTimeout(r, 50))) {
      if (Date.now() > deadline || writer.exitCode !== null) throw new Error(`the writer made ${casesLogged().length} of ${n} cases: ${out}`);
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alur-backup-'));
    live = configIn(join(dir, 'live'));
    mkdirSync(live.uploadDir, { recursive: true });
    liveServices = createServices(createSqliteStore({ file: live.sqliteFile }));
    await bootstrap(liveServices, live, quiet);
    writer = spawn(process.execPath, ['--import', 'tsx', 'test/cli/backup-writer.ts', live.sqliteFile, live.uploadDir], { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    writer.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    writer.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
    await waitForCases(12);
  }, 90_000);
  afterAll(async () => {
    if (writer?.exitCode === null) writer.kill('SIGKILL');
    await liveServices?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let manifest: Manifest;
  let before: string[];
  let restored: Config;

  test('when a backup is taken while it works and restored into an empty folder, then every case, task, audit entry and document of the snapshot is there and consistent', async () => {
    // Given the cases finished before the backup starts
    before = casesLogged();
    const lines: string[] = [];
    manifest = await runBackup({ config: live, folder: join(dir, 'backup'), log: (l) => lines.push(l) });
    await waitForCases(before.length + 3); // the writer went on meanwhile
    writer.kill('SIGTERM');
    expect(await new Promise((r) => writer.once('exit', r))).toBe(0);

    expect(lines[0]).toBe(`[alur] backup of the SQLite store ${live.sqliteFile} into ${join(dir, 'backup')}`);
    expect(manifest.problems).toEqual([]);
    expect(manifest.store).toMatchObject({ kind: 'sqlite', integrity: 'ok' });
    const snapshotCases = manifest.store.kind === 'sqlite' ? manifest.store.tables.cases! : 0;
    expect(snapshotCases).toBeGreaterThanOrEqual(before.length);
    expect(rowCounts(live.sqliteFile).cases).toBeGreaterThan(snapshotCases);

    // When it is restored into an empty folder
    restored = configIn(join(dir, 'restored'));
    await runRestore({ config: restored, folder: join(dir, 'backup'), log: quiet });

    // Then: rows per table as the manifest says, cases finished before the backup among them
    expect(manifest.store.kind === 'sqlite' && rowCounts(restored.sqliteFile)).toEqual(manifest.store.kind === 'sqlite' && manifest.store.tables);
    const store = createSqliteStore({ file: restored.sqliteFile });
    await store.init();
    try {
      for (const id of before) expect(await store.getCase(id)).not.toBeNull();
      const db = new Database(restored.sqliteFile, { readonly: true });
      const caseIds = db.prepare('SELECT id FROM cases').pluck().all() as string[];
      const documents = db.prepare('SELECT storedName, sha256, caseId FROM documents').all() as Array<{ storedName: string; sha256: string; caseId: string }>;
      db.close();
      expect(caseIds).toHaveLength(snapshotCases);
      let running = 0;
      let completed = 0;
      for (const id of caseIds) {
        const c = (await store.getCase(id))!;
        const tasks = await store.listTasks({ caseId: id, limit: 100 });
        const open = tasks.map((t) => t.elementId).sort();
        const def = (await store.getDefinition(c.definitionId))!;
        // an ended case keeps no engine state (src/store/ended-case.ts): only a running one is recovered
        const waiting = c.status === 'running' ? (await waitingTasks({ id: def.id, xml: def.xml }, c.engineState)).map((w) => w.elementId).sort() : [];
        // the engine state and the open tasks were written in one change: the snapshot has both or neither
        if (c.status === 'running') running++;
        else completed++;
        expect({ id, status: c.status, open }).toEqual({ id, status: c.status, open: c.status === 'running' ? waiting : [] });
        // each task's creation and completion and each document's upload are audited in the change that made them
        const audit = await store.listAudit(id);
        const count = (type: string) => audit.filter((e) => e.type === type).length;
        const done = (await store.listTasks({ caseId: id, status: 'completed', limit: 100 })).length;
        const cancelled = (await store.listTasks({ caseId: id, status: 'cancelled', limit: 100 })).length;
        expect({ id, created: count('task.created'), completed: count('task.completed'), uploaded: count('document.uploaded') })
          .toEqual({ id, created: open.length + done + cancelled, completed: done, uploaded: documents.filter((d) => d.caseId === id).length });
      }
      expect(running).toBeGreaterThan(0);
      expect(completed).toBeGreaterThan(0);
      // every document of the snapshot: its file is restored and matches the hash the store recorded
      expect(documents.length).toBeGreaterThan(0);
      for (const d of documents) expect({ name: d.storedName, sha256: sha256(join(restored.uploadDir, d.storedName)) }).toEqual({ name: d.storedName, sha256: d.sha256 });
      expect(readdirSync(restored.uploadDir).sort()).toEqual(manifest.uploads.files.map((f) => f.name).sort());
    } finally {
      await store.close();
    }
  }, 120_000);

  test('when it is restored again into that (now non-empty) folder, then it is refused and nothing changes', async () => {
    const dbHash = sha256(restored.sqliteFile);
    await expect(runRestore({ config: restored, folder: join(dir, 'backup'), log: quiet })).rejects.toThrow(
      new BackupRefusal(`a restore goes into an empty data folder; not empty: the data folder ${restored.dataDir}, ${restored.sqliteFile}, the uploads folder ${restored.uploadDir} (nothing restored)`),
    );
    expect(sha256(restored.sqliteFile)).toBe(dbHash);
  });

  test('when an uploaded file of the backup is damaged, then the restore is refused naming it and the target stays empty', async () => {
    cpSync(join(dir, 'backup'), join(dir, 'damaged'), { recursive: true });
    const victim = manifest.uploads.files[0]!.name;
    const bytes = readFileSync(join(dir, 'damaged', 'uploads', victim));
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(join(dir, 'damaged', 'uploads', victim), bytes);
    const target = configIn(join(dir, 'restored-2'));
    await expect(runRestore({ config: target, folder: join(dir, 'damaged'), log: quiet })).rejects.toThrow(`uploads/${victim} does not match its SHA-256`);
    expect(existsSync(target.sqliteFile)).toBe(false);
    expect(existsSync(target.uploadDir) ? readdirSync(target.uploadDir) : []).toEqual([]);
  });

  test('when a backup goes into a non-empty folder, then it is refused', async () => {
    await expect(runBackup({ config: live, folder: join(dir, 'backup'), log: quiet })).rejects.toThrow(`${join(dir, 'backup')} is not empty`);
  });

  test('when the commands run, then they print what they did and exit 0, 1 (refused) or 2 (usage)', () => {
    const env = { PATH: process.env.PATH, NODE_ENV: 'test', ALUR_DATA_DIR: live.dataDir, ALUR_UPLOAD_DIR: live.uploadDir };
    const run = (script: string, args: string[], extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: PROJECT_DIR, env: { ...env, ...extra }, encoding: 'utf8' });
    const backup = run('src/cli/backup.ts', [join(dir, 'backup-cli')]);
    expect(backup).toMatchObject({ status: 0, stdout: expect.stringMatching(/uploads: (\d+) of \1 referenced files copied/) });
    const restore = run('src/cli/restore.ts', [join(dir, 'backup-cli')], { ALUR_DATA_DIR: join(dir, 'cli', 'data'), ALUR_UPLOAD_DIR: join(dir, 'cli', 'uploads') });
    expect(restore).toMatchObject({ status: 0, stdout: expect.stringContaining('[alur] restored: start Alur on this data folder') });
    const again = run('src/cli/restore.ts', [join(dir, 'backup-cli')], { ALUR_DATA_DIR: join(dir, 'cli', 'data'), ALUR_UPLOAD_DIR: join(dir, 'cli', 'uploads') });
    expect(again).toMatchObject({ status: 1, stderr: expect.stringContaining('[alur] restore failed: a restore goes into an empty data folder') });
    expect(run('src/cli/backup.ts', [])).toMatchObject({ status: 2, stderr: expect.stringContaining('usage: npm run backup -- <folder>') });
  }, 60_000);
});
