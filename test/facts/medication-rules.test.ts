import { describe, expect, it } from 'vitest';
import { noteText } from '../../engine/describe/notes';
import {
  legacyMedicationPathway,
  medicationPathway,
  UNCLASSIFIED,
} from '../fixtures/medication-pathway';
import { derive, pathwayErrorOf } from './helpers';

const AS_OF = '2026-04-01';
const oxy = (dose: number, extra: Record<string, unknown> = {}) => ({
  atc: 'N02AA05',
  dose,
  unit: 'mg/day',
  since: '2025-01-01',
  ...extra,
});
const of = (medications: unknown[], pathway = medicationPathway()) =>
  derive({ medications }, { asOf: AS_OF }, pathway);

describe('medication facts by drug class and a table in the file', () => {
  it('counts oxycodone/naloxone by its oxycodone dose: 80 mg/day is 120 MME/day', () => {
    const { values, notes } = of([
      { atc: 'N02AA55', dose: 80, unit: 'mg/day', since: '2025-01-01' },
    ]);
    expect(values['opioidMme']).toBe(120);
    expect(notes).toEqual([]);
  });

  it('makes the sum a lower bound when an opioid has no factor, and names the drug', () => {
    const { values, notes } = of([
      oxy(40),
      { atc: 'N02AB01', name: 'ketobemidone', dose: 50, unit: 'mg/day', since: '2025-01-01' },
    ]);
    expect(values['opioidMme']).toEqual({ atLeast: 60 });
    expect(notes).toEqual([
      expect.objectContaining({
        code: 'mme-no-factor',
        atc: 'N02AB01',
        drug: 'ketobemidone',
        incomplete: true,
      }),
    ]);
    expect(noteText(notes[0]!, medicationPathway(), 'en')).toBe(
      'opioidMme is incomplete (a lower bound): ketobemidone (N02AB01) has no MME factor (not in the pathway’s table).',
    );
  });

  it('treats methadone as an opioid without a factor, saying why', () => {
    const { values, notes } = of([
      { atc: 'N07BC02', dose: 60, unit: 'mg/day' },
      { atc: 'N05BA01' },
    ]);
    expect(values['onOpioid']).toBe(true);
    expect(values['onBenzodiazepine']).toBe(true);
    expect(values['opioidMme']).toEqual({ atLeast: 0 });
    expect(notes[0]).toMatchObject({ code: 'mme-no-factor', exclusion: { reason: 'non-linear' } });
  });

  it('makes a sum with an unreadable dose a lower bound rather than unknown', () => {
    const { values } = of([oxy(40), { atc: 'N02AX02', since: '2025-01-01' }]);
    expect(values['opioidMme']).toEqual({ atLeast: 60 });
  });

  it('keeps a drug class unknown, not false, while an unclassified drug could belong to it', () => {
    const { values, notes } = of([oxy(40), UNCLASSIFIED]);
    expect(values['onOpioid']).toBe(true);
    expect(values['onBenzodiazepine']).toBeUndefined();
    expect(values['opioidMme']).toEqual({ atLeast: 60 });
    expect(notes.map((n) => [n.code, n.fact])).toEqual([
      ['medication-uncertain', 'onBenzodiazepine'],
      ['medication-uncertain', 'opioidMme'],
      ['medication-uncertain', 'opioidDays'],
      ['medication-uncertain', 'daysSinceOpioidDoseIncrease'],
    ]);
    expect(noteText(notes[0]!, medicationPathway(), 'en')).toBe(
      'onBenzodiazepine is unknown: diazepam is coded as http://www.nlm.nih.gov/research/umls/rxnorm|3322, which cannot be classified.',
    );
  });

  it('does not count a drug whose record has no status, but does not rule it out either', () => {
    const { values } = of([{ atc: 'N05BA01', uncertain: { reason: 'status-unknown' } }]);
    expect(values['onBenzodiazepine']).toBeUndefined();
    expect(values['onOpioid']).toBe(false);
    expect(values['opioidMme']).toBe(0);
  });

  it('lets an uncertain entry of another class leave this class decided', () => {
    const { values } = of([{ atc: 'N05BA01', uncertain: { reason: 'status-unknown' } }, oxy(10)]);
    expect(values['onOpioid']).toBe(true);
    expect(values['opioidMme']).toBe(15);
  });

  it('reads a list that was only partly sent as possibly holding any drug', () => {
    const { values } = of([
      { uncertain: { reason: 'list-incomplete', detail: 'medicationRequests' } },
    ]);
    expect(values['onOpioid']).toBeUndefined();
    expect(values['onBenzodiazepine']).toBeUndefined();
    expect(values['opioidMme']).toEqual({ atLeast: 0 });
    expect(values['opioidDays']).toEqual({ atLeast: 0 });
  });

  it('counts days on an opioid from the dated drugs as a lower bound when one is undated', () => {
    const { values } = of([
      oxy(10, { since: '2026-01-01' }),
      { atc: 'N02AX02', dose: 100, unit: 'mg/day' },
    ]);
    expect(values['opioidDays']).toEqual({ atLeast: 90 });
  });

  it('counts days since the latest dose increase of any opioid', () => {
    const { values } = of([
      oxy(20, { doseIncreasedAt: '2026-03-01' }),
      {
        atc: 'N02AX02',
        dose: 100,
        unit: 'mg/day',
        since: '2025-06-01',
        doseIncreasedAt: '2026-03-18',
      },
    ]);
    expect(values['daysSinceOpioidDoseIncrease']).toBe(14);
  });

  it('leaves days since a dose increase unknown when none is recorded', () => {
    expect(of([oxy(20)]).values['daysSinceOpioidDoseIncrease']).toBeUndefined();
  });

  it('refuses a dose increase before the treatment started', () => {
    const error = pathwayErrorOf(() => of([oxy(20, { doseIncreasedAt: '2024-12-01' })]));
    expect(error.issues[0]).toMatchObject({
      code: 'FACT_RANGE',
      path: 'facts.medications[0].doseIncreasedAt',
    });
  });
});

