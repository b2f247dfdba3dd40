import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PathwayError, type ErrorIssue } from '../../engine/errors';
import { migratePathway } from '../../engine/model/migrate';
import { pathwaySchema } from '../../engine/model/schema';
import { parsePathway, parseScenario, parseYamlWithSchema } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { pathwayArb } from '../fixtures/pathway-arbitraries';
import { miniPathway } from '../fixtures/pathways';

/** A small valid pathway whose line numbers the tests below rely on. */
const VALID = `schemaVersion: 1
id: mini
version: 1.0.0
status: draft
effective:
  from: 2025-01-01
languages: [sv, en]
title:
  en: Mini
entryStep: start
facts:
  - name: age
    type: integer
    label: {en: age}
steps:
  - id: start
    level: primary-care
    title: {en: Start}
    transitions:
      - to: done
        when:
          all:
            - fact: age
              operator: greaterThan
              value: 18
            - condition: adult
        reason: {en: adult}
  - id: done
    level: exit
    title: {en: Done}
`;

/** Parses text expected to fail and returns the error. */
function failure(text: string, file = 'mini/1.0.0.yaml'): PathwayError {
  try {
    parsePathway(text, file);
  } catch (error) {
    if (error instanceof PathwayError) return error;
    throw error;
  }
  throw new Error('expected the text to be rejected');
}

/** The issues of a failure as `line:column path: message`, for compact assertions. */
function where(error: PathwayError): string[] {
  return error.issues.map((i: ErrorIssue) => `${i.line}:${i.column} ${i.path ?? ''}: ${i.message}`);
}

describe('parsePathway: valid files', () => {
  it('parses a valid file and applies the schema defaults', () => {
    const pathway = parsePathway(VALID);
    expect(pathway.id).toBe('mini');
    expect(pathway.version).toBe('1.0.0');
    expect(pathway.effective.from).toBe('2025-01-01');
    expect(pathway.alerts).toEqual([]);
    expect(pathway.steps[1]?.transitions).toEqual([]);
  });

  it('reads YAML 1.2: yes, on and dates stay text', () => {
    const pathway = parsePathway(VALID.replace('  en: Mini', '  en: yes'));
    expect(pathway.title.en).toBe('yes');
  });
});

describe('parsePathway: schema errors are located and worded for a clinical lead', () => {
  it('reports an unknown operator at its exact line and column, listing the valid ones', () => {
    const error = failure(VALID.replace('operator: greaterThan', 'operator: greaterThn'));
    expect(error.code).toBe('SCHEMA');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toEqual({
      code: 'SCHEMA',
      path: 'steps[0].transitions[0].when.all[0].operator',
      value: 'greaterThn',
      file: 'mini/1.0.0.yaml',
      line: 24,
      column: 25,
      message:
        "unknown operator 'greaterThn' (expected one of equal, notEqual, lessThan, lessThanInclusive, " +
        "greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain, notEmpty) (did you mean 'greaterThan'?)",
    });
    expect(error.message).toBe(
      `mini/1.0.0.yaml:24:25: steps[0].transitions[0].when.all[0].operator: ${error.issues[0]?.message}`,
    );
  });

  it('names the pathway id on the error', () => {
    expect(failure(VALID.replace('level: exit', 'level: exitt')).pathway).toBe('mini');
  });

  it('reports a misspelt key as unknown, suggests the right one, and reports the missing key', () => {
    const error = failure(VALID.replace('        when:', '        whne:'));
    expect(where(error)).toEqual([
      "20:9 steps[0].transitions[0].when: missing required key 'when'",
      "21:9 steps[0].transitions[0].whne: unknown key 'whne' (did you mean 'when'?)",
    ]);
  });

  it('points a missing key at the mapping that lacks it', () => {
    const error = failure(VALID.replace('      - to: done\n        when:', '      - when:'));
    expect(where(error)).toEqual(["20:9 steps[0].transitions[0].to: missing required key 'to'"]);
  });

  it('reports only the intended condition option, chosen by the keys written', () => {
    const error = failure(VALID.replace('              value: 18\n', ''));
    expect(where(error)).toEqual([
      "23:15 steps[0].transitions[0].when.all[0].value: missing required key 'value'",
    ]);
  });

  it('finds problems inside not, any and all, however deep', () => {
    const text = VALID.replace(
      '            - condition: adult',
      '            - not:\n                any:\n                  - fact: Age\n                    operator: equal\n                    value: 1',
    );
    expect(where(failure(text))).toEqual([
      "28:27 steps[0].transitions[0].when.all[1].not.any[0].fact: expected a camelCase fact name such as painDurationMonths, got 'Age'",
    ]);
  });

  it('says what a condition needs when no option key is present', () => {
    const error = failure(VALID.replace('- condition: adult', '- conditon: adult'));
    expect(where(error)).toEqual([
      '26:15 steps[0].transitions[0].when.all[1]: a condition needs one of all, any, not, condition or fact',
    ]);
  });

  it('says a condition may use only one option when it mixes them', () => {
    const error = failure(
      VALID.replace('- condition: adult', '- {condition: adult, all: [{condition: x}]}'),
    );
    expect(where(error)).toEqual([
      '26:15 steps[0].transitions[0].when.all[1]: a condition uses exactly one of all, any, not, condition or fact; this one has all and condition',
    ]);
  });

  it('explains what a condition is when given something else', () => {
    const error = failure(VALID.replace('- condition: adult', '- adult'));
    expect(where(error)).toEqual([
      "26:15 steps[0].transitions[0].when.all[1]: expected a condition (a mapping with one of all, any, not, condition or fact), got 'adult'",
    ]);
  });

  it('reports an unknown derivation kind with the kinds there are', () => {
    const text = VALID.replace(
      '    label: {en: age}',
      '    label: {en: age}\n    derived: {kind: mmx}',
    );
    expect(where(failure(text))).toEqual([
      "15:21 facts[0].derived.kind: unknown kind 'mmx' (expected one of medicationMatch, mme, daysSinceEarliest, daysSinceDoseIncrease, difference, percentOf, timeInStep, startStep) (did you mean 'mme'?)",
    ]);
  });

  it('words wrong types, empty lists, bad dates and bad ids in plain language', () => {
    const text = VALID.replace('languages: [sv, en]', 'languages: []')
      .replace('from: 2025-01-01', 'from: 2025-02-30')
      .replace('- id: done', '- id: Done')
      .replace('    type: integer', '    type: integer\n    range: {min: low}');
    expect(where(failure(text))).toEqual([
      '6:9 effective.from: not a real calendar date',
      '7:12 languages: needs at least 1 item, got an empty list',
      '14:18 facts[0].range.min: expected a number, got low',
      "29:9 steps[1].id: expected a kebab-case id such as primary-care-mmr, got 'Done'",
    ]);
  });

  it('collects every problem in the file, sorted by position', () => {
    const text = VALID.replace('status: draft', 'status: drafty')
      .replace('level: exit', 'level: exitt')
      .replace('operator: greaterThan', 'operator: gt');
    const error = failure(text);
    expect(error.issues.map((i) => i.line)).toEqual([4, 24, 29]);
    expect(error.message).toMatch(/^3 problems:\n/);
  });

  it('rejects a file whose top level is not a mapping', () => {
    expect(where(failure(''))).toEqual([
      "1:1 : a pathway file must be a mapping of keys (such as 'id: …'), got an empty file",
    ]);
    expect(failure('- a\n- b\n').code).toBe('SCHEMA');
  });
});

