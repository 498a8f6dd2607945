// Shapes one case's timing for views/reports/case.hbs: each task's times against its standard and
// the agency / applicant split.
import type { Lang } from '../web/i18n.js';
import { minutesText, percentText } from './report-format.js';
import type { CaseTimingReport } from './report-service.js';

export function casePageModel(c: CaseTimingReport, lang: Lang) {
  const m = (ms: number | null) => minutesText(ms, lang);
  const held = c.clock.agencyMs + c.clock.applicantMs;
  return {
    title: 'report.case.title',
    c,
    basisKey: `report.basis.${c.timeBasis}`,
    tasks: c.tasks.map((x) => ({
      ...x, label: x.task.stepNo ? `${x.task.stepNo}. ${x.task.name}` : x.task.name, group: x.task.groupId,
      elapsed: m(x.elapsedMs), wait: m(x.waitMs), handling: m(x.handlingMs), standard: m(x.standardMs),
      metKey: x.met === null ? 'report.met.open' : x.met ? 'report.met.yes' : 'report.met.no',
      statusKey: `report.taskStatus.${x.task.status}`,
    })),
    agency: m(c.clock.agencyMs),
    applicant: m(c.clock.applicantMs),
    agencyPct: percentText(held > 0 ? c.clock.agencyMs / held : null),
    applicantPct: percentText(held > 0 ? c.clock.applicantMs / held : null),
    total: m(c.clock.totalMs),
    standard: m(c.standardMs),
    met: c.clock.endedAt ? c.clock.totalMs <= c.standardMs : null,
  };
}
