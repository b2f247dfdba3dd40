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
export { ALL, NO_GROUP, processChunk, type CohortSettings } from './process';
export { cohortReport, type CohortReport, type GroupReport } from './report';
