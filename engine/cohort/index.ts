/** Cohort runs: counting a population's evaluations and reporting them (pure; files and threads live in engine/node). */
export {
  countResult,
  emptyCounts,
  mergeCounts,
  type BadLine,
  type CohortCounts,
  type GroupCounts,
} from './counts';
export { csvMapping, csvRecord, RESERVED_COLUMNS, type CsvMapping } from './csv';
export { cohortHtml } from './html';
export { indicatorCsv } from './indicator-csv';
export {
  indicatorFigures,
  type CohortIndicator,
  type IndicatorFigures,
  type IndicatorFiguresOptions,
} from './indicator-figures';
export { cohortIndicators, indicatorInfos, type CohortIndicators } from './indicators';
export { ALL, NO_GROUP, processChunk, type CohortSettings } from './process';
export {
  cohortReport,
  type CohortReport,
  type CohortReportOptions,
  type GroupReport,
} from './report';
export { indicatorRun, type IndicatorRunOptions } from './run';
export { COHORT_WORDS, type CohortWords } from './words';
export { worklistReason, type WorklistReason, type WorklistRow } from './worklist';
export { safeFileName, worklistText, type WorklistText } from './worklist-text';
