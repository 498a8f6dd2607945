// report_days: per process, UTC day and series the counts and the SORTED durations of the facts
// recorded that day, so a report reads one row per series and day instead of every task.
// Series: 'step:<elementId>' (every completed task), 'staff:<userId>' (non-applicant tasks, by who
// completed them), 'case' (ended cases: e = total, w = agency, h = applicant time).
import { APPLICANT_GROUP, type CaseFacts, type TaskFacts } from '../ports.js';
import type { Database } from './database.js';

/** The UTC date of an ISO instant (the stored times are ISO-8601 in UTC: '…Z'). */
export const dayOf = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

export interface StepMeta {
  name: string;
  stepNo: number | null;
  groupId: string;
  standardMs: number;
}

/** What one series gains on one day. */
export interface DayDelta {
  n: number;
  within: number;
  returns: number;
  sumW: number;
  sumH: number;
  /** completions by the case's returns up to them (0, 1, 2, 3+), and their sum */
  r: [number, number, number, number];
  rSum: number;
  e: number[];
  w: number[];
  h: number[];
  reasons: Record<string, number>;
  meta: StepMeta | null;
}

export type Run = Int32Array | Float64Array;
const INT32 = 4;
const FLOAT64 = 8;

// NOTE: a run is stored as one format byte (4: int32, 8: float64) and its values in the platform's
// byte order (little-endian wherever Alur runs): int32 while every value fits (up to 24.8 days),
// half the bytes a report reads. Decoding copies, so the array is aligned whatever the blob's offset.
export function decodeRun(blob: Uint8Array): Run {
  if (blob.byteLength === 0) return new Int32Array(0);
  const format = blob[0];
  const out = format === INT32 ? new Int32Array((blob.byteLength - 1) / 4) : format === FLOAT64 ? new Float64Array((blob.byteLength - 1) / 8) : null;
  if (!out) throw new Error(`report_days: unknown run format ${format}`);
  new Uint8Array(out.buffer).set(blob.subarray(1));
  return out;
}

function encodeRun(run: Run): Buffer {
  const fits = run.length === 0 || (run[0]! >= -0x80000000 && run[run.length - 1]! <= 0x7fffffff);
  const values = fits ? Int32Array.from(run) : Float64Array.from(run);
  const out = Buffer.alloc(1 + values.byteLength);
  out[0] = fits ? INT32 : FLOAT64;
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 1);
  return out;
}

/** Two ascending runs merged into one. */
function merge(a: Run, b: number[]): Run {
  if (b.length === 0) return a;
  const add = Float64Array.from(b).sort();
  const out = new Float64Array(a.length + add.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < add.length) out[k++] = a[i]! <= add[j]! ? a[i++]! : add[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < add.length) out[k++] = add[j++]!;
  return out;
}

const emptyDelta = (): DayDelta => ({ n: 0, within: 0, returns: 0, sumW: 0, sumH: 0, r: [0, 0, 0, 0], rSum: 0, e: [], w: [], h: [], reasons: {}, meta: null });

/** The bucket of a number of returns: 0, 1, 2, 3 or more. */
export const returnsBucket = (n: number): number => Math.min(3, n);

/** Collects what a batch of new facts adds, per (processKey, day, series). */
export class DayDeltas {
  readonly byKey = new Map<string, { processKey: string; day: string; series: string; delta: DayDelta }>();

