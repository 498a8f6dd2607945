// Wires the compliance feature: settings (calendar, per-version time basis and escalation), the
// timing planner CaseService uses, the timer handlers the scheduler runs, and the reports.
import type { DefinitionService } from '../definitions/definition-service.js';
import type { CaseNotifications } from '../notifications/case-notifications.js';
import type { Links } from '../notifications/messages.js';
import type { Store } from '../store/ports.js';
import { bpmnTimerHandler } from '../scheduler/bpmn-timer-handler.js';
import { BPMN_KIND, SLA_KIND } from '../scheduler/timer-ids.js';
import type { TimerHandler } from '../scheduler/timer-scheduler.js';
import { CaseTiming } from './case-timing.js';
import { ComplianceSettings } from './compliance-settings.js';
import { ReportFacts } from './report-facts.js';
import { ReportService } from './report-service.js';
import type { ReturnsCatalogue } from './returns-report.js';
import { slaHandler } from './sla-handler.js';

export interface ComplianceServices {
  settings: ComplianceSettings;
  timing: CaseTiming;
  reports: ReportService;
  /** The report facts of case changes, and the catch-up of the store's backlog (report-facts.ts). */
  facts: ReportFacts;
  /** What the TimerScheduler runs, by timer kind. */
  timerHandlers: Record<string, TimerHandler>;
}

export interface ComplianceDeps {
  store: Store;
  definitions: DefinitionService;
  links: Links;
  now: () => Date;
  notifications?: CaseNotifications;
  /** The packs' return reasons and the forms that return with them (the returns report). */
  returns?: ReturnsCatalogue;
}

export function createComplianceServices(deps: ComplianceDeps): ComplianceServices {
  const settings = new ComplianceSettings(deps.store, deps.now);
  const facts = new ReportFacts({ store: deps.store, definitions: deps.definitions, settings });
  const timing = new CaseTiming(settings, deps.now, facts);
  return {
    settings,
    timing,
    facts,
    reports: new ReportService({ store: deps.store, definitions: deps.definitions, settings, now: deps.now, returns: deps.returns, facts }),
    timerHandlers: {
      [SLA_KIND]: slaHandler({ store: deps.store, settings, links: deps.links }),
      [BPMN_KIND]: bpmnTimerHandler({ store: deps.store, definitions: deps.definitions, timing, notifications: deps.notifications }),
    },
  };
}