describe('medication facts of the frozen 1.0.0/1.1.0 kind (built-in table)', () => {
  const legacy = legacyMedicationPathway();

  it('still leaves a drug without a factor out of a sum that counts as whole', () => {
    const { values, notes } = of([oxy(40), { atc: 'N02AE01', dose: 10, unit: 'mg/day' }], legacy);
    expect(values['opioidMme']).toBe(60);
    expect(notes[0]).toMatchObject({ code: 'mme-excludes', atc: 'N02AE01' });
    expect(notes[0]).not.toHaveProperty('incomplete');
  });

  it('still makes the sum unknown when a dose is unreadable', () => {
    expect(of([oxy(40), { atc: 'N02AX02' }], legacy).values['opioidMme']).toBeUndefined();
  });

  it('makes the sum unknown, never a smaller number, when an entry is uncertain', () => {
    const { values } = of([oxy(40), UNCLASSIFIED], legacy);
    expect(values['opioidMme']).toBeUndefined();
    expect(values['opioidDays']).toBeUndefined();
    expect(values['onOpioid']).toBe(true);
  });
});

describe('drug classes and tables in the file', () => {
  it('refuses a derivation naming a class the file does not declare', () => {
    const p = medicationPathway();
    const broken = {
      ...p,
      facts: p.facts.map((f) =>
        f.name === 'onOpioid'
          ? {
              ...f,
              derived: { kind: 'medicationMatch' as const, from: 'medications', class: 'opiod' },
            }
          : f,
      ),
    };
    const error = pathwayErrorOf(() => of([], broken));
    expect(error.issues[0]).toMatchObject({ path: 'facts[1].derived.class', value: 'opiod' });
  });

  it('refuses a table row citing a source the file does not list', () => {
    const p = medicationPathway();
    const table = p.mmeTables![0]!;
    const broken = {
      ...p,
      mmeTables: [{ ...table, rows: [{ ...table.rows[0]!, source: 'nowhere' }] }],
    };
    const error = pathwayErrorOf(() => of([], broken));
    expect(error.issues[0]).toMatchObject({
      path: 'mmeTables[0].rows[0].source',
      value: 'nowhere',
    });
  });

  it('refuses a row with a factor but no unit', () => {
    const p = medicationPathway();
    const table = p.mmeTables![0]!;
    const { unit: _unit, ...row } = table.rows[0]!;
    const error = pathwayErrorOf(() => of([], { ...p, mmeTables: [{ ...table, rows: [row] }] }));
    expect(error.issues[0]).toMatchObject({ path: 'mmeTables[0].rows[0].unit' });
  });
});

describe('medication facts over many patients in a row', () => {
  it('gives each list the answers a fresh pathway gives, its per-code cache shared across patients', () => {
    const codes = [
      'N02AA01',
      'N05BA01',
      'N02AX02',
      'M01AE01',
      'N02AA05',
      'N05BA12',
      'A02BC01',
      'N02BE01',
      'N02AA55',
      'C09AA05',
      'N05CF01',
      'R06AE07',
    ];
    const reused = medicationPathway();
    const lists = Array.from({ length: 40 }, (_, k) =>
      [k, k * 5 + 1, k * 7 + 3].slice(0, 1 + (k % 3)).map((n) => ({
        atc: codes[n % codes.length],
        dose: 10,
        unit: 'mg/day',
        since: '2025-01-01',
      })),
    );
    for (const list of lists) {
      // A code string built afresh, as each line of a file gives one.
      const copied = list.map((m) => ({ ...m, atc: String(m.atc).split('').join('') }));
      expect(of(copied, reused).values).toEqual(of(list, medicationPathway()).values);
    }
    // The lists do tell opioids, benzodiazepines and other drugs apart.
    const seen = lists.map((list) => of(list, reused).values['onOpioid']);
    expect(new Set(seen)).toEqual(new Set([true, false]));
  });
});
