// Shapes a ComplianceReport for views/reports/index.hbs: formatted numbers and the server-drawn
// charts (templates hold no logic). Labels go through the catalogue, so the page follows the language.
import { translate, type Lang } from '../web/i18n.js';
import { minutesText, percentText } from './report-format.js';
import { CSV_PART_ROWS, type ComplianceReport } from './report-service.js';
import type { Period } from './period.js';
import { barChart, lineChart } from './svg-charts.js';

const stepLabel = (s: { stepNo: number | null; name: string }) => (s.stepNo ? `${s.stepNo}. ${s.name}` : s.name);
/** Overdue tasks the page lists, the most late first (the CSV lists every one). */
export const OVERDUE_ON_PAGE = 100;
/** The numbers of an export's parts after the first (?halaman=2, 3, …). */
const laterParts = (rows: number): number[] => Array.from({ length: Math.max(0, Math.ceil(rows / CSV_PART_ROWS) - 1) }, (_, i) => i + 2);

export function reportPageModel(r: ComplianceReport, period: Period, lang: Lang) {
  const t = (key: string) => translate(lang, key);
  const m = (ms: number | null | undefined) => minutesText(ms, lang);
  const query = `dari=${period.dari}&sampai=${period.sampai}`;
  const threshold = { value: r.goodShare, label: `${Math.round(r.goodShare * 100)}%` };
  return {
    title: 'report.title',
    r, period, query,
    steps: r.steps.map((s) => ({
      ...s, label: stepLabel(s), group: s.groupName, standard: m(s.standardMs), median: m(s.medianMs), p90: m(s.p90Ms),
      withinPct: percentText(s.withinShare), wait: m(s.waitMedianMs), handling: m(s.handlingMedianMs), levelKey: `report.level.${s.level}`,
    })),
    stepChart: barChart(t('report.steps.chart'), r.steps.map((s) => ({
      label: stepLabel(s), value: s.withinShare, level: s.level, text: s.count ? `${percentText(s.withinShare)} (${s.count} ${t('report.chart.times')})` : '—',
    })), threshold),
    admins: r.admins.map((a) => ({ ...a, median: m(a.medianMs), p90: m(a.p90Ms), withinPct: percentText(a.withinShare), wait: m(a.waitMedianMs), handling: m(a.handlingMedianMs) })),
    months: r.months.map((x) => ({ ...x, withinPct: percentText(x.withinShare), endToEnd: m(x.endToEndMedianMs) })),
    monthNames: r.months.map((x) => x.month),
    trendChart: lineChart(t('report.trend.chart'), r.months.map((x) => x.month), [
      { name: t('report.trend.all'), values: r.months.map((x) => x.withinShare) },
      ...r.trend.map((s) => ({ name: stepLabel(s), values: s.shares })),
    ], r.goodShare),
    trend: r.trend.map((s) => ({ label: stepLabel(s), shares: s.shares.map(percentText) })),
    returns: {
      ...r.returns,
      ratePct: percentText(r.returns.rate),
      perCase: r.returns.returnsPerCase === null ? '—' : r.returns.returnsPerCase.toFixed(2).replace('.', lang === 'id' ? ',' : '.'),
      stepLabels: r.returns.steps.map(stepLabel).join(', '),
      reasons: r.returns.reasons.map((x) => ({ ...x, sharePct: percentText(x.share) })),
    },
    reasonChart: r.returns.reasons.length
      ? barChart(t('report.returns.chart'), r.returns.reasons.map((x) => ({ label: x.label, value: x.count / (r.returns.reasons[0]?.count ?? 1), text: String(x.count), level: 'warn' as const })))
      : '',
    endToEnd: {
      ...r.endToEnd, median: m(r.endToEnd.medianMs), p90: m(r.endToEnd.p90Ms), standard: m(r.endToEnd.standardMs), withinPct: percentText(r.endToEnd.withinShare),
      agency: m(r.endToEnd.agencyMedianMs), applicant: m(r.endToEnd.applicantMedianMs),
      agencyPct: percentText(r.endToEnd.agencyTotalMs + r.endToEnd.applicantTotalMs > 0 ? r.endToEnd.agencyTotalMs / (r.endToEnd.agencyTotalMs + r.endToEnd.applicantTotalMs) : null),
    },
    overdue: r.overdue.slice(0, OVERDUE_ON_PAGE).map((o) => ({ ...o, label: stepLabel({ stepNo: o.stepNo, name: o.step }), group: o.groupName, late: m(o.lateMs) })),
    overdueHidden: Math.max(0, r.overdue.length - OVERDUE_ON_PAGE),
    taskParts: laterParts(r.open.length + r.steps.reduce((n, s) => n + s.count, 0)),
    caseParts: laterParts(r.endToEnd.count),
  };
}
