/**
 * The engine's public API for backend services and the editor. Everything here runs in
 * Node and in the browser; file-system helpers are in `engine/node/`.
 */
export {
  PathwayError,
  isPathwayError,
  formatIssue,
  type ErrorCode,
  type ErrorIssue,
} from './errors';
export {
  pathwaySchema,
  scenarioSchema,
  evaluationInputSchema,
  CURRENT_SCHEMA_VERSION,
  LANGUAGES,
  OPERATORS,
} from './model/schema';
export type * from './model/types';
export { contentHash } from './model/hash';
export { parsePathway, parseScenario } from './yaml/parse';
export { printPathway } from './yaml/print';
export { compilePathway, type CompiledPathway } from './evaluate/compile';
export { evaluate, evaluateOutcome, type EvaluateOptions } from './evaluate/evaluate';
export type * from './evaluate/result';
export type * from './evaluate/outcome';
export { describe } from './describe/describe';
export { selectVersion, inEffectOn, compareVersions } from './versions/select';
export { runScenario, coverage, type ScenarioOutcome, type Coverage } from './scenarios/run';
export { MME_TABLES, DEFAULT_MME_TABLE } from './facts/mme';
