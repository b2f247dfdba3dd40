/**
 * `compilePopulation(pathway)`: everything per-pathway that the population path needs,
 * prepared once — fact slots, the generated input loader, the derivation plan, generated
 * condition functions, trace recorders and their views, and the walk's candidate lists as plain arrays.
 */
import { alertKey, candidatesOf, collectConditions, followUpKey } from '../evaluate/condition-set';
import { checkIntegrity } from '../evaluate/integrity';
import { conditionLeaves, valueFact } from '../model/condition';
import type { Condition, FollowUp, Pathway, Severity, Step, Texts } from '../model/types';
import { generateConditions, type TruthFn } from './codegen';
import { DerivePlan } from './derive';
import { DEFAULT_WINDOW_DAYS } from './follow-ups';
import { SlotLayout } from './layout';
import { buildLoader, type Loader } from './loader';
import { MissingInputs } from './missing';
import { generateRecorders, nodeCount, type RecordFn } from './recorder';
import { traceViews, type ViewFn } from './trace-view';
import { unknownFactCollectors, type CollectFn } from './unknown-facts';

/** A candidate transition leaving a step. */
export interface FastCandidate {
  key: string;
  /** A global transition rather than one of the step's own. */
  global: boolean;
  to: number;
  cond: number;
}

/** A follow-up rule with its condition indexes (-1 when it has no such condition). */
export interface FastFollowUpRule {
  /** Position among all follow-up rules of the pathway (pathway-level ones first). */
  index: number;
  id: string;
  step: string | undefined;
  applies: number;
  due: number;
  overdue: number;
  at: FollowUp['at'];
  windowDays: number;
}

/** One compiled step. */
export interface FastStep {
  id: string;
  exit: boolean;
  candidates: FastCandidate[];
  followUps: FastFollowUpRule[];
}