describe('parsePathway: schemaVersion', () => {
  it('rejects a file without schemaVersion, naming the field', () => {
    const error = failure(VALID.replace('schemaVersion: 1\n', ''));
    expect(error.code).toBe('SCHEMA_VERSION');
    expect(error.issues[0]).toMatchObject({
      path: 'schemaVersion',
      line: 1,
      column: 1,
      file: 'mini/1.0.0.yaml',
    });
    expect(error.message).toContain("missing required key 'schemaVersion'");
  });

  it('rejects a file written by a newer engine and says to upgrade', () => {
    const error = failure(VALID.replace('schemaVersion: 1', 'schemaVersion: 7'));
    expect(error.code).toBe('SCHEMA_VERSION');
    expect(error.issues[0]).toMatchObject({ path: 'schemaVersion', value: 7, line: 1, column: 16 });
    expect(error.message).toContain('newer engine');
    expect(error.message).toContain('upgrade');
  });

  it('rejects a schemaVersion that is not a whole number', () => {
    expect(failure(VALID.replace('schemaVersion: 1', "schemaVersion: '1'")).code).toBe(
      'SCHEMA_VERSION',
    );
    expect(failure(VALID.replace('schemaVersion: 1', 'schemaVersion: 1.5')).code).toBe(
      'SCHEMA_VERSION',
    );
  });

  it('migrates an older document before validating it, through the prepare hook', () => {
    const renameTitle = {
      from: 0,
      to: 1,
      migrate: ({ name, ...rest }: Record<string, unknown>) => ({ ...rest, title: name }),
    };
    const old = VALID.replace('schemaVersion: 1', 'schemaVersion: 0').replace(
      'title:\n  en: Mini',
      'name:\n  en: Mini',
    );
    const pathway = parseYamlWithSchema(old, pathwaySchema, 'old.yaml', 'pathway', {
      prepare: (raw) => migratePathway(raw, [renameTitle]),
    });
    expect(pathway.title).toEqual({ en: 'Mini' });
    expect(pathway.schemaVersion).toBe(1);
  });
});

