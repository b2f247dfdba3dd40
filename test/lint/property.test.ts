/**
 * The linter runs on every keystroke in the editor, so it must never throw, whatever the
 * author has half-written. Generated variations of the mini fixture check that, and that
 * the answer is deterministic and well-formed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintPathway, lintVersions, PATHWAY_RULES, VERSION_RULES } from '../../engine/lint';
import { parsePath } from '../../engine/lint/order';
import { FACT_TYPES, OPERATORS } from '../../engine/model/schema';
import type { Condition, Derivation, Fact, Pathway, Step } from '../../engine/model/types';
import { miniPathway, step, to } from '../fixtures/pathways';

const factNames = ['age', 'painMonths', 'score', 'flags', 'done', 'weeksInStep', 'meds', 'ghost'];
const stepIds = ['start', 'treat', 'done', 'flagged', 'nowhere'];
const conditionNames = ['chronic', 'other', 'missing'];

const scalar = fc.oneof(
  fc.integer({ min: -200, max: 800 }),
  fc.double(),
  fc.constantFrom('a', 'b', 'c', '', '2025-01-01'),
  fc.boolean(),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.record({ fact: fc.constantFrom(...factNames) }),
);
const leaf = fc.record({
  fact: fc.constantFrom(...factNames),
  operator: fc.constantFrom(...OPERATORS),
  value,
});
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small' },
    leaf.map((l) => l as Condition),
    fc.record({ condition: fc.constantFrom(...conditionNames) }),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;

const texts = fc
  .subarray(['sv', 'da', 'en'] as const, { minLength: 1 })
  .map((langs) => Object.fromEntries(langs.map((l) => [l, `{${l === 'sv' ? 'score' : 'scor'}}`])));

const derivation: fc.Arbitrary<Derivation> = fc.oneof(
  fc
    .record({
      kind: fc.constantFrom('medicationMatch', 'mme', 'daysSinceEarliest'),
      from: fc.constantFrom(...factNames),
    })
    .map((d) => ({ ...d, atc: { prefixes: ['N02A'], codes: [] } }) as Derivation),
  fc
    .record({ minuend: fc.constantFrom(...factNames), subtrahend: fc.constantFrom(...factNames) })
    .map((d) => ({ kind: 'difference', ...d }) as Derivation),
  fc
    .record({ part: fc.constantFrom(...factNames), whole: fc.constantFrom(...factNames) })
    .map((d) => ({ kind: 'percentOf', ...d }) as Derivation),
);

const extraFact: fc.Arbitrary<Fact> = fc
  .record({
    name: fc.constantFrom(...factNames),
    type: fc.constantFrom(...FACT_TYPES),
    min: fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined }),
    max: fc.option(fc.integer({ min: -10, max: 100 }), { nil: undefined }),
    derived: fc.option(derivation, { nil: undefined }),
  })
  .map(({ name, type, min, max, derived }) => {
    const f: Fact = { name, type, label: { en: name }, range: {} };
    if (min !== undefined && f.range !== undefined) f.range.min = min;
    if (max !== undefined && f.range !== undefined) f.range.max = max;
    if (derived !== undefined) f.derived = derived;
    return f;
  });

const extraStep: fc.Arbitrary<Step> = fc
  .record({
    id: fc.constantFrom(...stepIds),
    level: fc.constantFrom('primary-care', 'specialist-care', 'other', 'exit') as fc.Arbitrary<
      Step['level']
    >,
    transitions: fc.array(fc.record({ target: fc.constantFrom(...stepIds), when: condition }), {
      maxLength: 3,
    }),
  })
  .map(({ id, level, transitions }) =>
    step(
      id,
      level,
      transitions.map((t) => to(t.target, t.when)),
    ),
  );

const variation: fc.Arbitrary<Pathway> = fc
  .record({
    languages: fc.subarray(['sv', 'da', 'en'] as const, { minLength: 1 }),
    entryStep: fc.constantFrom(...stepIds),
    to: fc.option(fc.constantFrom('2024-01-01', '2025-01-01', '2030-01-01'), { nil: undefined }),
    mmeTable: fc.option(fc.constantFrom('cdc-2022', 'uk'), { nil: undefined }),
    facts: fc.array(extraFact, { maxLength: 4 }),
    dropFacts: fc.integer({ min: 0, max: 6 }),
    conditions: fc.array(fc.record({ name: fc.constantFrom(...conditionNames), when: condition }), {
      maxLength: 3,
    }),
    globals: fc.array(fc.record({ target: fc.constantFrom(...stepIds), when: condition }), {
      maxLength: 2,
    }),
    steps: fc.array(extraStep, { maxLength: 3 }),
    dropSteps: fc.integer({ min: 0, max: 3 }),
    alerts: fc.array(fc.record({ when: condition, message: texts }), { maxLength: 2 }),
    measures: fc.array(fc.constantFrom('nrs', 'hads'), { maxLength: 2 }),
  })
  .map((v) => {
    const doc = miniPathway({ languages: [...v.languages], entryStep: v.entryStep });
    if (v.to !== undefined) doc.effective.to = v.to;
    if (v.mmeTable !== undefined) doc.mmeTable = v.mmeTable;
    doc.facts = [...doc.facts.slice(v.dropFacts), ...v.facts];
    if (doc.facts.length === 0) doc.facts = v.facts;
    doc.conditions.push(...v.conditions);
    doc.globalTransitions.push(...v.globals.map((g) => to(g.target, g.when)));
    doc.steps = [...doc.steps.slice(v.dropSteps), ...v.steps];
    v.alerts.forEach((a, i) =>
      doc.alerts.push({ id: `alert-${i}`, severity: 'info', when: a.when, message: a.message }),
    );
    doc.steps[0]?.followUps.push({ id: 'check', title: { en: 'Check' }, measures: v.measures });
    return doc;
  });

describe('lintPathway on generated variations of the mini fixture', () => {
  it('never throws, answers the same twice, and gives well-formed issues', () => {
    fc.assert(
      fc.property(variation, (doc) => {
        const issues = lintPathway(doc);
        expect(lintPathway(structuredClone(doc))).toEqual(issues);
        for (const issue of issues) {
          expect(PATHWAY_RULES).toContain(issue.rule);
          expect(['error', 'warning']).toContain(issue.severity);
          expect(issue.message.length).toBeGreaterThan(0);
          const top = parsePath(issue.path)[0];
          expect(top === undefined || Object.keys(doc).includes(String(top))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('lintVersions on generated version sets', () => {
  const dates = ['2024-01-01', '2025-01-01', '2025-06-01', '2026-01-01', '2027-01-01'];
  const version = fc
    .record({
      version: fc.constantFrom('1.0.0', '1.0.10', '1.1.0-rc.1', '1.1.0', '2.0.0'),
      status: fc.constantFrom('draft', 'active', 'retired') as fc.Arbitrary<Pathway['status']>,
      from: fc.constantFrom(...dates),
      to: fc.option(fc.constantFrom(...dates), { nil: undefined }),
      gaps: fc.boolean(),
      id: fc.constantFrom('mini', 'other'),
    })
    .map((v) => {
      const doc = miniPathway({
        id: v.id,
        version: v.version,
        status: v.status,
        effective: v.to === undefined ? { from: v.from } : { from: v.from, to: v.to },
      });
      if (v.gaps) doc.allowEffectiveGaps = true;
      return doc;
    });

  it('never throws and names a version in every issue', () => {
    fc.assert(
      fc.property(fc.array(version, { maxLength: 5 }), (docs) => {
        const issues = lintVersions(docs);
        expect(lintVersions(structuredClone(docs))).toEqual(issues);
        for (const issue of issues) {
          expect(VERSION_RULES).toContain(issue.rule);
          expect(docs.map((d) => d.version)).toContain(issue.version);
        }
      }),
      { numRuns: 300 },
    );
  });
});
