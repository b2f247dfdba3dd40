import { describe, expect, it } from 'vitest';
import {
  endOfTabOrder,
  nextInTabOrder,
  tabOrder,
  type CanvasElementRef,
} from '../../editor/src/canvas/tab-order';
import { GLOBAL_NODE_ID } from '../../editor/src/model/ids';
import { toFlowEdges, toUnplacedNodes } from '../../editor/src/model/flow';
import { ladderPathway } from '../fixtures/large-pathway';
import { chronicPain } from './helpers';

// As React Flow holds them: the "any step" node first, the entry step not first in the file.
const nodes = [
  { id: GLOBAL_NODE_ID, data: { label: 'Any step' } },
  { id: 'a', data: { isEntry: false } },
  { id: 'b', data: { isEntry: true } },
  { id: 'c', data: { isEntry: false } },
];
// As React Flow draws them: global transitions first, then each step's.
const edges = [
  { id: 'g:0', source: GLOBAL_NODE_ID },
  { id: 't:a:0', source: 'a' },
  { id: 't:b:0', source: 'b' },
  { id: 't:b:1', source: 'b' },
];

const ids = (order: readonly CanvasElementRef[]): string[] => order.map((r) => r.id);

describe('the canvas keyboard order', () => {
  it('starts at the entry step and its transitions, then each step and its transitions, "any step" last', () => {
    expect(ids(tabOrder(nodes, edges))).toEqual([
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
    let at = endOfTabOrder(nodes, edges, false);
    while (at !== undefined) {
      seen.push(at.id);
      at = nextInTabOrder(nodes, edges, at, false);
    }
    expect(seen).toEqual(ids(tabOrder(nodes, edges)));
    const back: string[] = [];
    at = endOfTabOrder(nodes, edges, true);
    while (at !== undefined) {
      back.push(at.id);
      at = nextInTabOrder(nodes, edges, at, true);
    }
    expect(back).toEqual([...seen].reverse());
    expect(nextInTabOrder(nodes, edges, { kind: 'node', id: 'b' }, true)).toBeUndefined();
    expect(nextInTabOrder(nodes, edges, { kind: 'edge', id: 'g:0' }, false)).toBeUndefined();
    expect(nextInTabOrder(nodes, edges, { kind: 'node', id: 'zz' }, false)).toBeUndefined();
  });

  it('enters at the entry step forwards and at the last element backwards; nothing when empty', () => {
    expect(endOfTabOrder(nodes, edges, false)).toEqual({ kind: 'node', id: 'b' });
    expect(endOfTabOrder(nodes, edges, true)).toEqual({ kind: 'edge', id: 'g:0' });
    expect(endOfTabOrder([], [], false)).toBeUndefined();
    expect(endOfTabOrder([], [], true)).toBeUndefined();
  });

  it('keeps the file order when no step is the entry, and places an edge from no node last', () => {
    const plain = [{ id: 'a' }, { id: 'c' }];
    const stray = [
      { id: 'x', source: 'gone' },
      { id: 'y', source: 'c' },
    ];
    expect(ids(tabOrder(plain, stray))).toEqual(['a', 'c', 'y', 'x']);
  });

  it('holds every node and edge once, on the shipped pathway and a large one', () => {
    for (const pathway of [chronicPain('1.3.0'), ladderPathway(400)]) {
      const flowNodes = toUnplacedNodes(pathway, { language: 'sv', selection: null });
      const flowEdges = toFlowEdges(pathway, { language: 'sv', selection: null });
      const order = tabOrder(flowNodes, flowEdges);
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
