// Compliance settings (working calendar, per-version time settings) and the plain reads the
// reports aggregate, for the MongoDB store. Long id lists are read in chunks and merged in order.
import type { AuditEvent, CaseSummary, ProcessTimeSettings, Store, TaskRecord, WorkingCalendarRecord } from '../ports.js';
import { fromDoc } from './mapping.js';
import { compareSeq } from './sequences.js';
import type { Models } from './models.js';
import { CALENDAR_ID } from './timer-schemas.js';

type Compliance = Pick<
  Store,
  'getWorkingCalendar' | 'saveWorkingCalendar' | 'getProcessTimeSettings' | 'saveProcessTimeSettings' | 'listCaseSummaries' | 'listTasksOfCases' | 'listAuditOfCases'
>;

const CHUNK = 1000;
const chunks = <T>(list: T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
type Lean = Record<string, unknown> & { _id: string };

export function createCompliance(m: Models): Compliance {
  return {
    async getWorkingCalendar() {
      const doc = await m.WorkingCalendar.findById(CALENDAR_ID).lean();
      if (!doc) return null;
      const { _id, ...cal } = doc;
      return {
        ...cal,
        hours: cal.hours.map(({ day, start, end }) => ({ day, start, end })),
        holidays: cal.holidays.map(({ date, name }) => ({ date, name })),
      } satisfies WorkingCalendarRecord;
    },
    async saveWorkingCalendar(cal) {
      await m.WorkingCalendar.replaceOne({ _id: CALENDAR_ID }, { ...cal, _id: CALENDAR_ID }, { upsert: true, runValidators: true });
    },
    async getProcessTimeSettings(definitionId) {
      const doc = await m.ProcessTimeSettings.findById(definitionId).lean();
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { definitionId: _id, ...rest } satisfies ProcessTimeSettings;
    },
    async saveProcessTimeSettings({ definitionId, ...rest }) {
      await m.ProcessTimeSettings.replaceOne({ _id: definitionId }, { ...rest, _id: definitionId }, { upsert: true, runValidators: true });
    },
    async listCaseSummaries(q) {
      const docs = await m.Case.find({
        ...(q.processKey !== undefined && { processKey: q.processKey }),
        createdAt: { $lt: q.createdBefore },
        $or: [{ updatedAt: { $gte: q.activeFrom } }, { status: 'running' }],
      })
        .select({ engineState: 0, data: 0 })
        .sort({ createdAt: 1, seq: 1 })
        .lean();
      return docs.map((d) => fromDoc<CaseSummary>(d as unknown as Lean));
    },
    async listTasksOfCases(caseIds) {
      const docs: Lean[] = [];
      for (const ids of chunks(caseIds)) docs.push(...((await m.Task.find({ caseId: { $in: ids } }).lean()) as unknown as Lean[]));
      const tasks = docs.map((d) => fromDoc<TaskRecord>(d));
      return tasks.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async listAuditOfCases(caseIds, types) {
      if (!types.length) return [];
      const docs: Array<Lean & { seq: unknown; at: string; caseId: string }> = [];
      for (const ids of chunks(caseIds)) {
        docs.push(...((await m.Audit.find({ caseId: { $in: ids }, type: { $in: types } }).lean()) as unknown as typeof docs));
      }
      // by time; within one case in insertion order (its numbering, sequences.ts); cases by id
      const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
      return docs.sort((a, b) => cmp(a.at, b.at) || cmp(a.caseId, b.caseId) || compareSeq(a.seq, b.seq)).map((d) => fromDoc<AuditEvent>(d));
    },
  };
}
