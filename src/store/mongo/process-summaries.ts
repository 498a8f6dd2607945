// The process catalogue for the MongoDB store: every process key with a deployed version or a studio
// draft, its latest version (without the XML), and per process one aggregation that counts its
// running cases ({status, processKey} index) and their overdue open tasks ({caseId, status, dueAt}).
import type { DefinitionRecord, ProcessSummary, Store } from '../ports.js';
import type { Models } from './models.js';

type Latest = Omit<DefinitionRecord, 'xml'>;

async function countsOf(m: Models, processKey: string, now: string): Promise<{ running: number; overdue: number }> {
  const [row] = await m.Case.aggregate<{ running: number; overdue: number }>([
    { $match: { status: 'running', processKey } },
    { $project: { _id: 1 } },
    {
      $lookup: {
        from: m.Task.collection.name, localField: '_id', foreignField: 'caseId', as: 'late',
        pipeline: [{ $match: { status: 'open', dueAt: { $lt: now } } }, { $project: { _id: 1 } }],
      },
    },
    { $group: { _id: null, running: { $sum: 1 }, overdue: { $sum: { $size: '$late' } } } },
  ]);
  return { running: row?.running ?? 0, overdue: row?.overdue ?? 0 };
}

/** The highest version per key, read from the {processKey, version} index in reverse (a distinct scan). */
async function deployedKeys(m: Models, limit: number): Promise<string[]> {
  const rows = await m.Definition.aggregate<{ _id: string }>([
    { $sort: { processKey: -1, version: -1 } },
    { $group: { _id: '$processKey' } },
    { $sort: { _id: 1 } },
    { $limit: limit },
  ]);
  return rows.map((r) => r._id);
}

async function latestOf(m: Models, processKey: string): Promise<Latest | null> {
  const doc = await m.Definition.findOne({ processKey }, { xml: 0 }).sort({ version: -1 }).lean();
  return doc
    ? { id: doc._id, processKey: doc.processKey, version: doc.version, name: doc.name, createdAt: doc.createdAt, createdBy: doc.createdBy ?? null, comment: doc.comment }
    : null;
}

export function createProcessSummaries(m: Models): Pick<Store, 'listProcessSummaries' | 'listLatestDefinitions'> {
  return {
    async listLatestDefinitions(limit = 200) {
      const latest = await Promise.all((await deployedKeys(m, limit)).map((key) => latestOf(m, key)));
      return latest.filter((d): d is Latest => d !== null);
    },
    async listProcessSummaries(now, limit = 200) {
      const deployed = await deployedKeys(m, limit);
      const drafts = await m.ProcessDraft.find({}, { processKey: 1, savedAt: 1 }).sort({ processKey: 1 }).limit(limit).lean();
      const savedAt = new Map(drafts.map((d) => [d.processKey, d.savedAt]));
      const keys = [...new Set([...deployed, ...savedAt.keys()])].sort().slice(0, limit);
      const summaries: ProcessSummary[] = [];
      for (const processKey of keys) {
        const latest = await latestOf(m, processKey);
        const { running, overdue } = await countsOf(m, processKey, now);
        summaries.push({ processKey, latest, draftSavedAt: savedAt.get(processKey) ?? null, runningCases: running, overdueTasks: overdue });
      }
      return summaries;
    },
  };
}
