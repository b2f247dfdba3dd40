/**
 * Where one patient stands in each indicator: hand-computed memberships over the engine's
 * three-valued conditions — incomplete MME sums, undecided alerts, a walk stopped for
 * missing information, follow-up states — and the case-mix stratum key.
 */
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluateOutcome } from '../../engine/evaluate/evaluate';
import { compileIndicators } from '../../engine/indicators/evaluate';
import type { IndicatorMembership } from '../../engine/indicators/types';
import type { Pathway } from '../../engine/model/types';
import { miniPathway } from '../fixtures/pathways';
import { opioidIndicatorPathway, walkIndicatorPathway } from './fixture';

const AS_OF = '2026-04-01';

function place(pathway: Pathway, facts: Record<string, unknown>) {
  const compiled = compilePathway(pathway);
  const outcome = evaluateOutcome(compiled, { facts }, { asOf: AS_OF });
  const evaluator = compileIndicators(pathway);
  const byId = new Map(evaluator.evaluate(facts, outcome).map((m) => [m.id, m] as const));
  return {
    outcome,
    of: (id: string): IndicatorMembership => {
      const m = byId.get(id);
      if (m === undefined) throw new Error(`no membership ${id}`);
      return m;
    },
    stratum: evaluator.stratum(facts, outcome),
  };
}

const oxycodone = (dose: number, since = '2025-01-01') => ({
  atc: 'N02AA05',
  dose,
  unit: 'mg/day',
  since,
});
const KETOBEMIDONE = { atc: 'N02AB01', dose: 50, unit: 'mg/day', since: '2025-01-01' };
const DIAZEPAM = { atc: 'N05BA01', dose: 5, unit: 'mg/day', since: '2025-06-01' };
const PARACETAMOL = { atc: 'N02BE01', dose: 3000, unit: 'mg/day', since: '2025-06-01' };

describe('indicator memberships over medication facts', () => {
  const pathway = opioidIndicatorPathway();

  it('counts an incomplete MME sum under 50 as numerator unknown for ≥ 50, naming the sum', () => {
    const { outcome, of } = place(pathway, { medications: [oxycodone(20), KETOBEMIDONE] });
    expect(outcome.derivedFacts['opioidMme']).toEqual({ atLeast: 30 });
    expect(of('mme-50')).toEqual({
      id: 'mme-50',
      denominator: 'true',
      numerator: 'unknown',
      missingFacts: ['opioidMme'],
    });
    expect(of('mme-90').numerator).toBe('unknown');
  });

  it('counts an incomplete sum that already reaches 90 in both dose numerators', () => {
    const { of } = place(pathway, { medications: [oxycodone(80), KETOBEMIDONE] });
    expect(of('mme-50')).toMatchObject({
      denominator: 'true',
      numerator: 'true',
      missingFacts: [],
    });
    expect(of('mme-90')).toMatchObject({ denominator: 'true', numerator: 'true' });
  });

  it('decides a complete sum of 60 MME as ≥ 50 and not ≥ 90', () => {
    const { of } = place(pathway, { medications: [oxycodone(40)] });
    expect(of('mme-50').numerator).toBe('true');
    expect(of('mme-90').numerator).toBe('false');
  });

  it('puts a patient without opioids outside every opioid denominator, numerator false', () => {
    const { of } = place(pathway, { medications: [PARACETAMOL, DIAZEPAM] });
    expect(of('opioid-benzodiazepine')).toEqual({
      id: 'opioid-benzodiazepine',
      denominator: 'false',
      numerator: 'false',
      missingFacts: [],
    });
  });

  it('counts an opioid with a benzodiazepine in the combination numerator', () => {
    const { of } = place(pathway, { medications: [oxycodone(10), DIAZEPAM] });
    expect(of('opioid-benzodiazepine')).toMatchObject({ denominator: 'true', numerator: 'true' });
  });

  it('leaves both parts unknown when the medication list is unknown, naming it', () => {
    const { of } = place(pathway, {});
    expect(of('mme-50')).toEqual({
      id: 'mme-50',
      denominator: 'unknown',
      numerator: 'unknown',
      missingFacts: ['medications'],
    });
  });

  it('reads a fired alert as true and a quiet one as false', () => {
    const long = place(pathway, { medications: [oxycodone(10, '2025-01-01')] });
    expect(long.outcome.alerts).toContain('long-term-opioid');
    expect(long.of('long-term-alert').numerator).toBe('true');
    const short = place(pathway, { medications: [oxycodone(10, '2026-03-20')] });
    expect(short.of('long-term-alert').numerator).toBe('false');
  });

  it('reads an undecided alert as unknown, with the facts that would decide it', () => {
    const { outcome, of } = place(pathway, { medications: [oxycodone(20), KETOBEMIDONE] });
    expect(outcome.undecidedAlerts.map((a) => a.id)).toContain('opioid-dose-high');
    expect(of('dose-alert-undecided-or-not')).toEqual({
      id: 'dose-alert-undecided-or-not',
      denominator: 'true',
      numerator: 'unknown',
      missingFacts: ['opioidMme'],
    });
  });

  it('compares two facts with each other, lower bounds included', () => {
    // 15 MME against 456 days: decided false; with ketobemidone the sum is ≥ 65, still unknown.
    expect(place(pathway, { medications: [oxycodone(10)] }).of('mme-over-days').numerator).toBe(
      'false',
    );
    const recent = place(pathway, { medications: [oxycodone(80, '2026-03-30')] });
    expect(recent.of('mme-over-days').numerator).toBe('true');
  });
});

