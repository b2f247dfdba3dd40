/** The test-patient form's medication search over the pathway's drugs and the terminology table. */
import { describe, expect, it } from 'vitest';
import { loadMedicationCodes } from '../../engine/node/medication-codes';
import { medicationSubstances } from '../../engine/terminology/medication-codes';
import {
  medicationChoices,
  searchMedications,
  type MedicationTerm,
} from '../../editor/src/tests/medication-choices';
import { readFileSync } from 'node:fs';
import { deriveFacts } from '../../engine/facts/derive';
import type { Pathway } from '../../engine/model/types';
import { parsePathway } from '../../engine/yaml/parse';
import { chronicPain } from './helpers';

const dk = (): Pathway =>
  parsePathway(readFileSync('pathways/chronic-pain-dk/1.0.0.yaml', 'utf8'), '1.0.0.yaml');

/**
 * What the engine itself does with one certain, dosed entry of `atc`: the MME notes it writes
 * ('mme-no-factor': a lower bound; 'mme-excludes': left out), for the note to be checked against.
 */
function engineSays(pathway: Pathway, atc: string): string | false {
  const { notes } = deriveFacts(
    pathway,
    { medications: [{ atc, dose: 10, unit: 'mg/day', since: '2026-01-01' }] },
    { asOf: '2026-06-01', enteredDuringWalk: false },
  );
  const codes = new Set(notes.map((n) => n.code));
  return codes.has('mme-no-factor')
    ? 'lower-bound'
    : codes.has('mme-excludes')
      ? 'left-out'
      : false;
}

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

  it('shows the name in the UI language and finds a drug by its name in any of the three', async () => {
    const terms = await shippedTerms();
    const sv = medicationChoices(chronicPain('1.3.0'), terms, 'sv');
    const da = medicationChoices(chronicPain('1.3.0'), terms, 'da');
    const en = medicationChoices(chronicPain('1.3.0'), terms, 'en');
    const name = (choices: typeof sv, atc: string) => choices.find((c) => c.atc === atc)?.name;
    expect([name(sv, 'N02AA05'), name(da, 'N02AA05'), name(en, 'N02AA05')]).toEqual([
      'oxikodon',
      'oxycodon',
      'oxycodone',
    ]);
    const found = (choices: typeof sv, q: string) =>
      searchMedications(choices, q).map((m) => m.choice.atc);
    for (const choices of [sv, da, en])
      for (const q of ['oxikodon', 'oxycodone', 'Oxycodon'])
        expect(found(choices, q)).toContain('N02AA05');
    expect(found(sv, 'metadon')).toEqual(['N07BC02']);
    expect(found(en, 'kodein')).toEqual(['R05DA04']);
    // Hydrocodone has no cited Swedish name: the pathway's English name is shown, not a guess.
    expect(name(sv, 'R05DA03')).toBe('hydrocodone (cough medicine)');
    // ... and the form says plainly that it is the international name; never in English.
    const international = (choices: typeof sv, atc: string) =>
      choices.find((c) => c.atc === atc)?.international;
    expect(international(sv, 'R05DA03')).toBe(true);
    expect(international(da, 'N05CF04')).toBe(true);
    expect(international(sv, 'N02AA05')).toBe(false);
    expect(international(en, 'R05DA03')).toBe(false);
  });

  it('marks a drug in no class of the pathway, and one whose class has MME factors but it has none', () => {
    const terms: MedicationTerm[] = [
      { atc: 'M01AE01', name: 'ibuprofen', codes: [{ system: 'rxnorm', code: '5640' }] },
      { atc: 'N02AB01', name: 'ketobemidone', codes: [] },
    ];
    const choices = medicationChoices(chronicPain('1.3.0'), terms, 'en');
    const of = (atc: string) => choices.find((c) => c.atc === atc);
    expect(of('M01AE01')).toMatchObject({ classes: [], noMme: false });
    // Under the file's table a drug without a factor makes the sum a lower bound (was `true`:
    // the note now says what the engine does instead of "unknown").
    expect(of('N02AB01')).toMatchObject({ classes: ['opioid'], noMme: 'lower-bound' });
    // Methadone's row says "no factor" (non-linear): the sum is a lower bound as well.
    expect(of('N07BC02')).toMatchObject({ noMme: 'lower-bound' });
    expect(of('N02AA05')).toMatchObject({ name: 'oxycodone', noMme: false });
  });

  it('says what the engine does with a drug without a factor, from the tables the engine reads', async () => {
    const terms = await shippedTerms();
    // 1.0.0 names the built-in legacy table (cdc-2022) and carries no table in its file: the
    // note used to be silent there; buprenorphine is left out of its sum.
    const legacy = medicationChoices(chronicPain('1.0.0'), terms, 'sv');
    const of = (choices: readonly { atc: string }[], atc: string) =>
      choices.find((c) => c.atc === atc);
    expect(of(legacy, 'N02AE01')).toMatchObject({ noMme: 'left-out' });
    expect(of(legacy, 'N02AA01')).toMatchObject({ noMme: false });
    // Methadone is no N02A drug, so 1.0.0's MME fact does not count it at all.
    expect(of(legacy, 'N07BC02')).toMatchObject({ noMme: false });
  });

  it('agrees with the engine for every drug of both shipped pathways, every version', async () => {
    const terms = await shippedTerms();
    const pathways = [...['1.0.0', '1.1.0', '1.2.0', '1.3.0'].map((v) => chronicPain(v)), dk()];
    for (const pathway of pathways) {
      const choices = medicationChoices(pathway, terms, 'en');
      expect(choices.length).toBeGreaterThan(10);
      for (const choice of choices) {
        // A wrong unit gets its own note (mme-unit-mismatch), never a "no factor" one.
        expect({ version: pathway.version, atc: choice.atc, noMme: choice.noMme }).toEqual({
          version: pathway.version,
          atc: choice.atc,
          noMme: engineSays(pathway, choice.atc),
        });
      }
    }
  });
});
