/**
 * Per-patient indicator evaluation: where one patient stands in each indicator the pathway
 * declares, with three-valued truth. Conditions go through the engine's one condition
 * evaluator — the generated truth functions of `engine/fast/codegen.ts`, over the same fact
 * slots, comparisons (`leafTruth`, lower bounds `{ atLeast }` as intervals) and fact-to-fact
 * leaves as every transition and alert — with the outcome terms (`outcome-terms.ts`) put into
 * slots of their own. Missing facts come from the same collectors and dependency walk as an
 * evaluation's own `missingFacts`.
 */
import { checkIntegrity } from '../evaluate/integrity';
import type { Outcome } from '../evaluate/outcome';
import type { Truth } from '../evaluate/result';
import { generateConditions, F, T, U, type TruthFn } from '../fast/codegen';
import { SlotLayout } from '../fast/layout';
import { MissingInputs } from '../fast/missing';
import { unknownFactCollectors, type CollectFn } from '../fast/unknown-facts';
import { namedConditions, referencedFacts } from '../model/condition';
import type { PopulationPathway } from '../fast/compile';
import type { Condition, Fact, Pathway } from '../model/types';
import type { BatchWalk } from './batch-walk';
import {
  placedFollowUps,
  termValue,
  type FollowUpRuleTruth,
  type PlacedFollowUp,
} from './outcome-terms';
import { stratumKey, StratumKeys } from './stratum';
import { isTermName, parseTerm, type OutcomeTerm } from './terms';
import type { IndicatorInfo, IndicatorMembership } from './types';
import { outcomeWalk, type EvaluatedWalk } from './walk';

/** The indicators of one pathway, ready to place patients. Immutable; safe to share. */
export interface IndicatorEvaluator {
  /** The indicators' definitions as a run keeps them, in file order. */
  readonly infos: IndicatorInfo[];
  /**
   * One membership per indicator, in file order. `facts` are the patient's input facts as
   * validated (unknown ones absent or null); `outcome` is the patient's evaluation, whose
   * `derivedFacts` supply the derived facts.
   *
   * The numerator is evaluated only for patients in the denominator: it is `false` when the
   * denominator is false, and `unknown` when the denominator is unknown (a patient who may not
   * belong is never counted in a numerator); `missingFacts` then names the input facts behind
   * the unknown denominator, and behind the numerator when that is unknown on its own too.
   */
  evaluate(facts: Readonly<Record<string, unknown>>, outcome: Outcome): IndicatorMembership[];
  /**
   * The patient's case-mix stratum key (`age:45-64|sex:female`, `unknown` when a stratum fact
   * is unknown; engine/indicators/stratum.ts), or undefined when the pathway has no `caseMix`.
   */
  stratum(facts: Readonly<Record<string, unknown>>, outcome: Outcome): string | undefined;
  /**
   * {@link evaluate} for the batch patient `walk` points at, read from the batch's slots and
   * result columns: the same memberships as `evaluate(facts, outcomeAt(batch, results, i))`.
   */
  evaluateAt(walk: BatchWalk): IndicatorMembership[];
  /**
   * What a count needs of {@link evaluateAt}, without missing facts or objects: for indicator
   * `k` (file order), `out[2k]` is the denominator's truth and `out[2k + 1]` the numerator's
   * (0 false, 1 unknown, 2 true; the numerator false outside the denominator and unknown when
   * the denominator is unknown, as in a membership).
   */
  truthsAt(walk: BatchWalk, out: Uint8Array): void;
  /** {@link stratum} for the batch patient `walk` points at. */
  stratumAt(walk: BatchWalk): string | undefined;
}

const TRUTH: readonly Truth[] = ['false', 'unknown', 'true'];

type RulePart = 'appliesWhen' | 'dueWhen' | 'overdueWhen';

