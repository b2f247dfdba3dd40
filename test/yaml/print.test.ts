import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conditionSchema } from '../../engine/model/schema';
import type { Pathway } from '../../engine/model/types';
import { parsePathway, parseScenario } from '../../engine/yaml/parse';
import { printCanonical, printPathway, printScenario } from '../../engine/yaml/print';
import { conditionArb, pathwayArb, scenarioArb, trickyText } from '../fixtures/pathway-arbitraries';
import { miniPathway, step } from '../fixtures/pathways';

/** The keys of the top-level mapping, in the order they were printed. */
function topKeys(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^[A-Za-z]/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')));
}

describe('printPathway', () => {
  it('writes top-level keys in the order the schema declares them, whatever order the object has', () => {
    const shuffled = Object.fromEntries(Object.entries(miniPathway()).reverse()) as Pathway;
    expect(topKeys(printPathway(shuffled))).toEqual([
      'schemaVersion',
      'id',
      'version',
      'status',
      'effective',
      'languages',
      'title',
      'entryStep',
      'facts',
      'measures',
      'conditions',
      'globalTransitions',
      'steps',
      'alerts',
    ]);
  });

  it('orders condition keys all, any, not, condition, fact, operator, value', () => {
    const when = { value: 3, operator: 'equal', fact: 'age' } as const;
    const printed = printPathway(miniPathway({ conditions: [{ when, name: 'chronic' }] }));
    expect(printed).toContain(
      '  - name: chronic\n    when:\n      fact: age\n      operator: equal\n      value: 3\n',
    );
  });

  it('never reorders lists', () => {
    const steps = [step('zeta', 'exit'), step('alpha', 'exit'), step('start', 'primary-care')];
    const text = printPathway(miniPathway({ steps }));
    const ids = [...text.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(expect.arrayContaining(['zeta', 'alpha', 'start']));
    expect(ids.indexOf('zeta')).toBeLessThan(ids.indexOf('alpha'));
    expect(ids.indexOf('alpha')).toBeLessThan(ids.indexOf('start'));
  });

  it('leaves out keys whose value is the empty list the schema would fill in', () => {
    const text = printPathway(miniPathway());
    expect(text).not.toMatch(/^references:/m);
    expect(text).not.toMatch(/^followUps:/m);
    expect(text).not.toContain('actions: []');
    expect(text).not.toContain('transitions: []');
    expect(text).not.toMatch(/: \[\]$/m);
  });

  it('keeps an empty list when the schema has no default for it', () => {
    const text = printPathway(
      miniPathway({ conditions: [{ name: 'x', when: { condition: 'y' }, references: [] }] }),
    );
    expect(text).toContain('references: []');
    expect(parsePathway(text).conditions[0]?.references).toEqual([]);
  });

  it('orders even a condition mixing options by the condition key order', () => {
    const mixed = { value: 1, fact: 'age', not: { condition: 'x' }, any: [], all: [] };
    const text = printCanonical({ c: mixed }, z.object({ c: conditionSchema }));
    expect(text).toBe(
      'c:\n  all: []\n  any: []\n  not:\n    condition: x\n  fact: age\n  value: 1\n',
    );
  });

  it('keeps keys the schema does not know after the known ones instead of dropping them', () => {
    const text = printCanonical({ zz: 1, id: 'x', aa: 2 }, z.object({ id: z.string() }));
    expect(text).toBe('id: x\nzz: 1\naa: 2\n');
  });

  it('writes a shared object twice instead of using an anchor and alias', () => {
    const when = { fact: 'age', operator: 'greaterThan', value: 65 } as const;
    const base = miniPathway();
    const doc = miniPathway({ alerts: base.alerts.map((a) => ({ ...a, when })) });
    const text = printPathway(doc);
    expect(text).not.toMatch(/[&*]\w/);
    expect(parsePathway(text)).toEqual(doc);
  });

  it('never folds long lines, so a one-word change is a one-line diff', () => {
    const long = 'Långvarig smärta '.repeat(30).trim();
    const text = printPathway(miniPathway({ title: { sv: long, en: 'x' } }));
    expect(text).toContain(`  sv: ${long}\n`);
  });

  it('ends with exactly one newline', () => {
    const text = printPathway(miniPathway());
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('keeps text that looks like a number, boolean, date or version as text', () => {
    for (const text of [
      '1.0.0',
      '2025-01-01',
      'yes',
      'no',
      '1e3',
      'true',
      'null',
      '12',
      '0o17',
      '1:20',
      '~',
    ]) {
      const doc = miniPathway({ title: { sv: text, en: text } });
      expect(parsePathway(printPathway(doc)).title).toEqual({ sv: text, en: text });
    }
  });

  it('quotes text that YAML 1.1 readers would take for a boolean or a date', () => {
    const text = printPathway(miniPathway({ title: { sv: 'yes', en: 'on' } }));
    expect(text).toContain("  sv: 'yes'\n");
    expect(text).toContain("  en: 'on'\n");
    expect(text).toContain("  from: '2025-01-01'\n");
    expect(text).toContain('version: 1.0.0\n');
  });

  it('writes multi-line text as a literal block', () => {
    const text = printPathway(miniPathway({ title: { sv: 'rad ett\nrad två', en: 'x' } }));
    expect(text).toContain('  sv: |-\n    rad ett\n    rad två\n');
  });

  it('round-trips every awkward string', () => {
    fc.assert(
      fc.property(trickyText, (t) => {
        const doc = miniPathway({ title: { sv: t, en: t } });
        expect(parsePathway(printPathway(doc))).toEqual(doc);
      }),
    );
  });
});

describe('canonical printing properties', () => {
  it('parse(print(x)) deep-equals x for generated pathways', () => {
    fc.assert(
      fc.property(pathwayArb, (doc) => {
        expect(parsePathway(printPathway(doc))).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  });

  it('printing is idempotent: print(parse(print(x))) is byte-identical to print(x)', () => {
    fc.assert(
      fc.property(pathwayArb, (doc) => {
        const once = printPathway(doc);
        expect(printPathway(parsePathway(once))).toBe(once);
      }),
      { numRuns: 100 },
    );
  });

  it('the same document always prints to the same bytes, whatever its key order', () => {
    fc.assert(
      fc.property(pathwayArb, (doc) => {
        const reversed = JSON.parse(JSON.stringify(doc), (_key, value: unknown) =>
          value !== null && typeof value === 'object' && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value).reverse())
            : value,
        ) as Pathway;
        // JSON turns -0 into 0; compare against the same normalisation.
        const plain = JSON.parse(JSON.stringify(doc)) as Pathway;
        expect(printPathway(reversed)).toBe(printPathway(plain));
      }),
      { numRuns: 50 },
    );
  });

  it('round-trips generated conditions of any nesting', () => {
    fc.assert(
      fc.property(conditionArb, (when) => {
        const doc = miniPathway({ conditions: [{ name: 'generated', when }] });
        expect(parsePathway(printPathway(doc))).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });

  it('parse(print(x)) deep-equals x for generated scenarios', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const text = printScenario(scenario);
        expect(parseScenario(text)).toEqual(scenario);
        expect(printScenario(parseScenario(text))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
