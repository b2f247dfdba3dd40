/**
 * The population path: compile a pathway once, then evaluate patients synchronously — one at
 * a time (`evaluateFast`) or a batch at a time into columns (`loadBatch`/`PatientBatch`,
 * `evaluateBatch`, `resultAt`).
 */
export { compilePopulation, type PopulationPathway } from './compile';
export { evaluateFast } from './evaluate';
export { PatientBatch, loadBatch } from './batch';
export { evaluateBatch, type BatchOptions } from './batch-evaluate';
export { BatchResults, NEEDS_INFORMATION, REJECTED, SETTLED, STOP_REASONS } from './batch-results';
export { resultAt } from './result-view';
export type { FastFollowUp, FastOptions, FastResult } from './result';