/** Indexes into the compiled conditions: one per indicator part, then the follow-up rules. */
interface Layout {
  conditions: Condition[];
  /** Per placed follow-up (by reference), the index of each rule it has. */
  rules: Map<PlacedFollowUp, Partial<Record<RulePart, number>>>;
  /** The outcome terms the indicators read, with their slots. */
  terms: { term: OutcomeTerm; slot: number }[];
}

function buildLayout(
  pathway: Pathway,
  layout: SlotLayout,
  placed: ReadonlyMap<string, readonly PlacedFollowUp[]>,
): Layout {
  const indicators = pathway.indicators ?? [];
  const conditions: Condition[] = indicators.flatMap((i) => [i.denominator, i.numerator]);
  const termNames = [...new Set(conditions.flatMap((c) => referencedFacts(c)))].filter(isTermName);
  const rules = new Map<PlacedFollowUp, Partial<Record<RulePart, number>>>();
  const terms: Layout['terms'] = [];
  for (const name of termNames) {
    const term = parseTerm(name);
    // checkIntegrity has refused malformed terms; stay total anyway.
    if (term === undefined) continue;
    terms.push({ term, slot: layout.slot(name) });
    if (term.kind !== 'followUp') continue;
    for (const p of placed.get(term.id) ?? []) {
      if (rules.has(p)) continue;
      const indexes: Partial<Record<RulePart, number>> = {};
      for (const part of ['appliesWhen', 'dueWhen', 'overdueWhen'] as const) {
        const when = p.followUp[part];
        if (when === undefined) continue;
        indexes[part] = conditions.length;
        conditions.push(when);
      }
      rules.set(p, indexes);
    }
  }
  return { conditions, rules, terms };
}

/** `IndicatorInfo` of each indicator, optional fields only when given. */
function infosOf(pathway: Pathway): IndicatorInfo[] {
  return (pathway.indicators ?? []).map((i) => ({
    id: i.id,
    title: i.title,
    ...(i.description === undefined ? {} : { description: i.description }),
    direction: i.direction,
    ...(i.target === undefined ? {} : { target: i.target }),
    references: [...i.references],
  }));
}

/**
 * Prepares a pathway's indicators (and case mix) for per-patient evaluation.
 * @throws PathwayError when the pathway cannot be evaluated, its indicators included (an
 * unknown fact, step, alert, follow-up, named condition or reference; engine/indicators/integrity.ts).
 */
