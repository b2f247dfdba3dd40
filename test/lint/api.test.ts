import { describe, expect, it } from 'vitest';
import { lintPathway, lintVersions, PATHWAY_RULES, VERSION_RULES } from '../../engine/lint';
import { PATHWAY_RULE_CHECKS, VERSION_RULE_CHECKS } from '../../engine/lint/rules';
import { leaf, miniPathway, step } from '../fixtures/pathways';
import { at, edited } from './helpers';

describe('lintPathway', () => {
  it('finds nothing wrong with the mini fixture', () => {
    expect(lintPathway(miniPathway())).toEqual([]);
  });

  it('runs exactly one check for every rule code, and each code once', () => {
    expect(PATHWAY_RULE_CHECKS.map((r) => r.rule).sort()).toEqual([...PATHWAY_RULES].sort());
    expect(VERSION_RULE_CHECKS.map((r) => r.rule).sort()).toEqual([...VERSION_RULES].sort());
  });

  it('lists issues in document order, whatever rule found them', () => {
    const doc = edited((d) => {
      d.entryStep = 'begin';
      at(d.alerts, 1).when = leaf('ag', 'greaterThan', 65);
      at(d.steps, 0).transitions = [];
      at(d.facts, 2).label = { sv: 'poäng' };
    });
    expect(lintPathway(doc).map((i) => `${i.rule} ${i.path}`)).toEqual([
      'unknown-step entryStep',
      'missing-text facts[2].label.en',
      'unused-condition conditions[0]',
      'dead-end-step steps[0].transitions',
      'unknown-fact alerts[1].when.fact',
    ]);
  });

  it('gives the same issues for the same document every time', () => {
    const doc = edited((d) => {
      d.languages = ['sv', 'da', 'en'];
      d.steps.push(step('orphan', 'primary-care'));
    });
    const first = lintPathway(doc);
    expect(first.length).toBeGreaterThan(5);
    expect(lintPathway(structuredClone(doc))).toEqual(first);
  });

  it('does not change the document it lints', () => {
    const doc = edited((d) => d.steps.push(step('orphan', 'primary-care')));
    const before = structuredClone(doc);
    lintPathway(doc);
    expect(doc).toEqual(before);
  });
});

describe('lintVersions', () => {
  it('finds nothing wrong with a retired version followed seamlessly by an active one', () => {
    const old = miniPathway({
      status: 'retired',
      effective: { from: '2025-01-01', to: '2026-07-01' },
    });
    const current = miniPathway({
      version: '1.1.0',
      status: 'active',
      effective: { from: '2026-07-01' },
    });
    expect(lintVersions([old, current])).toEqual([]);
  });

  it('finds nothing to compare in an empty list', () => {
    expect(lintVersions([])).toEqual([]);
  });
});
