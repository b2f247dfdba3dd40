import { describe as suite, expect, it } from 'vitest';
import { EXCLUSION_WORDS, NOTE_WORDS, noteText } from '../../engine/describe/notes';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate, evaluateOutcome } from '../../engine/evaluate/evaluate';
import {
  FACT_NOTE_CODES,
  MME_EXCLUSION_REASONS,
  type FactNote,
  type FactNoteCode,
} from '../../engine/facts/notes';
import { LANGUAGES } from '../../engine/model/schema';
import type { Pathway } from '../../engine/model/types';
import { referenceEvaluate } from '../../engine/reference/evaluate';
import { factsPathway, med } from '../fixtures/facts';

const AS_OF = '2026-04-01';

/** The chronic-pain fact dictionary with the MME labelled in all three languages. */
function labelledPathway(): Pathway {
  const pathway = factsPathway();
  return {
    ...pathway,
    facts: pathway.facts.map((f) =>
      f.name === 'opioidMme'
        ? {
            ...f,
            label: { sv: 'opioiddos i MME', da: 'opioiddosis i MME', en: 'opioid dose in MME' },
          }
        : f,
    ),
  };
}

/** One note of each code, with every parameter its sentence uses. */
const SAMPLES: Record<FactNoteCode, FactNote> = {
  'mme-excludes': {
    code: 'mme-excludes',
    fact: 'opioidMme',
    atc: 'N02AE01',
    drug: 'Temgesic',
    table: 'CDC 2022',
    exclusion: { reason: 'no-published-factor', drug: 'buprenorphine' },
  },
  'mme-dose-missing': {
    code: 'mme-dose-missing',
    fact: 'opioidMme',
    atc: 'N02AA05',
    drug: 'oxycodone',
    table: 'CDC 2022',
  },
  'mme-unit-missing': {
    code: 'mme-unit-missing',
    fact: 'opioidMme',
    atc: 'N02AA05',
    drug: 'oxycodone',
    table: 'CDC 2022',
    expectedUnit: 'mg/day',
  },
  'mme-unit-mismatch': {
    code: 'mme-unit-mismatch',
    fact: 'opioidMme',
    atc: 'N02AB03',
    drug: 'fentanyl (transdermal)',
    table: 'CDC 2022',
    unit: 'mg/day',
    expectedUnit: 'ug/h',
  },
  'since-missing': { code: 'since-missing', fact: 'opioidDays', atc: 'N02AX02' },
  'mme-no-factor': {
    code: 'mme-no-factor',
    fact: 'opioidMme',
    atc: 'N02AB01',
    drug: 'ketobemidone',
    table: 'Nordic table',
    incomplete: true,
  },
  'medication-uncertain': {
    code: 'medication-uncertain',
    fact: 'onBenzodiazepine',
    drug: 'diazepam',
    uncertain: {
      reason: 'unclassified-code',
      detail: 'http://www.nlm.nih.gov/research/umls/rxnorm|3322',
    },
  },
};

