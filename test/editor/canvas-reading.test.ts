import { describe, expect, it } from 'vitest';
import { labelEdges, labelNodes } from '../../editor/src/canvas/aria';
import { stepAlerts } from '../../editor/src/canvas/step-alerts';
import { STRINGS } from '../../editor/src/i18n/strings';
import { toFlowEdges, toFlowNodes } from '../../editor/src/model/flow';
import { EMPTY_LAYOUT } from '../../editor/src/model/layout';
import { zoomBandOf } from '../../editor/src/store/canvas';
import type { Pathway } from '../../engine/index';
import { leaf, miniPathway } from '../fixtures/pathways';

/** The mini pathway with a start-step fact and alerts that name steps in several ways. */
function withStepAlerts(): Pathway {
  const base = miniPathway();
  return {
    ...base,
    facts: [
      ...base.facts,
      {
        name: 'startStep',
        type: 'string',
        label: { sv: 'startsteg', en: 'start step' },
        derived: { kind: 'startStep' },
      } as Pathway['facts'][number],
    ],
    conditions: [
      ...base.conditions,
      { name: 'inTreat', when: leaf('startStep', 'equal', 'treat') },
    ],
    alerts: [
      {
        id: 'one',
        severity: 'warning',
        when: { all: [leaf('startStep', 'equal', 'start'), leaf('age', 'greaterThan', 80)] },
        message: { sv: 'a', en: 'a' },
      },
      {
        id: 'two',
        severity: 'info',
        when: leaf('startStep', 'in', ['start', 'treat']),
        message: { sv: 'b', en: 'b' },
      },
      {
        id: 'named',
        severity: 'info',
        when: { condition: 'inTreat' },
        message: { sv: 'c', en: 'c' },
      },
      {
        id: 'excluded',
        severity: 'info',
        when: { not: leaf('startStep', 'equal', 'start') },
        message: { sv: 'd', en: 'd' },
      },
      {
        id: 'anywhere',
        severity: 'critical',
        when: leaf('age', 'lessThan', 18),
        message: { sv: 'e', en: 'e' },
      },
    ],
  };
}

describe('alerts on the canvas', () => {
  it('counts an alert on each step its condition names (named conditions followed), the rest once', () => {
    const counts = stepAlerts(withStepAlerts());
    expect(Object.fromEntries(counts.byStep)).toEqual({ start: 2, treat: 2 });
    // `not` excludes a step rather than naming it: such an alert concerns every step.
    expect(counts.everywhere).toBe(2);
  });

  it('computes once per document', () => {
    const pathway = withStepAlerts();
    expect(stepAlerts(pathway)).toBe(stepAlerts(pathway));
  });
});

describe('semantic zoom bands', () => {
  it('shows titles only when far out and details when close', () => {
    expect(zoomBandOf(0.2)).toBe('overview');
    expect(zoomBandOf(0.45)).toBe('far');
    expect(zoomBandOf(0.74)).toBe('far');
    expect(zoomBandOf(1)).toBe('near');
    expect(zoomBandOf(1.4)).toBe('detail');
  });
});

describe('accessible names on the canvas', () => {
  it('names steps by title and level, and transitions by their steps’ titles, never by ids', () => {
    const pathway = withStepAlerts();
    const nodes = labelNodes(
      toFlowNodes(pathway, EMPTY_LAYOUT, { language: 'sv', selection: null }),
      STRINGS.sv,
      stepAlerts(pathway),
    );
    const start = nodes.find((n) => n.id === 'start');
    expect(start?.ariaLabel).toBe('Steg start, Primärvård, start, 2 varningar');
    expect(start?.domAttributes).toEqual({ 'aria-roledescription': 'steg' });
    // The same role object for every node, so unchanged nodes keep their identity.
    expect(nodes[1]?.domAttributes).toBe(nodes[2]?.domAttributes);
    const edges = labelEdges(
      toFlowEdges(pathway, { language: 'en', selection: null }),
      pathway,
      'en',
      STRINGS.en,
    );
    for (const edge of edges) expect(edge.ariaLabel).not.toMatch(/Edge from/);
    expect(edges.find((e) => e.id.startsWith('t:start:'))?.ariaLabel).toMatch(
      /^Transition 1 from Step start to Step \w+: /,
    );
    expect(edges.find((e) => e.id.startsWith('g:'))?.ariaLabel).toMatch(/^Global transition 1 to /);
  });
});
