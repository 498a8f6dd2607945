// The benchmarks `npm run bench -- <name>` can select, in the order a full run executes them.
export const BENCH_NAMES = ['state', 'completion', 'inbox', 'memory', 'storage', 'reports', 'start', 'workers', 'import'] as const;
export type BenchName = (typeof BENCH_NAMES)[number];

export const BENCH_TITLES: Record<BenchName, string> = {
  state: 'Stored engine state per case (≤ 6144 B)',
  completion: 'Task completion over HTTP vs bare engine (≥ 0.6×)',
  inbox: 'Admin inbox pages on 100k cases / 20k open tasks (p95 ≤ 30 ms)',
  memory: 'Memory over 10,000 cases (RSS < 300 MB; heap used slope ≤ 2 MB per 1,000 cases)',
  storage: 'SQLite bytes per case after seed:demo and retention (≤ 12 KB)',
  reports: 'Compliance reports on 100k cases over 12 months (p95 ≤ 300 ms, nothing blocked > 50 ms)',
  start: 'npm start on a built checkout → first /healthz 200 (≤ 2 s)',
  workers: 'Task completions/s with ALUR_WORKERS=1 and 2, 16 clients in another process (2 vs 1 ≥ 1.0×; CPU per completion)',
  import: 'SOP document import per sample PDF in the import worker (16 samples; median and max ≤ 1 s)',
};

export const isBenchName = (s: string): s is BenchName => (BENCH_NAMES as readonly string[]).includes(s);
