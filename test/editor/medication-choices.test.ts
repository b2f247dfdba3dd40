/** The test-patient form's medication search over the pathway's drugs and the terminology table. */
import { describe, expect, it } from 'vitest';
import { loadMedicationCodes } from '../../engine/node/medication-codes';
import { medicationSubstances } from '../../engine/terminology/medication-codes';
import {
  medicationChoices,
  searchMedications,
  type MedicationTerm,
} from '../../editor/src/tests/medication-choices';
import { chronicPain } from './helpers';

async function shippedTerms(): Promise<MedicationTerm[]> {
  return medicationSubstances(await loadMedicationCodes()).map((s) => ({
    ...s,
    codes: [...s.codes],
  }));
}

describe('medicationChoices and searchMedications', () => {
  it('finds a drug of the terminology table by its RxNorm or SNOMED code, filling its ATC code', async () => {
    const choices = medicationChoices(chronicPain('1.3.0'), await shippedTerms(), 'sv');
    const [byRxNorm] = searchMedications(choices, '7052');
    expect(byRxNorm?.choice).toMatchObject({ atc: 'N02AA01', classes: ['opioid'] });
    expect(byRxNorm?.code).toMatchObject({ code: '7052' });
    const bySnomed = searchMedications(choices, '387286002');
    expect(bySnomed.map((m) => m.choice.atc)).toEqual(['N07BC02']);
  });

  it('searches by name, class label in the UI language and ATC prefix as before', async () => {
    const choices = medicationChoices(chronicPain('1.3.0'), await shippedTerms(), 'sv');
    expect(searchMedications(choices, 'tapentadol').map((m) => m.choice.atc)).toEqual(['N02AX06']);
    expect(searchMedications(choices, 'bensodiazepin', 50).map((m) => m.choice.atc)).toContain(
      'N05BA12',
    );
    expect(
      searchMedications(choices, 'N05C', 50).every((m) => m.choice.atc.startsWith('N05C')),
    ).toBe(true);
    expect(searchMedications(choices, '  ')).toEqual([]);
  });

  it('marks a drug in no class of the pathway, and one whose class has MME factors but it has none', () => {
    const terms: MedicationTerm[] = [
      { atc: 'M01AE01', name: 'ibuprofen', codes: [{ system: 'rxnorm', code: '5640' }] },
      { atc: 'N02AB01', name: 'ketobemidone', codes: [] },
    ];
    const choices = medicationChoices(chronicPain('1.3.0'), terms, 'en');
    const of = (atc: string) => choices.find((c) => c.atc === atc);
    expect(of('M01AE01')).toMatchObject({ classes: [], noMme: false });
    expect(of('N02AB01')).toMatchObject({ classes: ['opioid'], noMme: true });
    // Methadone's row says "no factor" (non-linear): its MME is unknown as well.
    expect(of('N07BC02')).toMatchObject({ noMme: true });
    expect(of('N02AA05')).toMatchObject({ name: 'oxycodone', noMme: false });
  });
});
