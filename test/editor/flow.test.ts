import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import {
  keepUnchanged,
  toFlowEdges,
  toFlowNodes,
  walkHighlight,
  type TransitionFlowEdge,
} from '../../editor/src/model/flow';
import {
  GLOBAL_NODE_ID,
  globalEdgeId,
  parseEdgeId,
  transitionEdgeId,
} from '../../editor/src/model/ids';
import { EMPTY_LAYOUT } from '../../editor/src/model/layout';
import { chronicPain, chronicPainLayout } from './helpers';

const pathway = chronicPain();
const layout = chronicPainLayout();

describe('mapping the file format to canvas nodes', () => {
  it('names every node by its step id and places it where the layout sidecar says', () => {
    const nodes = toFlowNodes(pathway, layout, { language: 'en', selection: null });
    const steps = nodes.filter((n) => n.type === 'step');
    expect(steps.map((n) => n.id)).toEqual(pathway.steps.map((s) => s.id));
    expect(steps.find((n) => n.id === 'intake-assessment')?.position).toEqual(
      layout.nodes['intake-assessment'],
    );
  });

  it('shows titles in the chosen language, the level, the entry step and the selection', () => {
    const nodes = toFlowNodes(pathway, layout, {
      language: 'sv',
      selection: { kind: 'step', stepId: 'follow-up' },
    });
    const intake = nodes.find((n) => n.id === 'intake-assessment');
    expect(intake?.data).toMatchObject({ level: 'primary-care', isEntry: true });
    expect(intake?.data.title).toBe(pathway.steps[0]?.title.sv);
    expect(nodes.find((n) => n.id === 'follow-up')?.selected).toBe(true);
    expect(intake?.selected).toBe(false);
  });

  it('lays out steps without a saved position automatically, left to right along the walk', () => {
    const nodes = toFlowNodes(pathway, EMPTY_LAYOUT, { language: 'en', selection: null });
    const x = (id: string): number => nodes.find((n) => n.id === id)?.position.x ?? NaN;
    expect(x('intake-assessment')).toBeLessThan(x('primary-care-management'));
    expect(x('primary-care-management')).toBeLessThan(x('specialist-pain-assessment'));
  });

  it('adds one "any step" node, placed above everything, when there are global transitions', () => {
    const nodes = toFlowNodes(pathway, layout, {
      language: 'en',
      selection: null,
      anyStepLabel: 'Any',
    });
    const any = nodes.filter((n) => n.id === GLOBAL_NODE_ID);
    expect(any).toHaveLength(1);
    expect(any[0]?.draggable).toBe(false);
    const minY = Math.min(...Object.values(layout.nodes).map((p) => p.y));
    expect(any[0]?.position.y).toBeLessThan(minY);
    const without = toFlowNodes({ ...pathway, globalTransitions: [] }, layout, {
      language: 'en',
      selection: null,
    });
    expect(without.some((n) => n.id === GLOBAL_NODE_ID)).toBe(false);
  });
});

describe('mapping transitions to canvas edges', () => {
  const edges = toFlowEdges(pathway, { language: 'en', selection: null });
  const edge = (id: string): TransitionFlowEdge | undefined => edges.find((e) => e.id === id);

  it('labels each edge with its condition in words and its place in the order', () => {
    const intake = pathway.steps.find((s) => s.id === 'intake-assessment');
    expect(intake?.transitions[0]?.when).toEqual({ condition: 'chronic' });
    expect(edge(transitionEdgeId('intake-assessment', 0))?.data).toMatchObject({
      summary: 'chronic',
      order: 1,
      global: false,
    });
    expect(edge(transitionEdgeId('intake-assessment', 2))?.data?.summary).toBe('not atRisk');
  });

  it('draws global transitions from the "any step" node, marked as global', () => {
    const red = edge(globalEdgeId(0));
    expect(red).toMatchObject({ source: GLOBAL_NODE_ID, target: 'red-flag-investigation' });
    expect(red?.data?.global).toBe(true);
    expect(red?.data?.summary).toBe('red flags has an entry');
  });

  it('sets the labels of parallel transitions apart, so each one can be clicked', () => {
    // 1.2.0 has two global transitions to pathway-exit: under 18, and declines the pathway.
    const latest = chronicPain('1.2.0');
    const lanes = toFlowEdges(latest, { language: 'en', selection: null })
      .filter((e) => e.source === GLOBAL_NODE_ID && e.target === 'pathway-exit')
      .map((e) => e.data?.lane);
    expect(lanes).toEqual([-0.5, 0.5]);
    expect(edge(globalEdgeId(0))?.data?.lane).toBe(0);
  });

  it('makes one edge per transition and reads edge ids back into transitions', () => {
    const count =
      pathway.globalTransitions.length +
      pathway.steps.reduce((n, s) => n + s.transitions.length, 0);
    expect(edges).toHaveLength(count);
    expect(parseEdgeId(transitionEdgeId('follow-up', 1))).toEqual({
      kind: 'transition',
      stepId: 'follow-up',
      index: 1,
    });
    expect(parseEdgeId(globalEdgeId(2))).toEqual({ kind: 'global', index: 2 });
    expect(parseEdgeId('something-else')).toBeUndefined();
  });

  it('leaves out a transition to a step that does not exist (lint reports it instead)', () => {
    const broken = {
      ...pathway,
      steps: pathway.steps.map((s, i) =>
        i === 0 ? { ...s, transitions: [{ ...s.transitions[0]!, to: 'nowhere' }] } : s,
      ),
    };
    expect(
      toFlowEdges(broken, { language: 'en', selection: null }).some((e) => e.target === 'nowhere'),
    ).toBe(false);
  });
});

describe('highlighting a walk', () => {
  it('marks the visited steps and exactly the edges the evaluation took', async () => {
    const result = await evaluate(
      compilePathway(pathway),
      {
        facts: {
          redFlags: [],
          painDurationMonths: 8,
          age: 50,
          activeSubstanceUseDisorder: false,
          dependenceCriteriaCount: 0,
          declinesPathway: false,
        },
      },
      { asOf: '2026-11-23' },
    );
    const walk = walkHighlight(result);
    expect(walk.path[0]).toBe('intake-assessment');
    expect(walk.edges.has(transitionEdgeId('intake-assessment', 0))).toBe(true);
    const nodes = toFlowNodes(pathway, layout, { language: 'en', selection: null, walk });
    expect(nodes.find((n) => n.id === 'intake-assessment')?.data).toMatchObject({ visit: 0 });
    const final = nodes.find((n) => n.type === 'step' && n.data.final);
    expect(final?.id).toBe(result.step.id);
    const edges = toFlowEdges(pathway, { language: 'en', selection: null, walk });
    expect(
      edges
        .filter((e) => e.data?.taken)
        .map((e) => e.id)
        .sort(),
    ).toEqual([...walk.edges].sort());
  });
});

describe('keeping unchanged nodes', () => {
  it('returns the previous objects for nodes that did not change, so only a moved node re-renders', () => {
    const view = { language: 'en' as const, selection: null };
    const before = toFlowNodes(pathway, layout, view);
    const moved = { ...layout, nodes: { ...layout.nodes, 'follow-up': { x: 5, y: 5 } } };
    const after = keepUnchanged(before, toFlowNodes(pathway, moved, view));
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual(['follow-up']);
    expect(keepUnchanged(before, toFlowNodes(pathway, layout, view))).toBe(before);
  });
});