/** A pathway compiled for population evaluation. Immutable apart from per-call scratch space. */
export interface PopulationPathway {
  readonly pathway: Pathway;
  readonly layout: SlotLayout;
  readonly steps: readonly FastStep[];
  readonly stepIndex: ReadonlyMap<string, number>;
  readonly entry: number;
  readonly truth: readonly TruthFn[];
  /** Per condition: its recorder (truth plus every node's truth, for traces). */
  readonly record: readonly RecordFn[];
  /** Per condition: how many nodes its recorder writes. */
  readonly nodes: readonly number[];
  /** The most trace bytes one patient can need: every alert, and every candidate of every step. */
  readonly traceBytes: number;
  /** Per condition: builds its evaluated tree from a recording. */
  readonly views: readonly ViewFn[];
  readonly keys: readonly string[];
  /** Alerts in the order fired ones are listed (severity, then file order). */
  readonly alertsBySeverity: readonly { id: string; cond: number; order: number }[];
  /** Alerts in file order. */
  readonly alerts: readonly { id: string; cond: number }[];
  readonly followUps: readonly FastFollowUpRule[];
  /** How many follow-up rules the pathway has, pathway-level and per step. */
  readonly followUpRuleCount: number;
  readonly loader: Loader;
  /** Undefined when derivation must go through the generic path for every patient. */
  readonly plan: DerivePlan | undefined;
  readonly missing: MissingInputs;
  /** Per condition: the facts whose absence leaves it unknown. */
  readonly unknownFacts: readonly CollectFn[];
  /** Time-in-step facts counted in days for follow-up timing, in dictionary order. */
  readonly dayFacts: readonly { slot: number; days: number }[];
  /** Derived facts in dictionary order, with their slots (an outcome lists their values). */
  readonly derivedSlots: readonly { name: string; slot: number }[];
  /** Per alert in file order: the facts its message templates name, with their slots. */
  readonly templateSlots: readonly (readonly { name: string; slot: number }[])[];
  /** Given medication lists, when derived facts may attach notes to them (else empty). */
  readonly noteSources: readonly { name: string; slot: number }[];
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The dictionary facts named by `{fact}` placeholders in any language of a message. */
function templateFacts(pathway: Pathway, message: Texts): string[] {
  const names = new Set<string>();
  for (const text of Object.values(message) as (string | undefined)[])
    if (text !== undefined)
      for (const match of text.matchAll(PLACEHOLDER)) {
        const name = match[1] as string;
        if (pathway.facts.some((f) => f.name === name)) names.add(name);
      }
  return [...names];
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

function usesMedicationFactDirectly(pathway: Pathway, conditions: readonly Condition[]): boolean {
  const lists = new Set(pathway.facts.filter((f) => f.type === 'medications').map((f) => f.name));
  // Named conditions are checked once each below rather than through every reference.
  const visit = (c: Condition): boolean =>
    conditionLeaves(c).some((leaf) => lists.has(leaf.fact) || lists.has(valueFact(leaf) ?? ''));
  return conditions.some(visit) || pathway.conditions.some((n) => visit(n.when));
}

/**
 * Compiles a pathway into its generated form (`compilePathway` holds one; cohorts use it
 * directly). Throws a {@link PathwayError} for a pathway that cannot be evaluated.
 */
export function compilePopulation(pathway: Pathway): PopulationPathway {
  checkIntegrity(pathway);
  const layout = new SlotLayout(pathway);
  const keyed = collectConditions(pathway);
  const keys = keyed.map((k) => k.key);
  const condIndex = new Map(keys.map((k, i) => [k, i] as const));
  const named = new Map(pathway.conditions.map((c) => [c.name, c.when] as const));
  const conditions = keyed.map((k) => k.condition);
  const index = (key: string): number => condIndex.get(key) ?? -1;

  const stepIndex = new Map(pathway.steps.map((s, i) => [s.id, i] as const));
  let rules = 0;
  const rule = (stepId: string | undefined, f: FollowUp): FastFollowUpRule => ({
    index: rules++,
    id: f.id,
    step: stepId,
    applies: f.appliesWhen === undefined ? -1 : index(followUpKey(stepId, f.id, 'appliesWhen')),
    due: f.dueWhen === undefined ? -1 : index(followUpKey(stepId, f.id, 'dueWhen')),
    overdue: f.overdueWhen === undefined ? -1 : index(followUpKey(stepId, f.id, 'overdueWhen')),
    at: f.at,
    windowDays: f.windowDays ?? DEFAULT_WINDOW_DAYS,
  });
  const pathwayFollowUps = pathway.followUps.map((f) => rule(undefined, f));
  const steps = pathway.steps.map((step: Step): FastStep => ({
    id: step.id,
    exit: step.level === 'exit',
    candidates: candidatesOf(pathway, step).map((c) => ({
      key: c.key,
      global: c.global,
      to: stepIndex.get(c.to) ?? -1,
      cond: index(c.key),
    })),
    followUps: step.followUps.map((f) => rule(step.id, f)),
  }));
  const alerts = pathway.alerts.map((a, order) => ({
    id: a.id,
    cond: index(alertKey(a.id)),
    order,
    rank: SEVERITY_ORDER[a.severity] * 1e6 + order,
  }));
  const plan = usesMedicationFactDirectly(pathway, conditions)
    ? undefined
    : DerivePlan.build(pathway, layout);
  const dayFacts = pathway.facts.flatMap((f) =>
    f.derived?.kind === 'timeInStep' && f.derived.unit !== 'months'
      ? [{ slot: layout.slot(f.name), days: f.derived.unit === 'weeks' ? 7 : 1 }]
      : [],
  );
  const truth = generateConditions(layout, named, conditions);
  const nodes = conditions.map((c) => nodeCount(c, named));
  const loader = buildLoader(pathway, layout);
  const missing = new MissingInputs(pathway, layout);
  return {
    pathway,
    layout,
    steps,
    stepIndex,
    entry: stepIndex.get(pathway.entryStep) ?? 0,
    truth,
    record: generateRecorders(layout, named, conditions),
    nodes,
    traceBytes:
      alerts.reduce((n, a) => n + (nodes[a.cond] ?? 0), 0) +
      steps.reduce(
        (n, step) => n + step.candidates.reduce((m, cand) => m + (nodes[cand.cond] ?? 0), 0),
        0,
      ),
    views: traceViews(layout, named, conditions),
    keys,
    alertsBySeverity: [...alerts].sort((a, b) => a.rank - b.rank),
    alerts,
    followUps: pathwayFollowUps,
    followUpRuleCount: rules,
    loader,
    plan,
    missing,
    unknownFacts: unknownFactCollectors(layout, named, conditions),
    dayFacts,
    derivedSlots: pathway.facts.flatMap((f) =>
      f.derived === undefined ? [] : [{ name: f.name, slot: layout.slot(f.name) }],
    ),
    templateSlots: pathway.alerts.map((a) =>
      templateFacts(pathway, a.message).map((name) => ({ name, slot: layout.slot(name) })),
    ),
    // Every medication derivation may note something (an uncertain entry, a drug without a factor).
    noteSources: pathway.facts.some((f) => f.derived !== undefined && 'from' in f.derived)
      ? pathway.facts.flatMap((f) =>
          f.type === 'medications' && f.derived === undefined
            ? [{ name: f.name, slot: layout.slot(f.name) }]
            : [],
        )
      : [],
  };
}
