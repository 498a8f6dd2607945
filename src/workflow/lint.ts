// bpmnlint with its recommended rules, on the same moddle packages as ours (camunda + alur).
// NOTE: bpmnlint@11 is CommonJS and requires the ESM-only min-dash. Node (>= 20.19) loads that
// with its own require(esm), but Jest's module registry cannot (it wraps createRequire and
// process.getBuiltinModule too), so bpmnlint runs in a worker thread: plain Node, any host. One
// worker, created on first use and unref'd, serves every lint; a new Linter per run, because
// rules such as no-duplicate-sequence-flows keep state in the instance. Each problem's `code` is
// its rule's name, worded for the owner by src/web/locales/problems.ts (LINT_RULES: the rules used).
import { createRequire } from 'node:module';
import { moddleOptions } from './moddle.js';
import type { DefinitionProblem } from './sop-types.js';
import { WorkerChannel } from './worker-channel.js';

const resolve = createRequire(import.meta.url).resolve;
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Linter } = require(workerData.paths.bpmnlint);
const NodeResolver = require(workerData.paths.resolver);
const { BpmnModdle } = require(workerData.paths.moddle);
const resolver = new NodeResolver({ require: require('node:module').createRequire(workerData.paths.bpmnlint) });
parentPort.on('message', async ({ id, xml }) => {
  try {
    const { rootElement } = await new BpmnModdle(workerData.packages).fromXML(xml);
    const results = await new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver }).lint(rootElement);
    const problems = Object.entries(results).flatMap(([rule, reports]) => reports
      .filter((r) => ['error', 'warn', 'rule-error'].includes(r.category))
      .map((r) => ({
        elementId: r.id || null, message: r.message, severity: r.category === 'warn' ? 'warning' : 'error', rule,
        // the message key is the rule's name (a rule that failed: 'lint-failed', with its words)
        code: r.category === 'rule-error' ? 'lint-failed' : rule, args: r.category === 'rule-error' ? { rule, detail: String(r.message) } : {},
      })));
    // NOTE: bounded, so the main thread's share (receiving and wording them) stays small for any file:
    // errors first, the rest counted in one summary problem
    const kept = problems.filter((p) => p.severity === 'error').concat(problems.filter((p) => p.severity !== 'error')).slice(0, workerData.maxProblems);
    if (problems.length > kept.length) {
      const more = problems.length - kept.length;
      kept.push({ elementId: null, severity: 'warning', rule: 'alur', code: 'lint-truncated', args: { count: String(more) }, message: more + ' more bpmnlint problems are not listed' });
    }
    parentPort.postMessage({ id, result: kept });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});`;

/** bpmnlint problems listed for one file (the rest are counted in one 'lint-truncated' warning). */
export const MAX_LINT_PROBLEMS = 300;

/** A lint that takes longer than this is abandoned (its worker is replaced); files are at most MAX_DEFINITION_ELEMENTS. */
const LINT_TIMEOUT_MS = 30_000;

const channel = new WorkerChannel<{ xml: string }, DefinitionProblem[]>('bpmnlint', () => ({
  source: WORKER,
  options: {
    workerData: { maxProblems: MAX_LINT_PROBLEMS, paths: { bpmnlint: resolve('bpmnlint'), resolver: resolve('bpmnlint/lib/resolver/node-resolver.js'), moddle: resolve('bpmn-moddle') }, packages: moddleOptions },
  },
}), LINT_TIMEOUT_MS);

/** The rules of bpmnlint:recommended (bpmnlint 11), each with a text in src/web/locales/problems.ts. */
export const LINT_RULES = [
  'ad-hoc-sub-process', 'conditional-flows', 'end-event-required', 'event-based-gateway', 'event-sub-process-typed-start-event',
  'fake-join', 'global', 'label-required', 'link-event', 'no-bpmndi', 'no-complex-gateway', 'no-disconnected',
  'no-duplicate-sequence-flows', 'no-gateway-join-fork', 'no-implicit-split', 'no-implicit-end', 'no-implicit-start',
  'no-inclusive-gateway', 'no-overlapping-elements', 'single-blank-start-event', 'single-event-definition',
  'start-event-required', 'sub-process-blank-start-event', 'superfluous-gateway', 'superfluous-label', 'superfluous-termination',
] as const;

/** bpmnlint's recommended rules on `xml` (already accepted by our parser). */
export function lintProblems(xml: string): Promise<DefinitionProblem[]> {
  return channel.request({ xml });
}
