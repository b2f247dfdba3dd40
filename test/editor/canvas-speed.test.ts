/**
 * What keeps the canvas fast with hundreds of steps: a drag places the nodes again without
 * deriving what they show, and every node that neither changed nor moved stays the same
 * object (React Flow and the memoised nodes skip it); overlays go into the data once; an edit
 * changes the store once; the problems are checked once per document.
 */
import { describe, expect, it } from 'vitest';
import { overlayEdges, overlayNodes } from '../../editor/src/canvas/overlays';
import { stepAlerts } from '../../editor/src/canvas/step-alerts';
import {
  keepUnchanged,
  nodePositions,
  placeNodes,
  toFlowEdges,
  toFlowNodes,
  toUnplacedNodes,
  type FlowNode,
  type StepFlowNode,
} from '../../editor/src/model/flow';
import { transitionEdgeId } from '../../editor/src/model/ids';
import { applyNodeMove } from '../../editor/src/model/layout';
import { problemsKnown } from '../../editor/src/store/problems';
import { chronicPain, chronicPainLayout, openDraftStore } from './helpers';

const pathway = chronicPain();
const layout = chronicPainLayout();
const view = { language: 'en' as const, selection: null };

describe('placing nodes apart from what they show', () => {
  it('places the nodes where toFlowNodes does', () => {
    const placed = placeNodes(
      toUnplacedNodes(pathway, view),
      nodePositions(pathway, layout),
      {},
      new WeakMap(),
    );
    expect(placed).toEqual(toFlowNodes(pathway, layout, view));
  });

  it('makes a new object for the dragged node only, and keeps every other one', () => {
    const content = toUnplacedNodes(pathway, view);
    const cache = new WeakMap<FlowNode, FlowNode>();
    const before = placeNodes(content, nodePositions(pathway, layout), {}, cache);
    const moved = applyNodeMove(pathway, layout, { 'follow-up': { x: 5, y: 7 } });
    const after = keepUnchanged(
      before,
      placeNodes(content, nodePositions(pathway, moved), {}, cache),
    );
    const changed = after.filter((node, i) => node !== before[i]).map((n) => n.id);
    expect(changed).toEqual(['follow-up']);
    expect(after.find((n) => n.id === 'follow-up')?.position).toEqual({ x: 5, y: 7 });
  });

  it('keeps the position objects of the steps a move leaves where they were', () => {
    const moved = applyNodeMove(pathway, layout, { 'follow-up': { x: 5.4, y: 7.6 } });
    expect(moved.nodes['follow-up']).toEqual({ x: 5, y: 8 });
    expect(moved.nodes['intake-assessment']).toBe(layout.nodes['intake-assessment']);
  });

  it('gives a measured size to the node it belongs to', () => {
    const placed = placeNodes(
      toUnplacedNodes(pathway, view),
      nodePositions(pathway, layout),
      { 'follow-up': { width: 240, height: 90 } },
      new WeakMap(),
    );
    expect(placed.find((n) => n.id === 'follow-up')?.measured).toEqual({
      width: 240,
      height: 90,
    });
    expect(placed.find((n) => n.id === 'intake-assessment')?.measured).toBeUndefined();
  });
});

describe('overlays in the data of nodes and edges', () => {
  it('puts alert counts, details, cohort and coverage counts into the step data', () => {
    const step = pathway.steps[0]!;
    const nodes = overlayNodes(toUnplacedNodes(pathway, view), pathway, 'en', {
      alerts: { byStep: new Map([[step.id, 2]]), everywhere: 0 },
      cohort: { patients: 10, nodes: { [step.id]: { patients: 4, share: 0.4 } }, edges: {} },
      coverage: {
        edges: {},
        alerts: {},
        steps: { [step.id]: { patients: 3, alerts: { 'mme-high': 2 } } },
        passed: 3,
      },
      focusedEdge: null,
    } as never);
    const data = (nodes.find((n) => n.id === step.id) as StepFlowNode).data;
    expect(data.alerts).toBe(2);
    expect(data.cohort).toEqual({ patients: 4, share: 0.4 });
    expect(data.coverage).toEqual({ patients: 3, alerts: 'mme-high ×2' });
    expect(data.details).toEqual({
      description: step.description?.en ?? '',
      actions: step.actions.length,
      followUps: step.followUps.length,
    });
    const other = (nodes.find((n) => n.id !== step.id && n.type === 'step') as StepFlowNode).data;
    expect(other.coverage).toEqual({ patients: 0, alerts: '' });
    expect(other.cohort).toBeUndefined();
  });

  it('counts the alerts that name a step once per document', () => {
    expect(stepAlerts(pathway)).toBe(stepAlerts(pathway));
  });

  it('marks the focused edge and leaves every other edge the same object', () => {
    const edges = toFlowEdges(pathway, view);
    const focused = transitionEdgeId('intake-assessment', 0);
    const marked = overlayEdges(edges, {
      alerts: stepAlerts(pathway),
      cohort: null,
      coverage: null,
      focusedEdge: focused,
    });
    expect(marked.find((e) => e.id === focused)?.data?.focused).toBe(true);
    expect(marked.filter((e, i) => e !== edges[i]).map((e) => e.id)).toEqual([focused]);
  });

  it('words each condition once: a new selection reuses the summaries', () => {
    const a = toFlowEdges(pathway, view);
    const b = toFlowEdges(pathway, { ...view, selection: { kind: 'step', stepId: 'follow-up' } });
    expect(b.map((e) => e.data?.summary)).toEqual(a.map((e) => e.data?.summary));
  });
});

describe('the store during a drag', () => {
  it('tells its subscribers once per pointer move', () => {
    const store = openDraftStore();
    let calls = 0;
    store.subscribe(() => (calls += 1));
    for (let i = 0; i < 5; i++)
      store.getState().edit(
        (d) => ({
          ...d,
          layout: applyNodeMove(d.pathway, d.layout, { 'follow-up': { x: i, y: i } }),
        }),
        'drag',
      );
    expect(calls).toBe(5);
    expect(store.getState().past).toHaveLength(1);
  });

  it('checks a document once and knows it afterwards', () => {
    const store = openDraftStore();
    expect(store.getState().checked).toBeNull();
    store.getState().checkDocument();
    const checked = store.getState().checked;
    expect(checked?.pathway).toBe(store.getState().pathway);
    expect(problemsKnown(store.getState().pathway!)).toBe(true);
    store.getState().checkDocument();
    expect(store.getState().checked).toBe(checked);
  });
});
