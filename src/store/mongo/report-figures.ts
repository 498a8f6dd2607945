// reportFigures for the MongoDB store: the aggregation pipeline computes every figure of a period on
// the server ($group, $sortArray, the median and the nearest-rank P90 by position), from the facts.
import type { PipelineStage } from 'mongoose';
import { APPLICANT_GROUP, MAX_REPORT_REASONS, type FigureSummary, type ReportFigures, type ReportFiguresQuery } from '../ports.js';
import type { Models } from './models.js';

type Expr = Record<string, unknown> | string | number | null;
const iso = (at: string): string => new Date(at).toISOString();

/** The array at `path` without nulls, ascending. */
const sorted = (path: string): Expr => ({ $sortArray: { input: { $filter: { input: path, as: 'x', cond: { $ne: ['$$x', null] } } }, sortBy: 1 } });
/** Median of a sorted array: the middle value, or the mean of the two middle ones (stats.ts). */
const median = (path: string): Expr => ({
  $let: {
    vars: { a: path, n: { $size: path } },
    in: {
      $switch: {
        branches: [
          { case: { $eq: ['$$n', 0] }, then: null },
          { case: { $eq: [{ $mod: ['$$n', 2] }, 1] }, then: { $arrayElemAt: ['$$a', { $toInt: { $floor: { $divide: ['$$n', 2] } } }] } },
        ],
        default: { $divide: [{ $add: [{ $arrayElemAt: ['$$a', { $toInt: { $subtract: [{ $divide: ['$$n', 2] }, 1] } }] }, { $arrayElemAt: ['$$a', { $toInt: { $divide: ['$$n', 2] } }] }] }, 2] },
      },
    },
  },
});
/** Nearest-rank P90 of a sorted array: index ceil(0.9 n) - 1, the double arithmetic of stats.ts. */
const p90 = (path: string): Expr => ({
  $cond: [{ $eq: [{ $size: path }, 0] }, null, { $arrayElemAt: [path, { $toInt: { $max: [0, { $subtract: [{ $ceil: { $multiply: [0.9, { $size: path }] } }, 1] }] } }] }],
});
const count = { $sum: 1 };
const within = { $sum: { $cond: ['$met', 1, 0] } };
const sortRuns: PipelineStage.Set = { $set: { e: sorted('$e'), w: sorted('$w'), h: sorted('$h') } };
const durations = { e: { $push: '$elapsedMs' }, w: { $push: '$waitMs' }, h: { $push: '$handlingMs' } };
const summary = { count: 1, within: 1, medianMs: median('$e'), p90Ms: p90('$e') };

/** The month key of the instant at `path` ($switch over the query's months). */
function monthOf(q: ReportFiguresQuery, path: string): Expr {
  if (q.months.length === 0) return null;
  return {
    $switch: {
      branches: q.months.map((m) => ({ case: { $and: [{ $gte: [path, iso(m.from)] }, { $lt: [path, iso(m.to)] }] }, then: m.key })),
      default: null,
    },
  };
}

const byId = <T extends { _id: unknown }>(a: T, b: T) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0);
const pick = (s: FigureSummary): FigureSummary => ({ count: s.count, within: s.within, medianMs: s.medianMs ?? null, p90Ms: s.p90Ms ?? null });

type StepDoc = FigureSummary & { _id: string; meta: [string, number | null, string, number]; waitMedianMs: number | null; handlingMedianMs: number | null; returns: number };
type StaffDoc = FigureSummary & { _id: string; waitMedianMs: number | null; handlingMedianMs: number | null };
type MonthDoc = FigureSummary & { _id: string | null };
type TaskFacets = { steps: StepDoc[]; staff: StaffDoc[]; months: MonthDoc[]; monthSteps: Array<{ _id: { month: string | null; elementId: string }; count: number; within: number }>; reasons: Array<{ _id: string; count: number }> };
type CaseFacets = { all: Array<ReportFigures['cases']>; months: Array<{ _id: string | null; count: number; endToEndMedianMs: number | null }> };