  private of(processKey: string, day: string, series: string): DayDelta {
    const key = JSON.stringify([processKey, day, series]);
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { processKey, day, series, delta: emptyDelta() }));
    return entry.delta;
  }

  addTask(f: TaskFacts): void {
    const day = dayOf(f.completedAt);
    const series = [`step:${f.elementId}`, ...(f.groupId !== APPLICANT_GROUP && f.completedBy ? [`staff:${f.completedBy}`] : [])];
    for (const s of series) {
      const d = this.of(f.processKey, day, s);
      d.n += 1;
      d.within += f.met ? 1 : 0;
      d.e.push(f.elapsedMs);
      if (f.waitMs !== null) d.w.push(f.waitMs);
      if (f.handlingMs !== null) d.h.push(f.handlingMs);
      if (s.startsWith('step:')) {
        d.meta ??= { name: f.name, stepNo: f.stepNo, groupId: f.groupId, standardMs: f.standardMs };
        d.r[returnsBucket(f.caseReturns)] += 1;
        d.rSum += f.caseReturns;
        if (f.returnReasons) {
          d.returns += 1;
          for (const r of f.returnReasons) d.reasons[r] = (d.reasons[r] ?? 0) + 1;
        }
      }
    }
  }

  addCase(c: CaseFacts): void {
    const d = this.of(c.processKey, dayOf(c.endedAt), 'case');
    d.n += 1;
    d.within += c.met ? 1 : 0;
    d.sumW += c.agencyMs;
    d.sumH += c.applicantMs;
    d.e.push(c.totalMs);
    d.w.push(c.agencyMs);
    d.h.push(c.applicantMs);
  }
}

type DayRow = {
  id: number; n: number; within: number; returns: number; sumW: number; sumH: number; r0: number; r1: number; r2: number; r3: number; rSum: number;
  e: Buffer; w: Buffer; h: Buffer; reasons: string; meta: string;
};

export function prepareDays(db: Database) {
  const st = {
    get: db.prepare<[string, string, string], DayRow>(
      'SELECT rowid AS id, n, within, returns, sumW, sumH, r0, r1, r2, r3, rSum, e, w, h, reasons, meta FROM report_days WHERE processKey = ? AND day = ? AND series = ?',
    ),
    insert: db.prepare(
      'INSERT INTO report_days (processKey, day, series, n, within, returns, sumW, sumH, r0, r1, r2, r3, rSum, e, w, h, reasons, meta, rev) ' +
        'VALUES (@processKey, @day, @series, @n, @within, @returns, @sumW, @sumH, @r0, @r1, @r2, @r3, @rSum, @e, @w, @h, @reasons, @meta, @stamp)',
    ),
    update: db.prepare(
      'UPDATE report_days SET n = @n, within = @within, returns = @returns, sumW = @sumW, sumH = @sumH, r0 = @r0, r1 = @r1, r2 = @r2, r3 = @r3, rSum = @rSum, ' +
        'e = @e, w = @w, h = @h, reasons = @reasons, rev = max(rev + 1, @stamp) WHERE rowid = @id',
    ),
  };

  let tick = 0;
  /** Adds the deltas to their rows (call inside a write transaction). */
  return function applyDeltas(deltas: DayDeltas): void {
    // NOTE: a row's rev only grows, and a row made again (a rebuilt table) never takes an old rev
    const stamp = Date.now() * 1000 + (tick = (tick + 1) % 1000);
    for (const { processKey, day, series, delta: d } of deltas.byKey.values()) {
      const row = st.get.get(processKey, day, series);
      const reasons: Record<string, number> = row ? (JSON.parse(row.reasons) as Record<string, number>) : {};
      for (const [r, n] of Object.entries(d.reasons)) reasons[r] = (reasons[r] ?? 0) + n;
      const old = (blob: Buffer | undefined): Run => (blob ? decodeRun(blob) : new Float64Array(0));
      const values = {
        n: (row?.n ?? 0) + d.n, within: (row?.within ?? 0) + d.within, returns: (row?.returns ?? 0) + d.returns,
        sumW: (row?.sumW ?? 0) + d.sumW, sumH: (row?.sumH ?? 0) + d.sumH,
        r0: (row?.r0 ?? 0) + d.r[0], r1: (row?.r1 ?? 0) + d.r[1], r2: (row?.r2 ?? 0) + d.r[2], r3: (row?.r3 ?? 0) + d.r[3], rSum: (row?.rSum ?? 0) + d.rSum,
        e: encodeRun(merge(old(row?.e), d.e)), w: encodeRun(merge(old(row?.w), d.w)), h: encodeRun(merge(old(row?.h), d.h)),
        reasons: JSON.stringify(reasons),
      };
      if (row) st.update.run({ ...values, id: row.id, stamp });
      else st.insert.run({ ...values, processKey, day, series, meta: JSON.stringify(d.meta ?? {}), stamp });
    }
  };
}
