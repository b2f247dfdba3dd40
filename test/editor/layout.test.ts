import { describe, expect, it } from 'vitest';
import {
  applyNodeMove,
  autoLayout,
  EMPTY_LAYOUT,
  pruneLayout,
  resolvePositions,
} from '../../editor/src/model/layout';
import { chronicPain, chronicPainLayout } from './helpers';

const pathway = chronicPain();

describe('the layout sidecar', () => {
  it('keeps automatic positions until the first move, then writes every position, rounded', () => {
    const moved = applyNodeMove(pathway, EMPTY_LAYOUT, { 'follow-up': { x: 100.7, y: -3.2 } });
    expect(Object.keys(moved.nodes)).toEqual(pathway.steps.map((s) => s.id));
    expect(moved.nodes['follow-up']).toEqual({ x: 101, y: -3 });
    const auto = autoLayout(pathway);
    expect(moved.nodes['intake-assessment']).toEqual(auto['intake-assessment']);
  });

  it('uses saved positions and lays out only the steps that have none', () => {
    const layout = chronicPainLayout();
    const partial = { ...layout, nodes: { ...layout.nodes } };
    delete partial.nodes['follow-up'];
    const positions = resolvePositions(pathway, partial);
    expect(positions['intake-assessment']).toEqual(layout.nodes['intake-assessment']);
    expect(positions['follow-up']).toEqual(autoLayout(pathway)['follow-up']);
  });

  it('lays out the same graph the same way every time', () => {
    const copy = structuredClone(pathway);
    expect(autoLayout(copy)).toEqual(autoLayout(pathway));
  });

  it('forgets positions of steps that are gone', () => {
    const layout = {
      schemaVersion: 1 as const,
      nodes: { ghost: { x: 1, y: 1 }, 'follow-up': { x: 2, y: 2 } },
    };
    expect(pruneLayout(pathway, layout).nodes).toEqual({ 'follow-up': { x: 2, y: 2 } });
  });
});
