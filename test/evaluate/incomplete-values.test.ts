/**
 * Incomplete values end to end: a sum or day count that is only a lower bound decides the
 * comparisons it can and leaves the rest unknown, names why, and reads "≥ … (incomplete)";
 * production and the json-rules-engine reference agree; and adding a record the engine
 * cannot read never makes an answer more certain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import type { EvaluationResult } from '../../engine/evaluate/result';
import { productionAnswer, referenceAnswer } from '../fixtures/fast-answers';
import { medicationPathway, UNCLASSIFIED } from '../fixtures/medication-pathway';

const AS_OF = '2026-04-01';
const pathway = medicationPathway();
const compiled = compilePathway(pathway);
const run = (medications: unknown[]): Promise<EvaluationResult> =>
  evaluate(compiled, { facts: { medications } }, { asOf: AS_OF });
const ids = (r: EvaluationResult) => r.alerts.map((a) => a.id).sort();
const undecided = (r: EvaluationResult) => r.undecidedAlerts.map((a) => a.id).sort();

const KETOBEMIDONE = {
  atc: 'N02AB01',
  name: 'ketobemidone',
  dose: 50,
  unit: 'mg/day',
  since: '2025-01-01',
};
const oxycodone = (dose: number) => ({ atc: 'N02AA05', dose, unit: 'mg/day', since: '2025-01-01' });

describe('an MME sum that is a lower bound', () => {
  it('fires the very-high alert once the known part reaches 90, and rules out the 50–90 band', async () => {
    const result = await run([oxycodone(80), KETOBEMIDONE]);
    expect(result.derivedFacts['opioidMme']).toEqual({ atLeast: 120 });
    expect(ids(result)).toContain('opioid-dose-very-high');
    expect(ids(result)).not.toContain('opioid-dose-high');
    expect(undecided(result)).not.toContain('opioid-dose-high');
    const message = result.alerts.find((a) => a.id === 'opioid-dose-very-high')?.message;
    expect(message).toBe('Opioid dose ≥ 120 MME/day (incomplete)');
  });

  it('leaves both dose alerts undecided below 90 and says which drug has no factor', async () => {
    const result = await run([oxycodone(40), KETOBEMIDONE]);
    expect(ids(result)).not.toContain('opioid-dose-high');
    expect(undecided(result)).toEqual(
      expect.arrayContaining(['opioid-dose-high', 'opioid-dose-very-high']),
    );
    const high = result.undecidedAlerts.find((a) => a.id === 'opioid-dose-high');
    expect(high?.missingFacts).toEqual(['opioidMme']);
    expect(high?.reasons).toEqual([
      'opioidMme is incomplete (a lower bound): ketobemidone (N02AB01) has no MME factor (not in the pathway’s table).',
    ]);
  });

  it('never reads an incomplete sum as 0 in the words of an alert', async () => {
    const result = await run([
      { atc: 'N07BC02', dose: 60, unit: 'mg/day', since: '2026-01-01' },
      { atc: 'N05BA01' },
    ]);
    const message = result.alerts.find((a) => a.id === 'opioid-benzodiazepine')?.message;
    expect(message).toBe('Opioid (≥ 0 MME/day (incomplete)) with a benzodiazepine');
  });

  it('writes the bound in the explanation and the trace', async () => {
    const result = await run([oxycodone(80), KETOBEMIDONE]);
    const leaf = JSON.stringify(result.trace);
    expect(leaf).toContain('"value":{"atLeast":120}');
  });
});

describe('a medication the engine cannot classify', () => {
  it('leaves opioid + benzodiazepine undecided, with the reason, instead of dropping it', async () => {
    const result = await run([oxycodone(40), UNCLASSIFIED]);
    expect(ids(result)).not.toContain('opioid-benzodiazepine');
    const open = result.undecidedAlerts.find((a) => a.id === 'opioid-benzodiazepine');
    expect(open?.missingFacts).toEqual(['onBenzodiazepine']);
    expect(open?.reasons?.[0]).toContain(
      'diazepam is coded as http://www.nlm.nih.gov/research/umls/rxnorm|3322',
    );
  });
});

/** Drugs the generator draws from: convertible, without a factor, without a dose, other classes. */
const DRUGS = [
  { atc: 'N02AA05', dose: 40, unit: 'mg/day', since: '2025-02-01' },
  { atc: 'N02AA55', dose: 80, unit: 'mg/day', since: '2026-03-20' },
  { atc: 'N02AX02', dose: 200, unit: 'mg/day', since: '2026-01-15', doseIncreasedAt: '2026-03-10' },
  { atc: 'N02AA01', since: '2026-03-01' },
  { atc: 'N02AB01', dose: 30, unit: 'mg/day', since: '2025-06-01' },
  { atc: 'N07BC02', dose: 60, unit: 'mg/day' },
  { atc: 'R05DA04', dose: 120, unit: 'mg/day', since: '2026-02-01' },
  { atc: 'N05BA01', dose: 10, unit: 'mg/day', since: '2025-01-01' },
  { atc: 'N03AX16', dose: 300, unit: 'mg/day', since: '2025-01-01' },
  { atc: 'M01AE01', dose: 1200, unit: 'mg/day', since: '2026-01-01' },
];