export async function reportFigures(m: Models, q: ReportFiguresQuery): Promise<ReportFigures> {
  const [from, to] = [iso(q.from), iso(q.to)];
  if (!(to > from)) throw new RangeError(`report period must end after it starts: ${q.from} – ${q.to}`);
  const [tasks] = await m.TaskFact.aggregate<TaskFacets>([
    { $match: { processKey: q.processKey, completedAt: { $gte: from, $lt: to } } },
    { $set: { month: monthOf(q, '$completedAt') } },
    {
      $facet: {
        steps: [
          {
            $group: {
              _id: '$elementId', count, within, ...durations,
              meta: { $top: { sortBy: { completedAt: 1, _id: 1 }, output: ['$name', '$stepNo', '$groupId', '$standardMs'] } },
              returns: { $sum: { $cond: [{ $eq: [{ $type: '$returnReasons' }, 'array'] }, 1, 0] } },
            },
          },
          sortRuns,
          { $project: { ...summary, meta: 1, returns: 1, waitMedianMs: median('$w'), handlingMedianMs: median('$h') } },
        ],
        staff: [
          { $match: { groupId: { $ne: APPLICANT_GROUP }, completedBy: { $ne: null } } },
          { $group: { _id: '$completedBy', count, within, ...durations } },
          sortRuns,
          { $project: { ...summary, waitMedianMs: median('$w'), handlingMedianMs: median('$h') } },
        ],
        months: [{ $group: { _id: '$month', count, within, e: { $push: '$elapsedMs' } } }, { $set: { e: sorted('$e') } }, { $project: summary }],
        monthSteps: [{ $group: { _id: { month: '$month', elementId: '$elementId' }, count, within } }],
        reasons: [
          { $match: { returnReasons: { $type: 'array' } } },
          { $unwind: '$returnReasons' },
          { $group: { _id: '$returnReasons', count } },
          { $sort: { count: -1, _id: 1 } },
          { $limit: MAX_REPORT_REASONS },
        ],
      },
    },
  ]).allowDiskUse(true);
  const [cases] = await m.CaseFact.aggregate<CaseFacets>([
    { $match: { processKey: q.processKey, endedAt: { $gte: from, $lt: to } } },
    {
      $facet: {
        all: [
          {
            $group: {
              _id: null, count, within, agencyTotalMs: { $sum: '$agencyMs' }, applicantTotalMs: { $sum: '$applicantMs' },
              e: { $push: '$totalMs' }, w: { $push: '$agencyMs' }, h: { $push: '$applicantMs' },
            },
          },
          sortRuns,
          { $project: { _id: 0, ...summary, agencyTotalMs: 1, applicantTotalMs: 1, agencyMedianMs: median('$w'), applicantMedianMs: median('$h') } },
        ],
        months: [
          { $group: { _id: monthOf(q, '$endedAt'), count, e: { $push: '$totalMs' } } },
          { $set: { e: sorted('$e') } },
          { $project: { count: 1, endToEndMedianMs: median('$e') } },
        ],
      },
    },
  ]).allowDiskUse(true);
  const started = await m.Case.aggregate<{ _id: string | null; n: number }>([
    { $match: { processKey: q.processKey, createdAt: { $gte: from, $lt: to } } },
    { $group: { _id: monthOf(q, '$createdAt'), n: count } },
  ]);

  const steps = (tasks?.steps ?? []).sort(byId).map((s) => ({
    elementId: s._id, name: s.meta[0], stepNo: s.meta[1] ?? null, groupId: s.meta[2], standardMs: s.meta[3], ...pick(s),
    waitMedianMs: s.waitMedianMs ?? null, handlingMedianMs: s.handlingMedianMs ?? null, returns: s.returns,
  }));
  const returning = steps.filter((s) => s.returns > 0).map((s) => s.elementId);
  const returnSteps = returning.length ? returning : [...q.returnSteps];
  const [dist] = returnSteps.length
    ? await m.TaskFact.aggregate<{ cases: number; total: number; b0: number; b1: number; b2: number; b3: number }>([
      { $match: { processKey: q.processKey, elementId: { $in: returnSteps }, completedAt: { $gte: from, $lt: to } } },
      { $group: { _id: { step: '$elementId', caseId: '$caseId' }, r: { $max: '$caseReturns' } } }, // per step, as SQLite's
      {
        $group: {
          _id: null, cases: count, total: { $sum: '$r' }, b0: { $sum: { $cond: [{ $eq: ['$r', 0] }, 1, 0] } },
          b1: { $sum: { $cond: [{ $eq: ['$r', 1] }, 1, 0] } }, b2: { $sum: { $cond: [{ $eq: ['$r', 2] }, 1, 0] } }, b3: { $sum: { $cond: [{ $gte: ['$r', 3] }, 1, 0] } },
        },
      },
    ]).allowDiskUse(true)
    : [];
  const all = cases?.all[0];
  return {
    steps,
    staff: (tasks?.staff ?? []).sort(byId).map((s) => ({ userId: s._id, ...pick(s), waitMedianMs: s.waitMedianMs ?? null, handlingMedianMs: s.handlingMedianMs ?? null })),
    months: q.months.map((mo) => {
      const t = tasks?.months.find((x) => x._id === mo.key);
      const c = cases?.months.find((x) => x._id === mo.key);
      return {
        key: mo.key, ...(t ? pick(t) : { count: 0, within: 0, medianMs: null, p90Ms: null }),
        casesStarted: started.find((x) => x._id === mo.key)?.n ?? 0, casesEnded: c?.count ?? 0, endToEndMedianMs: c?.endToEndMedianMs ?? null,
        steps: (tasks?.monthSteps ?? []).filter((x) => x._id.month === mo.key).map((x) => ({ elementId: x._id.elementId, count: x.count, within: x.within }))
          .sort((a, b) => (a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0)),
      };
    }),
    cases: all
      ? { ...pick(all), agencyMedianMs: all.agencyMedianMs ?? null, applicantMedianMs: all.applicantMedianMs ?? null, agencyTotalMs: all.agencyTotalMs, applicantTotalMs: all.applicantTotalMs }
      : { count: 0, within: 0, medianMs: null, p90Ms: null, agencyMedianMs: null, applicantMedianMs: null, agencyTotalMs: 0, applicantTotalMs: 0 },
    returns: {
      steps: returnSteps,
      decisions: steps.filter((s) => returnSteps.includes(s.elementId)).reduce((sum, s) => sum + s.count, 0),
      returns: steps.reduce((sum, s) => sum + s.returns, 0),
      cases: dist?.cases ?? 0,
      caseReturns: dist?.total ?? 0,
      distribution: [dist?.b0 ?? 0, dist?.b1 ?? 0, dist?.b2 ?? 0, dist?.b3 ?? 0],
      reasons: (tasks?.reasons ?? []).map((r) => ({ reason: r._id, count: r.count })),
    },
  };
}
