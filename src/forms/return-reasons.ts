// NOTE: transitional re-export for src/compliance/returns-report.ts (pack helper 2 moves it to the
// packs' reasons through its deps); delete this file then. The catalogue lives in the PPBJ pack.
export { RETURN_REASONS } from '../packs/ppbj/forms/return-reasons.js';