/** Records the engine cannot read fully. */
const UNREADABLE = [
  UNCLASSIFIED,
  { uncertain: { reason: 'list-incomplete', detail: 'medicationRequests' } },
  { atc: 'N05BA01', uncertain: { reason: 'status-unknown' } },
  { atc: 'N02AA05', dose: 20, unit: 'mg/day', uncertain: { reason: 'status-unknown' } },
  { atc: 'N02AB01', dose: 200, unit: 'mg/day', since: '2020-01-01' },
  { atc: 'N02AX02', since: '2026-03-01' },
];

const list = fc.array(fc.constantFrom(...DRUGS), { maxLength: 4 });
const extra = fc.constantFrom(...UNREADABLE);

/** An alert's state in a result. */
const state = (r: EvaluationResult, id: string): string =>
  ids(r).includes(id) ? 'fired' : undecided(r).includes(id) ? 'undecided' : 'not fired';

describe('adding a record the engine cannot read', () => {
  it('moves an alert only towards undecided when the record is uncertain', async () => {
    const uncertainOnes = UNREADABLE.filter((u) => 'uncertain' in u);
    await fc.assert(
      fc.asyncProperty(list, fc.constantFrom(...uncertainOnes), async (meds, unreadable) => {
        const before = await run(meds);
        const after = await run([...meds, unreadable]);
        for (const alert of pathway.alerts) {
          const then = state(before, alert.id);
          const now = state(after, alert.id);
          if (now !== then) expect(now, alert.id).toBe('undecided');
        }
      }),
      { numRuns: 300, seed: 1309 },
    );
  });

  it('never decides false what was fired or undecided, and never turns a ≥ alert off', async () => {
    await fc.assert(
      fc.asyncProperty(list, extra, async (meds, unreadable) => {
        const before = await run(meds);
        const after = await run([...meds, unreadable]);
        const open = new Set([...ids(after), ...undecided(after)]);
        for (const id of [...ids(before), ...undecided(before)])
          expect(open.has(id), id).toBe(true);
        // Alerts that only ask "at least" (a class, a dose or duration reached) stay fired.
        for (const id of ['opioid-benzodiazepine', 'opioid-dose-very-high', 'long-term-opioid'])
          if (ids(before).includes(id)) expect(ids(after), id).toContain(id);
        // A record that may be an opioid (or a benzodiazepine) leaves no exact sum and no "no".
        const atc = (unreadable as { atc?: string }).atc;
        if (atc === undefined || atc.startsWith('N02A')) {
          expect(typeof after.derivedFacts['opioidMme']).not.toBe('number');
          expect(after.derivedFacts['onOpioid']).not.toBe(false);
        }
        if (atc === undefined || atc.startsWith('N05BA'))
          expect(after.derivedFacts['onBenzodiazepine']).not.toBe(false);
      }),
      { numRuns: 300, seed: 1307 },
    );
  });

  it('answers exactly as the json-rules-engine reference does', async () => {
    await fc.assert(
      fc.asyncProperty(list, fc.option(extra, { nil: undefined }), async (meds, unreadable) => {
        const input = {
          facts: { medications: unreadable === undefined ? meds : [...meds, unreadable] },
        };
        expect(await productionAnswer(compiled, input, AS_OF)).toBe(
          await referenceAnswer(pathway, input, AS_OF),
        );
      }),
      { numRuns: 300, seed: 1308 },
    );
  });
});