suite('the words of derived-fact notes', () => {
  it('has words for every note code in Swedish, Danish and English, and for no other code', () => {
    expect(Object.keys(NOTE_WORDS).sort()).toEqual([...FACT_NOTE_CODES].sort());
    const pathway = labelledPathway();
    for (const code of FACT_NOTE_CODES) {
      const texts = LANGUAGES.map((language) => {
        const words = NOTE_WORDS[code][language] as unknown;
        expect(typeof words, `${code} in ${language}`).toBe('function');
        return noteText(SAMPLES[code], pathway, language);
      });
      for (const text of texts) {
        expect(text, code).toMatch(/\S/);
        expect(text, code).not.toMatch(/undefined|\(\)/);
      }
      // Three languages, three different sentences: none falls back to another.
      expect(new Set(texts).size, code).toBe(LANGUAGES.length);
    }
  });

  it('has words for every MME exclusion reason in every language', () => {
    expect(Object.keys(EXCLUSION_WORDS).sort()).toEqual([...MME_EXCLUSION_REASONS].sort());
    for (const reason of MME_EXCLUSION_REASONS) {
      const texts = LANGUAGES.map((language) => {
        const words = EXCLUSION_WORDS[reason][language] as unknown;
        expect(typeof words, `${reason} in ${language}`).toBe('function');
        return EXCLUSION_WORDS[reason][language]('CDC 2022', 'methadone');
      });
      expect(new Set(texts).size, reason).toBe(LANGUAGES.length);
    }
  });

  it('keeps the Swedish and English sentences the engine has always written', () => {
    const pathway = factsPathway();
    const said = (code: FactNoteCode, language: 'sv' | 'en'): string =>
      noteText(SAMPLES[code], pathway, language);
    expect(said('mme-excludes', 'sv')).toBe(
      'opioidMme räknar inte med Temgesic (N02AE01): CDC 2022 anger ingen omräkningsfaktor för buprenorfin.',
    );
    expect(said('mme-excludes', 'en')).toBe(
      'opioid dose in MME (opioidMme) excludes Temgesic (N02AE01): CDC 2022 gives no conversion factor for buprenorphine.',
    );
    expect(said('mme-dose-missing', 'sv')).toBe(
      'opioidMme är okänd: oxycodone (N02AA05) saknar strukturerad dygnsdos.',
    );
    expect(said('mme-unit-missing', 'en')).toBe(
      'opioid dose in MME (opioidMme) is unknown: the dose of oxycodone (N02AA05) has no unit (expected mg/day).',
    );
    expect(said('mme-unit-mismatch', 'sv')).toBe(
      'opioidMme är okänd: fentanyl (transdermal) (N02AB03) är doserad i mg/day, men CDC 2022 räknar om från ug/h.',
    );
    expect(said('since-missing', 'sv')).toBe(
      'opioidDays är okänd: drug (N02AX02) saknar startdatum.',
    );
    expect(said('since-missing', 'en')).toBe(
      'opioidDays is unknown: drug (N02AX02) has no start date.',
    );
  });

  it('names a table without a stated reason in the reader language', () => {
    const note: FactNote = {
      code: 'mme-excludes',
      fact: 'opioidMme',
      atc: 'N02AA11',
      table: 'CDC 2022',
    };
    expect(noteText(note, factsPathway(), 'sv')).toBe(
      'opioidMme räknar inte med drug (N02AA11): CDC 2022 har ingen omräkningsfaktor för den.',
    );
    expect(noteText(note, factsPathway(), 'en')).toBe(
      'opioid dose in MME (opioidMme) excludes drug (N02AA11): CDC 2022 has no conversion factor for it.',
    );
  });
});

suite('notes in an evaluation', () => {
  const pathway = labelledPathway();
  const compiled = compilePathway(pathway);
  const input = {
    facts: { medications: [med('N02AE01', { dose: 10, unit: 'ug/h', since: '2026-01-01' })] },
  };

  it('keeps the outcome language-free: a code and its parameters', () => {
    expect(evaluateOutcome(compiled, input, { asOf: AS_OF }).notes).toEqual([
      {
        code: 'mme-excludes',
        fact: 'opioidMme',
        atc: 'N02AE01',
        drug: 'buprenorphine',
        table: 'CDC 2022',
        exclusion: { reason: 'no-published-factor', drug: 'buprenorphine' },
      },
    ]);
  });

  it('says a note in Danish when describe() writes Danish', async () => {
    const result = await evaluate(compiled, input, { asOf: AS_OF, language: 'da' });
    expect(result.notes).toEqual([
      'opioiddosis i MME (opioidMme) medregner ikke buprenorphine (N02AE01): CDC 2022 angiver ingen omregningsfaktor for buprenorphin.',
    ]);
    expect(
      (await referenceEvaluate(pathway, input, { asOf: AS_OF, language: 'da' })).notes,
    ).toEqual(result.notes);
  });

  it('says the same note in Swedish and English as before', async () => {
    const sv = await evaluate(compiled, input, { asOf: AS_OF, language: 'sv' });
    const en = await evaluate(compiled, input, { asOf: AS_OF, language: 'en' });
    expect(sv.notes).toEqual([
      'opioiddos i MME (opioidMme) räknar inte med buprenorphine (N02AE01): CDC 2022 anger ingen omräkningsfaktor för buprenorfin.',
    ]);
    expect(en.notes).toEqual([
      'opioid dose in MME (opioidMme) excludes buprenorphine (N02AE01): CDC 2022 gives no conversion factor for buprenorphine.',
    ]);
  });
});
