import { describe, expect, it } from 'vitest';
import { updateStep } from '../../editor/src/model/edit';
import { transitionEdgeId } from '../../editor/src/model/ids';
import { computeProblems, problemCounts, targetOfPath } from '../../editor/src/model/problems';
import { applicableScenarios } from '../../editor/src/model/scenarios';
import { chronicPain, chronicPainScenarios } from './helpers';

const pathway = chronicPain();

describe('problems as the author types', () => {
  it('finds none in the shipped pathway', () => {
    expect(computeProblems(pathway).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reports a schema error at the field, pointing at the step it belongs to', () => {
    const broken = updateStep(pathway, 'follow-up', (s) => ({ ...s, title: {} }));
    const problems = computeProblems(broken);
    const index = pathway.steps.findIndex((s) => s.id === 'follow-up');
    expect(problems[0]).toMatchObject({
      source: 'schema',
      path: `steps[${index}].title`,
      target: { kind: 'step', stepId: 'follow-up' },
    });
  });

  it('reports lint findings with the transition to focus, and counts them per node and edge', () => {
    const broken = updateStep(pathway, 'follow-up', (s) => ({
      ...s,
      transitions: s.transitions.map((t, i) =>
        i === 0
          ? {
              ...t,
              when: { fact: 'painDurationMonths', operator: 'greaterThan' as const, value: 9999 },
            }
          : t,
      ),
    }));
    const problems = computeProblems(broken);
    const range = problems.find((p) => p.rule === 'threshold-out-of-range');
    expect(range?.target).toEqual({ kind: 'transition', stepId: 'follow-up', index: 0 });
    const counts = problemCounts(problems);
    expect(counts.edges.get(transitionEdgeId('follow-up', 0))).toBeGreaterThan(0);
    expect(counts.steps.get('follow-up')).toBeGreaterThan(0);
  });

  it('maps schema paths of alerts, named conditions, facts and global transitions to what to select', () => {
    expect(targetOfPath(pathway, 'alerts[0].message.sv')).toEqual({
      kind: 'alert',
      id: pathway.alerts[0]?.id,
    });
    expect(targetOfPath(pathway, 'conditions[1].when')).toEqual({ kind: 'named', name: 'atRisk' });
    expect(targetOfPath(pathway, 'globalTransitions[2].when')).toEqual({
      kind: 'global',
      index: 2,
    });
    expect(targetOfPath(pathway, 'facts[0].range')).toEqual({ kind: 'fact', name: 'age' });
    expect(targetOfPath(pathway, 'title')).toBeNull();
  });
});

describe('which scenarios apply', () => {
  it('uses the scenarios naming the version, else those of the latest earlier version', () => {
    const all = chronicPainScenarios();
    const direct = applicableScenarios(all, '1.3.0');
    expect(direct.every((e) => e.basis === '1.3.0')).toBe(true);
    const inherited = applicableScenarios(all, '1.4.0');
    expect(inherited.map((e) => e.file)).toEqual(direct.map((e) => e.file));
    expect(inherited.every((e) => e.basis === '1.3.0')).toBe(true);
    expect(applicableScenarios(all, '0.9.0')).toEqual([]);
  });
});