export function compileIndicators(pathway: Pathway): IndicatorEvaluator {
  checkIntegrity(pathway);
  const slots = new SlotLayout(pathway);
  // One placement list: the follow-up rules are looked up by these very objects.
  const placed = placedFollowUps(pathway);
  const { conditions, rules, terms } = buildLayout(pathway, slots, placed);
  const named = namedConditions(pathway);
  const truth: readonly TruthFn[] = generateConditions(slots, named, conditions);
  const collectors: readonly CollectFn[] = unknownFactCollectors(slots, named, conditions);
  const missing = new MissingInputs(pathway, slots);
  const factByName = new Map<string, Fact>(pathway.facts.map((f) => [f.name, f] as const));
  const indicators = pathway.indicators ?? [];
  const caseMix = pathway.caseMix;
  const infos = infosOf(pathway);

  /** The fact slots of one patient: input facts, derived facts from the outcome. */
  // Per dictionary fact: its name, whether the engine derives it, and its slot (parallel arrays).
  const factNames = pathway.facts.map((f) => f.name);
  const factDerived = pathway.facts.map((f) => f.derived !== undefined);
  const factSlot = pathway.facts.map((f) => slots.slot(f.name));
  // Evaluation is synchronous: one scratch row serves every patient.
  const row: unknown[] = new Array<unknown>(slots.size);
  /** The slots of the row that hold no dictionary fact (outcome terms, names it lacks). */
  const otherSlots = [...row.keys()].filter((slot) => !factSlot.includes(slot));

  /** The fact slots of one patient: input facts, derived facts from the outcome. */
  const factSlots = (input: Readonly<Record<string, unknown>>, outcome: Outcome): unknown[] => {
    row.fill(undefined);
    const derivedFacts = outcome.derivedFacts;
    for (let f = 0; f < factNames.length; f++) {
      const name = factNames[f] as string;
      // A derived fact's value is the outcome's (a given time in step included); unknown when absent.
      const value = factDerived[f] === true ? derivedFacts[name] : input[name];
      if (value !== null) row[factSlot[f] as number] = value;
    }
    return row;
  };

  /** Input facts behind condition `index`'s unknown parts; term values give their own. */
  const missingOf = (
    index: number,
    s: readonly unknown[],
    termMissing: ReadonlyMap<string, readonly string[]>,
  ): string[] => {
    const found: string[] = [];
    (collectors[index] as CollectFn)(s, found);
    // Most unknowns name facts only: the dependency walk's answer is already sorted and unique.
    if (!found.some(isTermName)) return missing.forFacts(found, s);
    const plain = found.filter((name) => !isTermName(name));
    const out = new Set(missing.forFacts(plain, s));
    for (const name of found) for (const f of termMissing.get(name) ?? []) out.add(f);
    return [...out].sort();
  };

  /** Own-context slot of each dictionary fact in a compiled population's rows. */
  const batchSlots = new WeakMap<PopulationPathway, readonly number[]>();
  /**
   * The dictionary facts (by index) that the compiled conditions read: the indicators' parts
   * and the follow-up rules their terms ask, through named conditions too. Truths need no
   * other slot; missing facts (the dependency walk) may, so memberships copy every fact.
   */
  const readByTruths = new Set(conditions.flatMap((c) => referencedFacts(c, { named })));
  const truthFacts = factNames.flatMap((name, f) => (readByTruths.has(name) ? [f] : []));
  const allFacts = factNames.map((_, f) => f);
  /** The fact slots (those in `facts`) of batch patient `walk` points at, from its own row. */
  const batchRow = (walk: BatchWalk, facts: readonly number[]): unknown[] => {
    let from = batchSlots.get(walk.compiled);
    if (from === undefined) {
      const layout = walk.compiled.layout;
      from = factNames.map((name) => layout.slot(name));
      batchSlots.set(walk.compiled, from);
    }
    const own = walk.ownRow();
    // The fact slots asked for are written and only the others are cleared: cheaper than a
    // fill per patient. Slots of facts not asked for keep an earlier patient's value, which
    // nothing reading this row looks at.
    for (const f of facts) {
      const value = own[from[f] as number];
      row[factSlot[f] as number] = value === null ? undefined : value;
    }
    for (const slot of otherSlots) row[slot] = undefined;
    return row;
  };

  // What `rulesOf` reads: the slots and missing-fact map of the patient being filled. Kept
  // here rather than closed over per call, because evaluation is synchronous and a closure
  // made per patient costs more than the terms it serves.
  let termRow: unknown[] = row;
  let termMissingNow: Map<string, readonly string[]> | undefined;
  const rulesOf = (p: PlacedFollowUp): FollowUpRuleTruth => {
    const indexes = rules.get(p) ?? {};
    const s = termRow;
    const termMissing = termMissingNow;
    return {
      truth: (part) => {
        const i = indexes[part];
        return i === undefined ? undefined : (truth[i] as TruthFn)(s);
      },
      missing: (part) => {
        const i = indexes[part];
        return i === undefined || termMissing === undefined ? [] : missingOf(i, s, termMissing);
      },
    };
  };
  /**
   * Puts the outcome terms' values into their slots. With `termMissing`, unknown terms' input
   * facts are recorded in it; without, they are not worked out.
   */
  const fillTerms = (
    s: unknown[],
    walk: EvaluatedWalk,
    termMissing: Map<string, readonly string[]> | undefined,
  ): void => {
    if (terms.length === 0) return;
    termRow = s;
    termMissingNow = termMissing;
    // Follow-up rules read facts only, so terms are filled after their truths are known.
    for (const { term, slot } of terms) {
      const value = termValue(term, walk, placed, rulesOf, termMissing !== undefined);
      s[slot] = value.value;
      if (termMissing !== undefined && value.missingFacts.length > 0)
        termMissing.set(slots.names[slot] as string, value.missingFacts);
    }
  };

  /** Memberships with their missing facts, from slots whose terms are filled. */
  const memberships = (
    s: unknown[],
    termMissing: ReadonlyMap<string, readonly string[]>,
  ): IndicatorMembership[] =>
    indicators.map((indicator, k) => {
      const d = (truth[2 * k] as TruthFn)(s);
      if (d === F)
        return { id: indicator.id, denominator: 'false', numerator: 'false', missingFacts: [] };
      const n = (truth[2 * k + 1] as TruthFn)(s);
      if (d === T)
        return {
          id: indicator.id,
          denominator: 'true',
          numerator: TRUTH[n] as Truth,
          missingFacts: n === U ? missingOf(2 * k + 1, s, termMissing) : [],
        };
      const behind = missingOf(2 * k, s, termMissing);
      const all =
        n === U
          ? [...new Set([...behind, ...missingOf(2 * k + 1, s, termMissing)])].sort()
          : behind;
      return {
        id: indicator.id,
        denominator: 'unknown',
        numerator: 'unknown',
        missingFacts: all,
      };
    });

  const strata = caseMix === undefined ? undefined : new StratumKeys(caseMix, factByName);
  /** Own-context slot of each case-mix fact in a compiled population's rows (-1: none). */
  const stratumSlots = new WeakMap<PopulationPathway, readonly number[]>();
  const stratumValues: unknown[] = [];
  const stratumOf = (value: (name: string) => unknown): string | undefined =>
    caseMix === undefined ? undefined : stratumKey(caseMix, factByName, value);

  return {
    infos,
    evaluate(input, outcome) {
      const s = factSlots(input, outcome);
      const termMissing = new Map<string, readonly string[]>();
      fillTerms(s, outcomeWalk(outcome), termMissing);
      return memberships(s, termMissing);
    },
    stratum(input, outcome) {
      return stratumOf((name) => {
        const fact = factByName.get(name);
        return fact?.derived === undefined ? input[name] : outcome.derivedFacts[name];
      });
    },
    evaluateAt(walk) {
      const s = batchRow(walk, allFacts);
      const termMissing = new Map<string, readonly string[]>();
      fillTerms(s, walk, termMissing);
      return memberships(s, termMissing);
    },
    truthsAt(walk, out) {
      const s = batchRow(walk, truthFacts);
      fillTerms(s, walk, undefined);
      for (let k = 0; k < indicators.length; k++) {
        const d = (truth[2 * k] as TruthFn)(s);
        out[2 * k] = d;
        // As in a membership: numerator false outside the denominator, unknown when it is.
        out[2 * k + 1] = d === T ? (truth[2 * k + 1] as TruthFn)(s) : d;
      }
    },
    stratumAt(walk) {
      if (caseMix === undefined || strata === undefined) return undefined;
      let from = stratumSlots.get(walk.compiled);
      if (from === undefined) {
        const layout = walk.compiled.layout;
        from = caseMix.map((entry) => (factByName.has(entry.fact) ? layout.slot(entry.fact) : -1));
        stratumSlots.set(walk.compiled, from);
      }
      const own = walk.ownRow();
      for (let i = 0; i < from.length; i++) {
        const slot = from[i] as number;
        // As the patient's fact slots read them: null is unknown, and so is a fact not in the dictionary.
        const value = slot < 0 ? undefined : own[slot];
        stratumValues[i] = value === null ? undefined : value;
      }
      return strata.keyOf(stratumValues);
    },
  };
}
