// Reports never hold the event loop for long: timing thousands of open tasks and encoding a CSV
// part give way to other requests (a setImmediate turn) every few ms, with the same results.
import { describe, expect, test } from '@jest/globals';
import { toCsv, type Table } from '../../src/csv.js';
import type { ComplianceSettings, TimeClock } from '../../src/compliance/compliance-settings.js';
import { csvChunks } from '../../src/compliance/report-csv.js';
import { openTimings } from '../../src/compliance/report-data.js';
import { timeTask } from '../../src/compliance/task-timing.js';
import { DEFAULT_CALENDAR, WorkingCalendar } from '../../src/compliance/working-calendar.js';
import type { Store, TaskRecord } from '../../src/store/ports.js';

/** Counts the turns other work gets while `run` goes on (a setImmediate chain, as a waiting request would). */
async function turnsDuring<T>(run: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let going = true;
  const tick = () => {
    if (!going) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await run();
  going = false;
  return { result, turns };
}

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('Given 40 open tasks whose timing takes about 1 ms each', () => {
  const tasks = Array.from({ length: 40 }, (_, i) => ({
    id: `t${i}`, caseId: `c${i}`, status: 'open', createdAt: new Date(Date.UTC(2026, 10, 2, 1, i)).toISOString(), completedAt: null,
    timeStandard: 'PT30M', dueAt: new Date(Date.UTC(2026, 10, 2, 2, i)).toISOString(),
  })) as unknown as TaskRecord[];
  const clock: TimeClock = { basis: 'calendar', elapsedMs: (a, b) => (busy(1), Math.max(0, b - a)), dueAt: (a, ms) => a + ms } as TimeClock;
  const store = { listOpenReportTasks: async () => tasks.map((task) => ({ task, definitionId: 'd1', takenAt: null })) } as unknown as Store;
  const settings = { clock: async () => clock } as unknown as ComplianceSettings;
  const now = new Date(Date.UTC(2026, 10, 3));
  const query = { processKey: 'p', from: new Date(Date.UTC(2026, 9, 1)), to: new Date(Date.UTC(2026, 11, 1)) };

  test('when a report times them, then other work gets turns meanwhile and the timings are those of each task', async () => {
    const { result, turns } = await turnsDuring(() => openTimings(store, settings, new WorkingCalendar(DEFAULT_CALENDAR), query, now));
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(result.open).toEqual(tasks.map((t) => timeTask(t, clock, null, now)));
    expect(result.openTruncated).toBe(false);
  });
});

describe('Given a CSV part of 5,000 rows', () => {
  const table: Table = {
    header: ['Nama', 'Nilai'],
    rows: Array.from({ length: 5000 }, (_, i) => [i % 7 === 0 ? `=SUM(A${i})` : `Pemohon ${i}, "kutip"`, i % 3 ? -i / 4 : null]),
  };

  test('when it is encoded, then other work gets turns meanwhile and the text is exactly the whole table\'s', async () => {
    const { result, turns } = await turnsDuring(async () => {
      const pieces: string[] = [];
      for await (const piece of csvChunks(table.header, [table.rows])) pieces.push(piece);
      return pieces.join('');
    });
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(result).toBe(toCsv(table));
  });
});
