/**
 * The semantic diff of pathway documents, and what a change means for patients. Pure:
 * the CLI, `git diff` (through `pathway diff --git-driver`) and the editor's compare view
 * all use it.
 */
export { diffPathways } from './diff';
export { renderDiff, diffHeadline, type DiffFormat, type RenderDiffOptions } from './render';
export { describeEntry, type EntryView } from './entry-words';
export { describeCondition } from './condition-words';
export { clinicalListing } from './listing';
export type * from './types';
export {
  outcomeOf,
  compareOne,
  differencesOf,
  impactCounts,
  type OutcomeSummary,
  type ImpactRow,
  type ImpactGroup,
  type ImpactDifference,
  type BadLine,
} from './impact';
export { renderImpact, type ImpactReport } from './impact-render';