describe('indicator memberships over the walk', () => {
  const pathway = walkIndicatorPathway();

  it('reads an unvisited step as unknown while the walk waits for information', () => {
    const { outcome, of } = place(pathway, { age: 40, flags: [] });
    expect(outcome.status).toBe('needs-information');
    expect(of('treated')).toEqual({
      id: 'treated',
      denominator: 'true',
      numerator: 'unknown',
      missingFacts: ['painMonths'],
    });
    expect(of('waiting').numerator).toBe('true');
  });

  it('reads visited steps, the final step and the status of a settled walk', () => {
    const treated = place(pathway, { age: 40, flags: [], painMonths: 6, score: 20, done: false });
    expect(treated.outcome.path).toEqual(['start', 'treat']);
    expect(treated.of('treated').numerator).toBe('true');
    expect(treated.of('waiting').numerator).toBe('false');
    expect(treated.of('ended-in-done')).toMatchObject({ denominator: 'true', numerator: 'false' });
    const done = place(pathway, { age: 40, flags: [], painMonths: 1 });
    expect(done.of('treated').numerator).toBe('false');
    expect(done.of('ended-in-done').denominator).toBe('false');
  });

  it('reads a listed follow-up by its status', () => {
    const { of } = place(pathway, { age: 40, flags: [], painMonths: 6, score: 20, done: false });
    expect(of('review-due')).toMatchObject({ denominator: 'true', numerator: 'true' });
  });

  it('reads a follow-up whose rule does not apply as not applicable', () => {
    const { of } = place(pathway, { age: 40, flags: [], painMonths: 6, score: 5, done: false });
    expect(of('review-due')).toMatchObject({ denominator: 'true', numerator: 'false' });
  });

  it('reads a follow-up as unknown when whether it applies is unknown, naming the fact', () => {
    const { of } = place(pathway, { age: 40, flags: [], painMonths: 6, done: false });
    expect(of('review-due')).toEqual({
      id: 'review-due',
      denominator: 'true',
      numerator: 'unknown',
      missingFacts: ['score'],
    });
  });
});

describe('the case-mix stratum', () => {
  const pathway = opioidIndicatorPathway();
  const stratum = (facts: Record<string, unknown>) => place(pathway, facts).stratum;

  it('joins the age band and the sex as age:45-64|sex:female', () => {
    expect(stratum({ age: 50, sex: 'female' })).toBe('age:45-64|sex:female');
  });

  it('labels the bands <18, 18-44, 45-64 and 65+ at their edges', () => {
    expect(stratum({ age: 17, sex: 'male' })).toBe('age:<18|sex:male');
    expect(stratum({ age: 18, sex: 'male' })).toBe('age:18-44|sex:male');
    expect(stratum({ age: 44, sex: 'male' })).toBe('age:18-44|sex:male');
    expect(stratum({ age: 64, sex: 'male' })).toBe('age:45-64|sex:male');
    expect(stratum({ age: 65, sex: 'male' })).toBe('age:65+|sex:male');
  });

  it('answers unknown when a stratum fact is unknown', () => {
    expect(stratum({ age: 50 })).toBe('unknown');
    expect(stratum({ sex: 'female' })).toBe('unknown');
  });

  it('answers undefined for a pathway without caseMix', () => {
    expect(place(miniPathway(), { age: 50 }).stratum).toBeUndefined();
  });
});

describe('indicator infos', () => {
  it('lists each indicator as a run keeps it, optional fields only when given', () => {
    const infos = compileIndicators(opioidIndicatorPathway()).infos;
    expect(infos.map((i) => i.id)).toEqual([
      'mme-50',
      'mme-90',
      'opioid-benzodiazepine',
      'long-term-alert',
      'dose-alert-undecided-or-not',
      'mme-over-days',
    ]);
    expect(infos[4]).toEqual({
      id: 'dose-alert-undecided-or-not',
      title: { sv: 'dose-alert-undecided-or-not', en: 'dose-alert-undecided-or-not' },
      direction: 'higher-is-better',
      target: 0.9,
      references: ['cdc-2022'],
    });
  });
});
