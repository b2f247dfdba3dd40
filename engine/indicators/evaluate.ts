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
import type { Condition, Fact, Pathway } from '../model/types';
import {
  placedFollowUps,
  termValue,
  type FollowUpRuleTruth,
  type PlacedFollowUp,
} from './outcome-terms';
import { stratumKey } from './stratum';
import { isTermName, parseTerm, type OutcomeTerm } from './terms';
import type { IndicatorInfo, IndicatorMembership } from './types';

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
  const facts = pathway.facts.map((f) => ({ fact: f, slot: slots.slot(f.name) }));
  const factByName = new Map<string, Fact>(pathway.facts.map((f) => [f.name, f] as const));
  const indicators = pathway.indicators ?? [];
  const caseMix = pathway.caseMix;
  const infos = infosOf(pathway);

  /** The fact slots of one patient: input facts, derived facts from the outcome. */
  const factSlots = (input: Readonly<Record<string, unknown>>, outcome: Outcome): unknown[] => {
    const s: unknown[] = new Array<unknown>(slots.size);
    for (const { fact, slot } of facts) {
      // A derived fact's value is the outcome's (a given time in step included); unknown when absent.
      const value = fact.derived === undefined ? input[fact.name] : outcome.derivedFacts[fact.name];
      s[slot] = value === null ? undefined : value;
    }
    return s;
  };

  /** Input facts behind condition `index`'s unknown parts; term values give their own. */
  const missingOf = (
    index: number,
    s: readonly unknown[],
    termMissing: ReadonlyMap<string, readonly string[]>,
  ): string[] => {
    const found: string[] = [];
    (collectors[index] as CollectFn)(s, found);
    const plain = found.filter((name) => !isTermName(name));
    const out = new Set(missing.forFacts(plain, s));
    for (const name of found) for (const f of termMissing.get(name) ?? []) out.add(f);
    return [...out].sort();
  };

  return {
    infos,
    evaluate(input, outcome) {
      const s = factSlots(input, outcome);
      const termMissing = new Map<string, readonly string[]>();
      const rulesOf = (p: PlacedFollowUp): FollowUpRuleTruth => {
        const indexes = rules.get(p) ?? {};
        return {
          truth: (part) => {
            const i = indexes[part];
            return i === undefined ? undefined : (truth[i] as TruthFn)(s);
          },
          missing: (part) => {
            const i = indexes[part];
            return i === undefined ? [] : missingOf(i, s, termMissing);
          },
        };
      };
      // Follow-up rules read facts only, so terms are filled after their truths are known.
      for (const { term, slot } of terms) {
        const value = termValue(term, outcome, placed, rulesOf);
        s[slot] = value.value;
        if (value.missingFacts.length > 0)
          termMissing.set(slots.names[slot] as string, value.missingFacts);
      }
      return indicators.map((indicator, k) => {
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
    },
    stratum(input, outcome) {
      if (caseMix === undefined) return undefined;
      return stratumKey(caseMix, factByName, (name) => {
        const fact = factByName.get(name);
        return fact?.derived === undefined ? input[name] : outcome.derivedFacts[name];
      });
    },
  };
}
