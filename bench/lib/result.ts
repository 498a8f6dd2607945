// What every benchmark hands back to bench/run.ts: targets with PASS/FAIL, plus details for the JSON.

export interface TargetResult {
  id: string;
  /** e.g. "HTTP task completion rate / bare engine rate" */
  metric: string;
  value: number;
  comparison: '>=' | '<=' | '<';
  threshold: number;
  unit: string;
  pass: boolean;
  /** false: reported only (e.g. a statistic meaningless at --quick sizes); never fails the run */
  judged?: boolean;
}

export interface BenchOutcome {
  bench: string;
  seconds: number;
  targets: TargetResult[];
  details: Record<string, unknown>;
}

export function target(id: string, metric: string, value: number, comparison: TargetResult['comparison'], threshold: number, unit = ''): TargetResult {
  const pass =
    Number.isFinite(value) &&
    (comparison === '>=' ? value >= threshold : comparison === '<=' ? value <= threshold : value < threshold);
  return { id, metric, value, comparison, threshold, unit, pass };
}

export interface BenchOptions {
  quick: boolean;
}
