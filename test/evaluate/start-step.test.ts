import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import type { Pathway } from '../../engine/model/types';
import { productionAnswer, referenceAnswer } from '../fixtures/fast-answers';
import { leaf, miniPathway } from '../fixtures/pathways';

const AS_OF = '2026-06-01';

/** The mini pathway with a `startStep` fact and an alert that only concerns the treat step. */
function withStartStep(): Pathway {
  const base = miniPathway();
  return {
    ...base,
    facts: [
      ...base.facts,
      {
        name: 'startStep',
        type: 'string',
        values: base.steps.map((s) => s.id),
        label: { sv: 'steg vid start', en: 'step at start' },
        derived: { kind: 'startStep' },
      },
    ],
    alerts: [
      ...base.alerts,
      {
        id: 'treatment-overdue',
        severity: 'warning',
        when: {
          all: [
            leaf('startStep', 'equal', 'treat'),
            leaf('weeksInStep', 'greaterThanInclusive', 26),
            { not: leaf('done', 'equal', true) },
          ],
        },
        message: { sv: 'Behandlingen är försenad', en: 'Treatment overdue' },
      },
    ],
  };
}

const pathway = withStartStep();
const compiled = compilePathway(pathway);
const alertIds = async (input: unknown) =>
  (await evaluate(compiled, input, { asOf: AS_OF })).alerts.map((a) => a.id);

describe('an alert about the step the patient is in', () => {
  it('fires for a patient who has been in the treat step for 30 weeks', async () => {
    const input = { currentStep: { id: 'treat', enteredAt: '2025-10-27' }, facts: { done: false } };
    expect(await alertIds(input)).toContain('treatment-overdue');
  });

  it('stays silent for a patient 30 weeks in another step who only now enters treat', async () => {
    const input = {
      currentStep: { id: 'start', enteredAt: '2025-10-27' },
      facts: { painMonths: 8, done: false, flags: [] },
    };
    const result = await evaluate(compiled, input, { asOf: AS_OF });
    expect(result.step.id).toBe('treat');
    expect(result.alerts.map((a) => a.id)).not.toContain('treatment-overdue');
    expect(result.undecidedAlerts.map((a) => a.id)).not.toContain('treatment-overdue');
  });

  it('reads the entry step when no current step is given', async () => {
    const result = await evaluate(compiled, { facts: {} }, { asOf: AS_OF });
    expect(result.derivedFacts['startStep']).toBe('start');
  });

  it('answers as the json-rules-engine reference does', async () => {
    for (const input of [
      { currentStep: { id: 'treat', enteredAt: '2025-10-27' }, facts: { done: false } },
      { currentStep: { id: 'treat' }, facts: { done: false } },
      { currentStep: { id: 'start', enteredAt: '2025-10-27' }, facts: { painMonths: 8 } },
      { facts: { painMonths: 1 } },
    ])
      expect(await productionAnswer(compiled, input, AS_OF)).toBe(
        await referenceAnswer(pathway, input, AS_OF),
      );
  });

  it('refuses a startStep given as input, since the engine derives it', async () => {
    await expect(
      evaluate(compiled, { facts: { startStep: 'treat' } }, { asOf: AS_OF }),
    ).rejects.toMatchObject({ code: 'DERIVED_FACT_GIVEN' });
  });
});
