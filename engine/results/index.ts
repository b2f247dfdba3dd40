/**
 * Follow-up of results: the report of a series of cohort runs (fair comparison statistics,
 * suppression of small cells) and its HTML. The results store is store*.ts (its own entry).
 */
export { resultsReport, REGION } from './report';
export * from './stats';
export { textIn } from './texts';
export type * from './types';
