/**
 * Follow-up of results: the report of a series of cohort runs (fair comparison statistics,
 * suppression of small cells) and its HTML. The results store is store*.ts (its own entry).
 */
export { indicatorTableHtml, type IndicatorTableOptions } from './html/table';
export { resultsHtml, type ResultsHtmlOptions } from './html/page';
export { resultsReport, REGION } from './report';
export * from './stats';
export { RESULTS_WORDS, type ResultsWords } from './words';
export type * from './types';