describe('parsePathway: only plain YAML is accepted', () => {
  it('reports a YAML syntax error with file, line and column', () => {
    const error = failure(VALID.replace('  en: Mini', '  en: Mini: more'));
    expect(error.code).toBe('YAML_SYNTAX');
    expect(error.issues[0]).toMatchObject({ file: 'mini/1.0.0.yaml', line: 9, column: 7 });
  });

  it('rejects duplicate keys, naming the key and its first line', () => {
    const error = failure(VALID.replace('status: draft', 'status: draft\nstatus: active'));
    expect(where(error)).toEqual(["5:1 : duplicate key 'status' (first given at line 4)"]);
    expect(error.code).toBe('YAML_SYNTAX');
  });

  it('rejects anchors and aliases', () => {
    const text = VALID.replace('reason: {en: adult}', 'reason: &r {en: adult}').replace(
      '    title: {en: Done}',
      '    title: *r',
    );
    const error = failure(text);
    expect(error.code).toBe('YAML_SYNTAX');
    expect(where(error)).toEqual([
      '27:17 : anchors (&r) are not allowed: write the value out in full',
      '30:12 : aliases (*r) are not allowed: write the value out in full',
    ]);
  });

  it('rejects explicit tags', () => {
    const error = failure(VALID.replace('id: mini', 'id: !!str mini'));
    expect(error.code).toBe('YAML_SYNTAX');
    expect(where(error)).toEqual([
      '2:5 : explicit YAML tags (!!str) are not allowed: quote text instead',
    ]);
  });

  it('rejects a file holding several YAML documents', () => {
    const error = failure(`${VALID}---\n${VALID}`);
    expect(error.code).toBe('YAML_SYNTAX');
    expect(error.message).toContain('more than one YAML document');
  });
});

describe('parseScenario and parseYamlWithSchema', () => {
  it('parses a scenario file', () => {
    const text = `name: adult chronic pain
pathway: mini
versions: [1.0.0]
asOf: 2026-01-31
input:
  facts: {age: 40}
expect:
  step: treat
`;
    expect(parseScenario(text)).toMatchObject({
      name: 'adult chronic pain',
      versions: ['1.0.0'],
      input: { facts: { age: 40 } },
    });
  });

  it('locates scenario errors the same way', () => {
    try {
      parseScenario(
        'name: x\npathway: mini\nversions: [1.0]\nasOf: 2026-01-31\ninput: {facts: {}}\nexpect: {}\n',
        's.yaml',
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PathwayError);
      expect((error as PathwayError).issues[0]).toMatchObject({
        path: 'versions[0]',
        line: 3,
        column: 12,
        message: "expected text, got 1.0, which YAML reads as a number; put it in quotes: '1.0'",
      });
    }
  });

  it('validates any schema and names the document kind in messages', () => {
    const schema = z.strictObject({ count: z.number().int().min(0) });
    expect(parseYamlWithSchema('count: 3\n', schema, undefined, 'counter')).toEqual({ count: 3 });
    expect(() => parseYamlWithSchema('count: -1\n', schema, 'c.yaml', 'counter')).toThrow(
      'c.yaml:1:8: count: must be at least 0, got -1',
    );
    expect(() => parseYamlWithSchema('7\n', schema, 'c.yaml', 'counter')).toThrow(
      'a counter file must be a mapping',
    );
  });
});

describe('parsePathway never throws anything but a PathwayError', () => {
  const expectTyped = (text: string): void => {
    try {
      parsePathway(text, 'fuzz.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(PathwayError);
      const typed = error as PathwayError;
      expect(['YAML_SYNTAX', 'SCHEMA', 'SCHEMA_VERSION']).toContain(typed.code);
      for (const issue of typed.issues) {
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.column).toBeGreaterThanOrEqual(1);
        expect(issue.file).toBe('fuzz.yaml');
      }
    }
  };

  it('for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectTyped), {
      numRuns: 300,
    });
  });

  it('for YAML-looking text', () => {
    const token = fc.constantFrom(
      'a',
      ':',
      ' ',
      '\n',
      '- ',
      '  ',
      '[',
      ']',
      '{',
      '}',
      '&x',
      '*x',
      '!!',
      '#',
      "'",
      '"',
      '1',
      'schemaVersion: 1\n',
      'all:',
      'fact:',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }).map((t) => t.join('')),
        expectTyped,
      ),
      { numRuns: 300 },
    );
  });

  it('for valid pathway files with random damage', () => {
    const damaged = fc
      .tuple(pathwayArb, fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 }))
      .map(([doc, at, cut, insert]) => {
        const text = printPathway(doc);
        const start = at % (text.length + 1);
        return text.slice(0, start) + insert + text.slice(start + cut);
      });
    fc.assert(fc.property(damaged, expectTyped), { numRuns: 200 });
  });

  it('for a valid file with lines dropped', () => {
    const lines = printPathway(miniPathway()).split('\n');
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: lines.length - 1 }), { maxLength: 5 }), (drop) => {
        expectTyped(lines.filter((_, i) => !drop.includes(i)).join('\n'));
      }),
      { numRuns: 200 },
    );
  });
});
