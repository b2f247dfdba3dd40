/**
 * The engine's public API (the package's "." export), for backend services, scripts and the
 * editor. A handful of deliberate entry points; everything else in engine/ is internal and
 * may move. Everything here runs in Node and in the browser: file-system helpers are the
 * "./node" export (engine/node/index.ts), and what only the editor needs is engine/editor.ts.
 *
 * The usual route: {@link parsePathway} a version's YAML, {@link compilePathway} it once,
 * {@link evaluate} patients against it. {@link selectVersion} says which version answers on a
 * date; {@link lintPathway}, {@link diffPathways} and {@link runScenario} serve review.
 *
 * @example
 * ```ts
 * const compiled = compilePathway(parsePathway(yamlText, 'chronic-pain/1.1.0.yaml'));
 * const result = await evaluate(compiled, { facts }, { asOf: '2026-11-23', language: 'sv' });
 * ```
 */

// Pathway files: YAML text ⇄ validated document.
export { parsePathway, parseScenario } from './yaml/parse';
export { printPathway } from './yaml/print';

// Evaluation: compile once per version, evaluate many patients. evaluate() is evaluateOutcome()
// (language-free) put into words by describe(), the one place that writes words.
export { compilePathway, type CompiledPathway } from './evaluate/compile';
export { evaluate, evaluateOutcome, type EvaluateOptions } from './evaluate/evaluate';
export { describe } from './describe/describe';
export type {
  EvaluationResult,
  FiredAlert,
  FollowUpItem,
  TraceEntry,
  TraceNode,
  TransitionTaken,
  Truth,
  UndecidedAlert,
} from './evaluate/result';
export type * from './evaluate/outcome';
// A derived value known only as a lower bound (`{ atLeast: n }`, docs/semantics.md): results
// carry it in derivedFacts and traces; this tells it from a number.
export { isLowerBound, type LowerBound } from './facts/bound';

// The evaluation service: pick version → compile (cached) → evaluate → record, the one route
// behind the CLI, REST, batch, CDS Hooks, replay, impact and cohort (docs/versions.md).
export {
  createEvaluationService,
  type EvaluationRequest,
  type EvaluationService,
  type Served,
  type ServiceOptions,
} from './service/index';

// Which version answers: the named one, else the one in effect on the date.
export { selectVersion } from './versions/select';

// Review: lint, semantic diff, example-patient scenarios.
export { lintPathway, lintVersions, type LintIssue, type LintOptions } from './lint/index';
export { diffPathways } from './diff/diff';
export { renderDiff, type DiffFormat, type RenderDiffOptions } from './diff/render';
export type { PathwayDiff } from './diff/types';
export { runScenario, type ScenarioOutcome } from './scenarios/run';

// Errors: one typed error with stable codes.
export { PathwayError, isPathwayError, type ErrorCode, type ErrorIssue } from './errors';

// The documents.
export type { EvaluationInput, Language, Pathway, Scenario } from './model/types';
