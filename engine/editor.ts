/**
 * What the browser editor needs from the engine beyond the public API (engine/index.ts): the
 * document's building blocks and schemas for editing, layout, texts, paths of issues,
 * condition summaries and diff headlines. Browser-safe, like engine/index.ts. The editor
 * imports the engine only through these two entries (an ESLint rule on editor/** enforces
 * it), so the engine's inner modules can move without touching the editor.
 */

// The document's parts, as the editor edits them.
export type {
  Alert,
  Condition,
  Fact,
  FollowUp,
  LeafCondition,
  Level,
  NamedCondition,
  Operator,
  Step,
  Texts,
  Transition,
} from './model/types';
export { FACT_TYPES, LEVELS, OPERATORS, conditionSchema, pathwaySchema } from './model/schema';
export type { Layout } from './model/layout';

// The condition tree's shape (one owner: model/condition) and dates (one owner: model/dates).
export {
  conditionChildren,
  groupKind,
  isLeaf,
  isReference,
  makeGroup,
  type GroupKind,
} from './model/condition';
export { NEVER_TRUE, isNeverTrue } from './model/never-true';
export { today } from './model/dates';
export { timeZoneOf } from './model/time-zone';
export { renameStepInIndicators } from './indicators/rename';
export {
  renameInScenario,
  renameName,
  scenarioNames,
  usesOfName,
  type NameUse,
  type RenameKind,
} from './model/rename';
export type { ConditionOwner } from './model/condition-roots';

// Words: texts in a language, units, condition summaries, issue paths.
export { pickText } from './model/texts';
export { formatUnit } from './describe/format';
export { summarizeCondition } from './describe/summary';
export { formatPath, type PathSegment } from './model/path';

// Comparing versions: order and the diff's parts.
export { compareVersions } from './versions/select';
export { diffHeadline } from './diff/render';
export type { DiffEntry, TransitionPlace } from './diff/types';

// The results report (issue 16) as the editor's results view reads it from the HTTP service.
export type {
  GroupFigures,
  IndicatorPoint,
  IndicatorSeries,
  ResultsReport,
  VersionBreak as ResultsVersionBreak,
} from './results/types';
/** The centres' colours of the results report, so the editor's results view draws them alike. */
export { escapeXml, PALETTE } from './cohort/svg';

// Test patients: a scenario's expectation per version and coverage of transitions and alerts,
// so the editor's test panel counts exactly what `pathway test` counts.
export { coverage, expectationFor, type Coverage } from './scenarios/run';
export { alertKey } from './evaluate/condition-set';
// Publishing (issue 18): the checks the publish route runs, run in the editor's dialog too.
export {
  impactOn,
  impactVersions,
  isClear,
  publishBlockers,
  publishChecks,
  type PublishAcknowledgement,
  type PublishBlockers,
  type PublishChecks,
} from './versions/publish-checks';
export { patientsDigest, type PatientsCheck, type PatientsFile } from './versions/publish-patients';
export { replacedVersion } from './versions/replaced';
export { PUBLISH_BODY_LIMIT } from './versions/publish-limit';
export { mebibytes } from './model/size';
// One rule of which scenarios check a version: the editor's test panel and the publish checks.
export { retarget, scenarioBases } from './versions/publish-scenarios';
// A test patient shared by a draft and other versions, split so that a rename reaches the draft only.
export { splitScenario, type ScenarioSplit } from './scenarios/split';
export { retirementsFor } from './versions/lifecycle';
export { impactCounts, type ImpactGroup, type ImpactRow } from './diff/impact';
export { readLineText } from './service/lines';
// The medication search's "no MME factor" note asks the same lookup the MME sum uses.
export { MedicationRules } from './facts/medication-rules';
