import { describe, expect, it } from 'vitest';
import { endOfTabOrder, nextInTabOrder } from '../../editor/src/canvas/tab-order';

const nodes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const edges = [{ id: 'e1' }, { id: 'e2' }];

describe('the canvas keyboard order', () => {
  it('walks every edge, then every node, in the store order', () => {
    const seen: string[] = [];
    let at = nextInTabOrder(nodes, edges, { kind: 'edge', id: 'e1' }, false);
    while (at !== undefined) {
      seen.push(at.id);
      at = nextInTabOrder(nodes, edges, at, false);
    }
    expect(seen).toEqual(['e2', 'a', 'b', 'c']);
  });

  it('goes back from the first node to the last edge', () => {
    expect(nextInTabOrder(nodes, edges, { kind: 'node', id: 'a' }, true)).toEqual({
      kind: 'edge',
      id: 'e2',
    });
  });

  it('leaves the order to the browser past either end or for an unknown element', () => {
    expect(nextInTabOrder(nodes, edges, { kind: 'node', id: 'c' }, false)).toBeUndefined();
    expect(nextInTabOrder(nodes, edges, { kind: 'edge', id: 'e1' }, true)).toBeUndefined();
    expect(nextInTabOrder(nodes, edges, { kind: 'node', id: 'zz' }, false)).toBeUndefined();
  });
});

describe('entering the canvas by keyboard', () => {
  it('enters at the first edge with Tab and at the last node with Shift+Tab', () => {
    expect(endOfTabOrder(nodes, edges, false)).toEqual({ kind: 'edge', id: 'e1' });
    expect(endOfTabOrder(nodes, edges, true)).toEqual({ kind: 'node', id: 'c' });
  });

  it('enters at a node when there are no edges, and nowhere in an empty graph', () => {
    expect(endOfTabOrder(nodes, [], false)).toEqual({ kind: 'node', id: 'a' });
    expect(endOfTabOrder([], edges, true)).toEqual({ kind: 'edge', id: 'e2' });
    expect(endOfTabOrder([], [], false)).toBeUndefined();
    expect(endOfTabOrder([], [], true)).toBeUndefined();
  });

  it('is the element from which Tab (Shift+Tab) has nowhere further to go in the canvas', () => {
    const first = endOfTabOrder(nodes, edges, false);
    const last = endOfTabOrder(nodes, edges, true);
    expect(first && nextInTabOrder(nodes, edges, first, true)).toBeUndefined();
    expect(last && nextInTabOrder(nodes, edges, last, false)).toBeUndefined();
  });
});
