import { describe, expect, it } from 'vitest';
import {
  endOfTabOrder,
  nextInTabOrder,
  tabOrder,
  type CanvasElementRef,
  type TabGraph,
} from '../../editor/src/canvas/tab-order';
import { GLOBAL_NODE_ID } from '../../editor/src/model/ids';
import { toFlowEdges, toUnplacedNodes } from '../../editor/src/model/flow';
import { stepOrder } from '../../editor/src/model/step-order';
import { ladderPathway } from '../fixtures/large-pathway';
import { chronicPain } from './helpers';

// As React Flow holds them: the "any step" node first, then the steps in the file's order.
const nodes = [{ id: GLOBAL_NODE_ID }, { id: 'a' }, { id: 'b' }, { id: 'c' }];
// As React Flow draws them: global transitions first, then each step's.
const edges = [
  { id: 'g:0', source: GLOBAL_NODE_ID },
  { id: 't:a:0', source: 'a' },
  { id: 't:b:0', source: 'b' },
  { id: 't:b:1', source: 'b' },
];

// The order a patient meets them: the entry step b first.
const graph: TabGraph = { steps: ['b', 'a', 'c'], nodes, edges };

const ids = (order: readonly CanvasElementRef[]): string[] => order.map((r) => r.id);

describe('the canvas keyboard order', () => {
  it('starts at the entry step and its transitions, then each step and its transitions in pathway order, "any step" last', () => {
    expect(ids(tabOrder(graph))).toEqual([
      'b',
      't:b:0',
      't:b:1',
      'a',
      't:a:0',
      'c',
      GLOBAL_NODE_ID,
      'g:0',
    ]);
  });

  it('walks that order with Tab and back with Shift+Tab, and stops at both ends', () => {
    const seen: string[] = [];
    let at = endOfTabOrder(graph, false);
    while (at !== undefined) {
      seen.push(at.id);
      at = nextInTabOrder(graph, at, false);
    }
    expect(seen).toEqual(ids(tabOrder(graph)));
    const back: string[] = [];
    at = endOfTabOrder(graph, true);
    while (at !== undefined) {
      back.push(at.id);
      at = nextInTabOrder(graph, at, true);
    }
    expect(back).toEqual([...seen].reverse());
    expect(nextInTabOrder(graph, { kind: 'node', id: 'b' }, true)).toBeUndefined();
    expect(nextInTabOrder(graph, { kind: 'edge', id: 'g:0' }, false)).toBeUndefined();
    expect(nextInTabOrder(graph, { kind: 'node', id: 'zz' }, false)).toBeUndefined();
  });

  it('enters at the entry step forwards and at the last element backwards; nothing when empty', () => {
    expect(endOfTabOrder(graph, false)).toEqual({ kind: 'node', id: 'b' });
    expect(endOfTabOrder(graph, true)).toEqual({ kind: 'edge', id: 'g:0' });
    const empty: TabGraph = { steps: [], nodes: [], edges: [] };
    expect(endOfTabOrder(empty, false)).toBeUndefined();
    expect(endOfTabOrder(empty, true)).toBeUndefined();
  });

  it('places a node the step order lacks after the steps, and an edge from no node last', () => {
    const stray: TabGraph = {
      steps: ['c', 'gone-step'],
      nodes: [{ id: 'a' }, { id: 'c' }],
      edges: [
        { id: 'x', source: 'gone' },
        { id: 'y', source: 'c' },
      ],
    };
    expect(ids(tabOrder(stray))).toEqual(['c', 'y', 'a', 'x']);
  });

  it('holds every node and edge once, on the shipped pathway and a large one', () => {
    for (const pathway of [chronicPain('1.3.0'), ladderPathway(400)]) {
      const flowNodes = toUnplacedNodes(pathway, { language: 'sv', selection: null });
      const flowEdges = toFlowEdges(pathway, { language: 'sv', selection: null });
      const order = tabOrder({ steps: stepOrder(pathway), nodes: flowNodes, edges: flowEdges });
      expect(order).toHaveLength(flowNodes.length + flowEdges.length);
      expect(new Set(order.map((r) => `${r.kind}:${r.id}`)).size).toBe(order.length);
      expect(order[0]).toEqual({ kind: 'node', id: pathway.entryStep });
      // The entry step's transitions follow it, in the order they are tried.
      const entry = pathway.steps.find((s) => s.id === pathway.entryStep);
      expect(ids(order.slice(1, 1 + (entry?.transitions.length ?? 0)))).toEqual(
        flowEdges.filter((e) => e.source === pathway.entryStep).map((e) => e.id),
      );
    }
  });
});
