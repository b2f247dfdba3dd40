/**
 * A pathway with indicators and a small population whose indicator counts are worked out by
 * hand in the tests: chronic-pain 1.2.0 (its medication classes and MME table) with three
 * indicators added here, and eight patients in two health centres.
 */
import { join } from 'node:path';
import type { Indicator, Pathway } from '../../engine/model/types';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { NO_GLOBALS } from './population';

/** The evaluation date of the population. */
export const IND_AS_OF = '2026-11-23';

const texts = (en: string, sv: string, da: string) => ({ en, sv, da });

const INDICATORS: Indicator[] = [
  {
    id: 'opioid-mme-50',
    title: texts(
      'Opioid users on ≥ 50 MME/day',
      'Opioidanvändare på ≥ 50 MME/dygn',
      'Opioidbrugere på ≥ 50 MME/døgn',
    ),
    direction: 'lower-is-better',
    denominator: { fact: 'onOpioid', operator: 'equal', value: true },
    numerator: { fact: 'opioidMme', operator: 'greaterThanInclusive', value: 50 },
    references: ['cdc-2022'],
  },
  {
    id: 'opioid-benzodiazepine',
    title: texts(
      'Opioid users with a benzodiazepine or Z-drug',
      'Opioidanvändare med bensodiazepin eller z-läkemedel',
      'Opioidbrugere med benzodiazepin eller z-præparat',
    ),
    direction: 'lower-is-better',
    denominator: { fact: 'onOpioid', operator: 'equal', value: true },
    numerator: { fact: 'onBenzodiazepine', operator: 'equal', value: true },
    references: ['cdc-2022'],
  },
  {
    id: 'screened',
    title: texts(
      'Chronic-pain patients screened (ÖMPSQ)',
      'Patienter med långvarig smärta screenade (ÖMPSQ)',
      'Patienter med langvarige smerter screenet (ÖMPSQ)',
    ),
    direction: 'higher-is-better',
    target: 0.9,
    denominator: { condition: 'chronic' },
    numerator: { fact: 'ompsqShort', operator: 'greaterThanInclusive', value: 0 },
    references: ['linton-2011-ompsq-short'],
  },
];

/** chronic-pain 1.2.0 with the three indicators above. */
export async function indicatorPathway(): Promise<Pathway> {
  const repo = await loadRepository(join(process.cwd(), 'pathways'));
  const { pathway } = findVersion(repo, 'chronic-pain', { version: '1.2.0', asOf: IND_AS_OF });
  return { ...pathway, indicators: INDICATORS };
}

const morphine = (dose: number) => ({ atc: 'N02AA01', dose, unit: 'mg/day', since: '2026-10-01' });
/** Methadone: no MME factor in the table, so a sum with it is only a lower bound. */
const methadone = { atc: 'N07BC02', dose: 10, unit: 'mg/day', since: '2026-10-01' };
const diazepam = { atc: 'N05BA01', dose: 5, unit: 'mg/day', since: '2026-11-01' };

/**
 * The patients, with what each indicator makes of them (D denominator, N numerator, ? unknown):
 *
 * | line | id | centre | opioid-mme-50                  | opioid-benzodiazepine | screened            |
 * |------|----|--------|--------------------------------|-----------------------|---------------------|
 * | 1    | a1 | vc-a   | D, N (60)                      | D, not N              | D, N                |
 * | 2    | a2 | vc-a   | D, not N (20)                  | D, not N              | D, N ? (no ÖMPSQ)   |
 * | 3    | a3 | vc-a   | D, N ? (≥ 30, incomplete)      | D, not N              | not D (1 month)     |
 * | 4    | a4 | vc-a   | D, N (≥ 60, incomplete)        | D, not N              | D ? (no duration)   |
 * | 5    | —  | vc-b   | D ? (no medication list)       | D ?                   | D, N                |
 * | 6    | b2 | vc-b   | not D (no drugs)               | not D                 | D ? (no duration)   |
 * | 7    | b3 | vc-b   | D, N (120)                     | D, N (diazepam)       | not D (1 month)     |
 *
 * So vc-a: mme-50 4/2, 1 N?, 0 D?; benzo 4/0; screened 2/1, 1 N?, 1 D?.
 * vc-b: mme-50 1/1, 1 D?; benzo 1/1, 1 D?; screened 1/1, 1 D?.
 */
export const IND_LINES = [
  {
    id: 'a1',
    healthCentre: 'vc-a',
    facts: { ...NO_GLOBALS, painDurationMonths: 6, ompsqShort: 40, medications: [morphine(60)] },
  },
  {
    id: 'a2',
    healthCentre: 'vc-a',
    facts: { ...NO_GLOBALS, painDurationMonths: 6, medications: [morphine(20)] },
  },
  {
    id: 'a3',
    healthCentre: 'vc-a',
    facts: {
      ...NO_GLOBALS,
      painDurationMonths: 1,
      ompsqShort: 20,
      medications: [morphine(30), methadone],
    },
  },
  {
    id: 'a4',
    healthCentre: 'vc-a',
    facts: { ...NO_GLOBALS, ompsqShort: 20, medications: [morphine(60), methadone] },
  },
  { healthCentre: 'vc-b', facts: { ...NO_GLOBALS, painDurationMonths: 4, ompsqShort: 20 } },
  { id: 'b2', healthCentre: 'vc-b', facts: { ...NO_GLOBALS, medications: [] } },
  {
    id: 'b3',
    healthCentre: 'vc-b',
    facts: {
      ...NO_GLOBALS,
      painDurationMonths: 1,
      ompsqShort: 20,
      medications: [morphine(120), diazepam],
    },
  },
];

/** The population as NDJSON. */
export const IND_NDJSON = `${IND_LINES.map((l) => JSON.stringify(l)).join('\n')}\n`;
