// bpmnlint with its recommended rules, on the same moddle packages as ours (camunda + alur).
// NOTE: bpmnlint@11 is CommonJS and requires the ESM-only min-dash. Node (>= 20.19) loads that
// with its own require(esm), but Jest's module registry cannot (it wraps createRequire and
// process.getBuiltinModule too), so bpmnlint runs in a worker thread: plain Node, any host. One
// worker, created on first use and unref'd, serves every lint; a new Linter per run, because
// rules such as no-duplicate-sequence-flows keep state in the instance.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { moddleOptions } from './moddle.js';
import type { DefinitionProblem } from './sop-types.js';

interface LintReply { id: number; problems?: DefinitionProblem[]; error?: string }

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
      .map((r) => ({ elementId: r.id || null, message: r.message, severity: r.category === 'warn' ? 'warning' : 'error', rule })));
    parentPort.postMessage({ id, problems });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});`;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (reply: LintReply) => void>();

function lintWorker(): Worker {
  if (worker) return worker;
  const paths = { bpmnlint: resolve('bpmnlint'), resolver: resolve('bpmnlint/lib/resolver/node-resolver.js'), moddle: resolve('bpmn-moddle') };
  const w = new Worker(WORKER, { eval: true, workerData: { paths, packages: moddleOptions } });
  w.on('message', (reply: LintReply) => {
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
    if (!pending.size) w.unref(); // idle: never keeps the process alive
  });
  const fail = (err: unknown): void => {
    if (worker === w) worker = null;
    for (const [id, done] of pending) done({ id, error: `bpmnlint worker stopped: ${String(err)}` });
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', fail);
  worker = w;
  return w;
}

/** bpmnlint's recommended rules on `xml` (already accepted by our parser). */
export function lintProblems(xml: string): Promise<DefinitionProblem[]> {
  const id = ++nextId;
  return new Promise((resolvePromise, reject) => {
    pending.set(id, (reply) => (reply.error ? reject(new Error(reply.error)) : resolvePromise(reply.problems ?? [])));
    const w = lintWorker();
    w.ref(); // busy: keep the process alive until the reply
    w.postMessage({ id, xml });
  });
}
