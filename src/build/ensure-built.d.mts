// Types of ensure-built.mjs (plain JavaScript, it runs before anything is compiled).
export declare const BUILD_INPUTS: string[];
export declare const BUILD_OUTPUTS: string[];
export declare const STAMP: string;
export declare const TS_BUILD_INFO: string;
export interface BuildStatus {
  upToDate: boolean;
  files: Record<string, string>;
  reason: string;
}
export declare function inputHashes(root: string): Record<string, string>;
export declare function buildStatus(root: string): BuildStatus;
export declare function ensureBuilt(opts: { root: string; build: () => void; log?: (line: string) => void }): { built: boolean; reason: string };
export declare function npmBuild(root: string): void;
