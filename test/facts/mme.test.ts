import { describe, expect, it } from 'vitest';
import { DEFAULT_MME_TABLE, findMmeEntry, getMmeTable, MME_TABLES } from '../../engine/facts/mme';
import { isAtcCode } from '../../engine/facts/atc';
import { factsPathway, med, SELECTORS } from '../fixtures/facts';
import { derive, noteWords, pathwayErrorOf } from './helpers';
import type { Fact } from '../../engine/model/types';

const mmeOf = (...medications: Record<string, unknown>[]): unknown =>
  derive({ medications }).values['opioidMme'];

describe('the CDC 2022 MME table', () => {
  it('is the default table', () => {
    expect(DEFAULT_MME_TABLE).toBe('cdc-2022');
    expect(getMmeTable(DEFAULT_MME_TABLE).title).toBe('CDC 2022');
  });

  it('cites its source', () => {
    expect(getMmeTable('cdc-2022').source).toMatch(/CDC Clinical Practice Guideline.*2022/);
  });

  it('uses full 7-character ATC codes, each once', () => {
    const codes = getMmeTable('cdc-2022').entries.map((e) => e.atc);
    expect(codes.every((code) => isAtcCode(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has no factor for buprenorphine or methadone', () => {
    const table = getMmeTable('cdc-2022');
    expect(findMmeEntry(table, 'N02AE01')).toBeUndefined();
    expect(findMmeEntry(table, 'N07BC02')).toBeUndefined();
  });

  it('cannot be changed at run time', () => {
    const table = getMmeTable('cdc-2022');
    expect(Object.isFrozen(MME_TABLES)).toBe(true);
    expect(Object.isFrozen(table.entries)).toBe(true);
    expect(Object.isFrozen(table.entries[0])).toBe(true);
  });

  it('reports an unknown table id with code MME_TABLE and the known ids', () => {
    const error = pathwayErrorOf(() => getMmeTable('uk-2020'));
    expect(error.code).toBe('MME_TABLE');
    expect(error.message).toContain('cdc-2022');
  });
});

describe('opioid MME per day (CDC 2022)', () => {
  it.each([
    ['morphine', 'N02AA01', 30, 30],
    ['oxycodone', 'N02AA05', 40, 60],
    ['hydromorphone', 'N02AA03', 8, 40],
    ['codeine combinations', 'N02AA59', 240, 36],
    ['codeine and paracetamol', 'N02AJ06', 240, 36],
    ['tramadol', 'N02AX02', 200, 40],
    ['tapentadol', 'N02AX06', 100, 40],
  ])('converts %s (%s) %d mg/day to %d MME', (_name, atc, dose, mme) => {
    expect(mmeOf(med(atc, { dose, unit: 'mg/day' }))).toBe(mme);
  });

  it('converts a 25 µg/h fentanyl patch to 60 MME', () => {
    expect(mmeOf(med('N02AB03', { dose: 25, unit: 'ug/h' }))).toBe(60);
  });

  it('sums mixed opioids', () => {
    const mme = mmeOf(
      med('N02AA05', { dose: 20, unit: 'mg/day' }),
      med('N02AX02', { dose: 100, unit: 'mg/day' }),
      med('N02AB03', { dose: 12, unit: 'ug/h' }),
    );
    expect(mme).toBe(78.8);
  });

  it('counts the same drug listed twice twice', () => {
    expect(
      mmeOf(
        med('N02AA01', { dose: 10, unit: 'mg/day' }),
        med('N02AA01', { dose: 5, unit: 'mg/day' }),
      ),
    ).toBe(15);
  });

  it('rounds to 1 decimal', () => {
    expect(mmeOf(med('N02AA59', { dose: 31, unit: 'mg/day' }))).toBe(4.7); // 4.65
    expect(mmeOf(med('N02AX06', { dose: 0.3, unit: 'mg/day' }))).toBe(0.1); // 0.12
  });

  it('rounds a half up in spite of floating-point noise (33 mg codeine is 5 MME)', () => {
    expect(33 * 0.15).toBe(4.95);
    expect(mmeOf(med('N02AA59', { dose: 33, unit: 'mg/day' }))).toBe(5);
  });

  it('reports 49.9 MME just below the 50 threshold, without noise', () => {
    expect(mmeOf(med('N02AX02', { dose: 249.5, unit: 'mg/day' }))).toBe(49.9);
    expect(mmeOf(med('N02AA03', { dose: 9.98, unit: 'mg/day' }))).toBe(49.9);
  });

  it('reports exactly 50 MME on the threshold', () => {
    expect(mmeOf(med('N02AX02', { dose: 250, unit: 'mg/day' }))).toBe(50);
    expect(
      mmeOf(
        med('N02AA01', { dose: 30, unit: 'mg/day' }),
        med('N02AA05', { dose: 13.4, unit: 'mg/day' }),
      ),
    ).toBe(50.1);
  });

  it('is 0 for a zero dose', () => {
    expect(mmeOf(med('N02AA05', { dose: 0, unit: 'mg/day' }))).toBe(0);
  });

  it('is 0 when no opioid is taken', () => {
    expect(mmeOf(med('N05BA01', { dose: 10, unit: 'mg/day' }))).toBe(0);
  });

  it('is 0 for an empty medication list', () => {
    expect(mmeOf()).toBe(0);
  });

  it('is unknown when medications are not given', () => {
    expect(derive({}).values).not.toHaveProperty('opioidMme');
  });
});

describe('drugs the MME cannot convert', () => {
  it('counts buprenorphine as an opioid but leaves it out of the MME, with a note', () => {
    const result = derive({
      medications: [
        med('N02AA05', { dose: 40, unit: 'mg/day', since: '2026-01-01' }),
        med('N02AE01', { dose: 10, unit: 'ug/h', since: '2025-12-01' }),
      ],
    });
    expect(result.values['onOpioid']).toBe(true);
    expect(result.values['opioidMme']).toBe(60);
    expect(result.values['opioidDays']).toBe(121);
    expect(result.notes).toEqual([
      expect.objectContaining({ code: 'mme-excludes', fact: 'opioidMme', atc: 'N02AE01' }),
    ]);
    expect(noteWords(result.notes[0], 'en')).toMatch(
      /opioid dose in MME \(opioidMme\) excludes buprenorphine \(N02AE01\)/,
    );
    expect(noteWords(result.notes[0], 'sv')).toMatch(/buprenorfin/);
  });

  it('gives 0 MME with a note when buprenorphine is the only opioid', () => {
    const result = derive({ medications: [med('N02AE01', { since: '2026-01-01' })] });
    expect(result.values['opioidMme']).toBe(0);
    expect(result.notes.map((n) => n.code)).toEqual(['mme-excludes']);
  });

  it('says why methadone is excluded when a pathway counts it', () => {
    const pathway = factsPathway({
      facts: [
        { name: 'medications', type: 'medications', label: { en: 'medications' } },
        {
          name: 'mme',
          type: 'number',
          label: { en: 'MME' },
          derived: {
            kind: 'mme',
            from: 'medications',
            atc: { prefixes: ['N02A'], codes: ['N07BC02'] },
          },
        },
      ],
    });
    const result = derive(
      { medications: [med('N07BC02', { dose: 20, unit: 'mg/day' })] },
      {},
      pathway,
    );
    expect(result.values['mme']).toBe(0);
    expect(result.notes[0]).toMatchObject({ code: 'mme-excludes', atc: 'N07BC02' });
    expect(noteWords(result.notes[0], 'en', pathway)).toMatch(/methadone.*non-linear/);
  });

  it('excludes an opioid code the table does not know, with a note naming the table', () => {
    const result = derive({ medications: [med('N02AA11', { dose: 10, unit: 'mg/day' })] });
    expect(result.values['opioidMme']).toBe(0);
    expect(result.notes[0]).toMatchObject({ code: 'mme-excludes', atc: 'N02AA11' });
    expect(noteWords(result.notes[0], 'en')).toContain('CDC 2022 has no conversion factor');
  });

  it('writes one note per excluded drug even when it is listed twice', () => {
    const result = derive({ medications: [med('N02AE01'), med('N02AE01')] });
    expect(result.notes.filter((n) => n.code === 'mme-excludes')).toHaveLength(1);
  });

  it('makes the MME unknown, with a note, for an opioid without a dose', () => {
    const result = derive({
      medications: [
        med('N02AA05', { since: '2026-03-01' }),
        med('N02AA01', { dose: 10, unit: 'mg/day', since: '2026-03-10' }),
      ],
    });
    expect(result.values).not.toHaveProperty('opioidMme');
    expect(result.values['onOpioid']).toBe(true);
    expect(result.values['opioidDays']).toBe(31);
    expect(result.notes).toEqual([
      expect.objectContaining({ code: 'mme-dose-missing', fact: 'opioidMme', atc: 'N02AA05' }),
    ]);
  });

  it('makes the MME unknown, with a note, for a dose without a unit', () => {
    const result = derive({ medications: [med('N02AA05', { dose: 40 })] });
    expect(result.values).not.toHaveProperty('opioidMme');
    expect(result.notes[0]).toMatchObject({ code: 'mme-unit-missing', atc: 'N02AA05' });
  });

  it('makes the MME unknown, with a note, for a fentanyl dose in mg/day', () => {
    const result = derive({ medications: [med('N02AB03', { dose: 25, unit: 'mg/day' })] });
    expect(result.values).not.toHaveProperty('opioidMme');
    expect(result.notes[0]).toMatchObject({ code: 'mme-unit-mismatch', atc: 'N02AB03' });
    expect(noteWords(result.notes[0], 'en')).toMatch(/mg\/day.*ug\/h/);
  });

  it('makes the MME unknown for an oral opioid dosed in µg/h', () => {
    const result = derive({ medications: [med('N02AA05', { dose: 40, unit: 'ug/h' })] });
    expect(result.values).not.toHaveProperty('opioidMme');
    expect(result.notes[0]?.code).toBe('mme-unit-mismatch');
  });

  it('ignores a non-opioid without a dose', () => {
    const result = derive({
      medications: [
        med('N05BA01', { since: '2026-01-01' }),
        med('N02AA01', { dose: 10, unit: 'mg/day', since: '2026-01-01' }),
      ],
    });
    expect(result.values['opioidMme']).toBe(10);
    expect(result.notes).toEqual([]);
  });
});

describe('choosing the MME table', () => {
  // A table carried in the pathway file, beside the built-in legacy one.
  const halfTable = {
    id: 'test-half',
    title: 'Test table',
    rows: [
      { atc: 'N02AA05', drug: 'oxycodone', unit: 'mg/day' as const, factor: 0.5, source: 'test' },
    ],
  };
  const withTable = (table: string | undefined, pathwayTable?: string) => {
    const facts: Fact[] = [
      { name: 'medications', type: 'medications', label: { en: 'medications' } },
      {
        name: 'opioidMme',
        type: 'number',
        label: { en: 'MME' },
        derived: {
          kind: 'mme',
          from: 'medications',
          atc: SELECTORS.opioid,
          ...(table === undefined ? {} : { table }),
        },
      },
    ];
    return factsPathway({
      facts,
      references: [{ id: 'test', title: 'Test source' }],
      mmeTables: [halfTable],
      ...(pathwayTable === undefined ? {} : { mmeTable: pathwayTable }),
    });
  };
  const oxycodone40 = { medications: [med('N02AA05', { dose: 40, unit: 'mg/day' })] };

  it('uses the pathway’s table when the derivation names none', () => {
    const result = derive(oxycodone40, {}, withTable(undefined, 'test-half'));
    expect(result.values['opioidMme']).toBe(20);
  });

  it('prefers the derivation’s table over the pathway’s', () => {
    const result = derive(oxycodone40, {}, withTable('cdc-2022', 'test-half'));
    expect(result.values['opioidMme']).toBe(60);
  });

  it('rejects a table that does not exist, naming the pathway and the field', () => {
    const error = pathwayErrorOf(() => derive(oxycodone40, {}, withTable('anzca-2021')));
    expect(error.code).toBe('MME_TABLE');
    expect(error.pathway).toBe('mini');
    expect(error.issues[0]).toMatchObject({ path: 'facts[1].derived.table', value: 'anzca-2021' });
  });

  it('rejects a missing table even when medications are unknown', () => {
    const error = pathwayErrorOf(() => derive({}, {}, withTable(undefined, 'uk-2020')));
    expect(error.issues[0]).toMatchObject({ code: 'MME_TABLE', path: 'mmeTable' });
  });
});
