/**
 * json-rules-engine as the reference oracle for indicator memberships, as it is for
 * transitions and alerts (test/evaluate/differential*.test.ts): the reference walk
 * (`referenceOutcome`) gives the outcome, the outcome terms are read from it independently
 * of engine/indicators, and json-rules-engine runs each denominator and numerator in its
 * three-valued variants. Production memberships must match for random patients, with
 * incomplete MME sums, unknown facts and walks that stop for missing information.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluateOutcome } from '../../engine/evaluate/evaluate';
import type { Outcome } from '../../engine/evaluate/outcome';
import type { Truth } from '../../engine/evaluate/result';
import { compileIndicators } from '../../engine/indicators/evaluate';
import type { Alert, Pathway } from '../../engine/model/types';
import { referenceOutcome } from '../../engine/reference/evaluate';
import { RulesEngineEvaluator } from '../../engine/reference/rules-engine-evaluator';
import { opioidIndicatorPathway, walkIndicatorPathway } from './fixture';

const AS_OF = '2026-04-01';

/** The outcome terms as the reference outcome gives them (unknown ones absent). */
function termFacts(outcome: Outcome, pathway: Pathway): Record<string, unknown> {
  const out: Record<string, unknown> = { $step: outcome.step, $status: outcome.status };
  for (const step of pathway.steps) {
    if (outcome.path.includes(step.id)) out[`$visited:${step.id}`] = true;
    else if (outcome.status === 'settled') out[`$visited:${step.id}`] = false;
  }
  for (const alert of pathway.alerts) {
    if (outcome.alerts.includes(alert.id)) out[`$alert:${alert.id}`] = true;
    else if (!outcome.undecidedAlerts.some((a) => a.id === alert.id))
      out[`$alert:${alert.id}`] = false;
  }
  return out;
}

/** The pathway with each indicator part as an alert, so the reference evaluator runs it. */
function oracleFor(pathway: Pathway): RulesEngineEvaluator {
  const alerts: Alert[] = (pathway.indicators ?? []).flatMap((i) =>
    (['denominator', 'numerator'] as const).map((part) => ({
      id: `${i.id}--${part}`,
      severity: 'info' as const,
      when: i[part],
      message: { en: part },
    })),
  );
  return new RulesEngineEvaluator({ ...pathway, alerts });
}

async function expected(
  pathway: Pathway,
  oracle: RulesEngineEvaluator,
  facts: Record<string, unknown>,
): Promise<{ id: string; denominator: Truth; numerator: Truth }[]> {
  const outcome = await referenceOutcome(pathway, { facts }, AS_OF);
  const values = { ...facts, ...outcome.derivedFacts, ...termFacts(outcome, pathway) };
  const truths = await oracle.evaluateAll(values);
  return (pathway.indicators ?? []).map((i) => {
    const d = truths.get(`alerts.${i.id}--denominator`)?.truth ?? 'unknown';
    const n = truths.get(`alerts.${i.id}--numerator`)?.truth ?? 'unknown';
    return {
      id: i.id,
      denominator: d,
      numerator: d === 'false' ? 'false' : d === 'unknown' ? 'unknown' : n,
    };
  });
}

function production(pathway: Pathway, facts: Record<string, unknown>) {
  const outcome = evaluateOutcome(compilePathway(pathway), { facts }, { asOf: AS_OF });
  return compileIndicators(pathway)
    .evaluate(facts, outcome)
    .map(({ id, denominator, numerator }) => ({ id, denominator, numerator }));
}

const DRUGS = [
  { atc: 'N02AA05', dose: 20, unit: 'mg/day', since: '2025-01-01' },
  { atc: 'N02AA05', dose: 40, unit: 'mg/day', since: '2026-03-25' },
  { atc: 'N02AA01', dose: 60, unit: 'mg/day', since: '2025-12-01' },
  { atc: 'N02AX02', dose: 200, unit: 'mg/day', since: '2026-02-01' },
  { atc: 'N02AB01', dose: 50, unit: 'mg/day', since: '2025-01-01' },
  { atc: 'N07BC02', dose: 30, unit: 'mg/day', since: '2025-06-01' },
  { atc: 'N02AA05', dose: 10, unit: 'mg/day' },
  { atc: 'N05BA01', dose: 5, unit: 'mg/day', since: '2025-06-01' },
  { atc: 'N02BE01', dose: 3000, unit: 'mg/day', since: '2025-06-01' },
  { name: 'diazepam', uncertain: { reason: 'unclassified-code', detail: 'x|1' } },
];

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const defined = (facts: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));

describe('indicator memberships against the json-rules-engine reference', () => {
  it('agree on the medication pathway for random medication lists and strata', async () => {
    const pathway = opioidIndicatorPathway();
    const oracle = oracleFor(pathway);
    const patient = fc.record({
      medications: optional(fc.subarray(DRUGS, { maxLength: 4 })),
      age: optional(fc.integer({ min: 0, max: 100 })),
      sex: optional(fc.constantFrom('female', 'male')),
    });
    await fc.assert(
      fc.asyncProperty(patient, async (raw) => {
        const facts = defined(raw);
        expect(production(pathway, facts)).toEqual(await expected(pathway, oracle, facts));
      }),
      { numRuns: 300 },
    );
  });

  it('agree on the walk pathway, unknown steps of an unfinished walk included', async () => {
    const pathway = walkIndicatorPathway();
    // The follow-up indicator has its own hand-written cases (evaluate.test.ts).
    const withoutFollowUp = {
      ...pathway,
      indicators: (pathway.indicators ?? []).filter((i) => i.id !== 'review-due'),
    };
    const oracle = oracleFor(withoutFollowUp);
    const patient = fc.record({
      age: optional(fc.integer({ min: 0, max: 100 })),
      flags: optional(fc.subarray(['a', 'b'])),
      painMonths: optional(fc.integer({ min: 0, max: 12 })),
      score: optional(fc.integer({ min: 0, max: 100 })),
      done: optional(fc.boolean()),
    });
    await fc.assert(
      fc.asyncProperty(patient, async (raw) => {
        const facts = defined(raw);
        expect(production(withoutFollowUp, facts)).toEqual(
          await expected(withoutFollowUp, oracle, facts),
        );
      }),
      { numRuns: 300 },
    );
  });
});
