/**
 * Pathways with indicators for the indicator tests: the medication pathway (MME lower bounds,
 * drug-class alerts) with opioid indicators and a case mix, and the mini pathway (a walk that
 * can stop for missing information) with indicators over steps, status and follow-ups.
 */
import type { Fact, Indicator, Pathway } from '../../engine/model/types';
import { medicationPathway } from '../fixtures/medication-pathway';
import { leaf, miniPathway } from '../fixtures/pathways';

const text = (en: string) => ({ sv: en, en });

/** An indicator citing the test source. */
export function indicator(
  id: string,
  denominator: Indicator['denominator'],
  numerator: Indicator['numerator'],
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    id,
    title: text(id),
    direction: 'lower-is-better',
    denominator,
    numerator,
    references: ['cdc-2022'],
    ...extra,
  };
}

const onOpioid = leaf('onOpioid', 'equal', true);

const STRATUM_FACTS: Fact[] = [
  {
    name: 'age',
    type: 'integer',
    range: { min: 0, max: 120 },
    label: text('age'),
  },
  { name: 'sex', type: 'string', values: ['female', 'male', 'other'], label: text('sex') },
];

/** The medication pathway with opioid indicators and an age × sex case mix. */
export function opioidIndicatorPathway(): Pathway {
  const base = medicationPathway();
  return {
    ...base,
    facts: [...base.facts, ...STRATUM_FACTS],
    indicators: [
      indicator('mme-50', onOpioid, leaf('opioidMme', 'greaterThanInclusive', 50)),
      indicator('mme-90', onOpioid, leaf('opioidMme', 'greaterThanInclusive', 90)),
      indicator('opioid-benzodiazepine', onOpioid, leaf('onBenzodiazepine', 'equal', true)),
      indicator('long-term-alert', onOpioid, leaf('$alert:long-term-opioid', 'equal', true)),
      indicator(
        'dose-alert-undecided-or-not',
        leaf('$status', 'equal', 'settled'),
        { not: leaf('$alert:opioid-dose-high', 'equal', true) },
        { direction: 'higher-is-better', target: 0.9 },
      ),
      indicator(
        'mme-over-days',
        onOpioid,
        leaf('opioidMme', 'greaterThan', { fact: 'opioidDays' }),
      ),
    ],
    caseMix: [{ fact: 'age', bands: [18, 45, 65] }, { fact: 'sex' }],
  };
}

/** The mini pathway with indicators over the walk and a follow-up. */
export function walkIndicatorPathway(): Pathway {
  const base = miniPathway({
    references: [{ id: 'cdc-2022', title: 'CDC 2022' }],
  });
  return {
    ...base,
    steps: base.steps.map((s) =>
      s.id === 'treat'
        ? {
            ...s,
            followUps: [
              {
                id: 'review',
                title: text('review'),
                measures: ['nrs'],
                appliesWhen: leaf('score', 'greaterThanInclusive', 10),
                dueWhen: leaf('done', 'equal', false),
              },
            ],
          }
        : s,
    ),
    indicators: [
      indicator(
        'treated',
        leaf('age', 'greaterThanInclusive', 18),
        leaf('$visited:treat', 'equal', true),
      ),
      indicator(
        'waiting',
        leaf('age', 'greaterThanInclusive', 0),
        leaf('$status', 'equal', 'needs-information'),
      ),
      indicator(
        'ended-in-done',
        { condition: 'chronic' },
        leaf('$step', 'in', ['done', 'flagged']),
      ),
      indicator(
        'review-due',
        leaf('$visited:treat', 'equal', true),
        leaf('$followUp:review', 'in', ['due', 'overdue']),
      ),
    ],
  };
}
