/**
 * The medication code table parser: a malformed table is refused with typed errors naming
 * the field, and a good one becomes a flat list of system|code → ATC codings.
 */
import { describe, expect, it } from 'vitest';
import { isPathwayError, type PathwayError } from '../../engine/errors';
import {
  RXNORM_SYSTEM,
  SNOMED_SYSTEM,
  medicationSubstances,
  parseMedicationCodes,
} from '../../engine/terminology/medication-codes';

const SOURCES = `sources:
  - id: cited
    citation: A public list of codes.
    url: https://example.org/codes
`;

/** A table with one substance and the given code rows (YAML lines under `codes:`). */
function table(substances: string): string {
  return `${SOURCES}substances:\n${substances}`;
}

function diazepam(extra = ''): string {
  return `  - atc: N05BA01
    name: diazepam
    source: cited
    codes:
      - system: ${RXNORM_SYSTEM}
        code: '3322'
        display: diazepam
        source: cited
${extra}`;
}

function errorOf(text: string): PathwayError {
  try {
    parseMedicationCodes(text, 'codes.yaml');
  } catch (error) {
    if (isPathwayError(error)) return error;
    throw error;
  }
  throw new Error('expected the table to be refused');
}

describe('medicationSubstances', () => {
  it('groups the codings by substance, with its name, in the table order', () => {
    const codings = parseMedicationCodes(
      table(
        diazepam(`      - system: ${SNOMED_SYSTEM}
        code: '387264003'
        source: cited
`),
      ),
    );
    expect(medicationSubstances(codings)).toEqual([
      {
        atc: 'N05BA01',
        name: 'diazepam',
        codes: [
          { system: RXNORM_SYSTEM, code: '3322', display: 'diazepam' },
          { system: SNOMED_SYSTEM, code: '387264003' },
        ],
      },
    ]);
  });
});

describe('Swedish and Danish substance names', () => {
  const named = (names: string): string =>
    table(
      diazepam().replace(
        '    source: cited\n    codes:',
        `    source: cited\n    names:\n${names}    codes:`,
      ),
    );

  it('carries each cited name to the substance, and none when the table gives none', () => {
    const codings = parseMedicationCodes(
      named(`      - language: sv
        name: diazepam (sv)
        source: cited
      - language: da
        name: diazepam (da)
        source: cited
`),
    );
    expect(medicationSubstances(codings)[0]?.names).toEqual({
      sv: 'diazepam (sv)',
      da: 'diazepam (da)',
    });
    expect(medicationSubstances(parseMedicationCodes(table(diazepam())))[0]).not.toHaveProperty(
      'names',
    );
  });

  it('refuses a name without a declared source, or two names in one language, naming the field', () => {
    const uncited = errorOf(
      named(`      - language: sv
        name: diazepam
        source: nowhere
`),
    );
    expect(uncited.issues).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA', path: 'substances[0].names[0].source' }),
    );
    const twice = errorOf(
      named(`      - language: da
        name: diazepam
        source: cited
      - language: da
        name: diazepamum
        source: cited
`),
    );
    expect(twice.issues).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA', path: 'substances[0].names[1].language' }),
    );
  });
});

describe('parseMedicationCodes', () => {
  it('turns every code row into a coding carrying its substance ATC code', () => {
    const codings = parseMedicationCodes(
      table(
        diazepam(`      - system: ${SNOMED_SYSTEM}
        code: '387264003'
        source: cited
`),
      ),
    );
    expect(codings).toEqual([
      {
        system: RXNORM_SYSTEM,
        code: '3322',
        atc: 'N05BA01',
        display: 'diazepam',
        name: 'diazepam',
      },
      { system: SNOMED_SYSTEM, code: '387264003', atc: 'N05BA01', name: 'diazepam' },
    ]);
  });

  it('refuses a group or lower-case ATC code with ATC_FORMAT naming the field', () => {
    const group = errorOf(table(diazepam().replace('N05BA01', 'N05BA')));
    expect(group.code).toBe('ATC_FORMAT');
    expect(group.issues[0]).toMatchObject({
      code: 'ATC_FORMAT',
      path: 'substances[0].atc',
      value: 'N05BA',
      file: 'codes.yaml',
      line: 6,
    });
    expect(group.issues[0]?.message).toContain('ATC group');
    const lower = errorOf(table(diazepam().replace('N05BA01', 'n05ba01')));
    expect(lower.issues[0]).toMatchObject({ code: 'ATC_FORMAT', path: 'substances[0].atc' });
  });

  it('refuses one system|code mapped to two substances with CODE_CONFLICT', () => {
    const error = errorOf(
      table(
        `${diazepam()}  - atc: N05BA04
    name: oxazepam
    source: cited
    codes:
      - system: ${RXNORM_SYSTEM}
        code: '3322'
        source: cited
`,
      ),
    );
    expect(error.code).toBe('CODE_CONFLICT');
    expect(error.issues[0]).toMatchObject({
      code: 'CODE_CONFLICT',
      path: 'substances[1].codes[0].code',
      value: '3322',
    });
    expect(error.issues[0]?.message).toContain('maps to two substances: N05BA01');
  });

  it('refuses a code listed twice and a substance listed twice', () => {
    const twiceCode = errorOf(
      table(
        diazepam(`      - system: ${RXNORM_SYSTEM}
        code: '3322'
        source: cited
`),
      ),
    );
    expect(twiceCode.issues[0]).toMatchObject({
      code: 'CODE_CONFLICT',
      path: 'substances[0].codes[1].code',
    });
    const twiceSubstance = errorOf(table(`${diazepam()}${diazepam().replace("'3322'", "'1'")}`));
    expect(twiceSubstance.issues[0]).toMatchObject({
      code: 'CODE_CONFLICT',
      path: 'substances[1].atc',
    });
  });

  it('refuses a code row without a source, naming the row', () => {
    const error = errorOf(table(diazepam().replace(/ {8}source: cited\n$/, '')));
    expect(error.code).toBe('SCHEMA');
    expect(error.issues.map((i) => i.path)).toContain('substances[0].codes[0].source');
  });

  it('refuses a row citing a source that is not declared', () => {
    const error = errorOf(table(diazepam().replace(/source: cited\n$/, 'source: hearsay\n')));
    expect(error.issues[0]).toMatchObject({
      code: 'SCHEMA',
      path: 'substances[0].codes[0].source',
      value: 'hearsay',
    });
  });

  it('refuses a code written as a YAML number, which could lose digits', () => {
    const error = errorOf(table(diazepam().replace("'3322'", '3322')));
    expect(error.code).toBe('SCHEMA');
    expect(error.issues[0]?.path).toBe('substances[0].codes[0].code');
  });

  it('reports every problem of a table at once', () => {
    const error = errorOf(
      table(
        `${diazepam()}  - atc: N05X
    name: broken
    source: nowhere
    codes: []
`,
      ),
    );
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['SCHEMA', 'substances[1].source'],
      ['ATC_FORMAT', 'substances[1].atc'],
    ]);
  });
});
