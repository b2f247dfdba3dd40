/**
 * The population path: a pathway compiled once into generated code, then patients evaluated
 * synchronously a batch at a time into columns (`loadBatch`/`PatientBatch`, `evaluateBatch`,
 * `outcomeAt`). `evaluateOutcome` in `engine/evaluate/` is a batch of one.
 */
export { compilePopulation, type PopulationPathway } from './compile';
export { DECLINED, LINE_ERROR, PatientBatch, loadBatch } from './batch';
export { evaluateBatch, type BatchOptions } from './batch-evaluate';
export { BatchResults, NEEDS_INFORMATION, REJECTED, SETTLED, STOP_REASONS } from './batch-results';
export { outcomeAt } from './outcome-view';
