/**
 * Node sizes known before React Flow measures them: every placed node carries a size and
 * handle places, so React Flow mounts only the nodes in view (it mounts any node without
 * them, hidden, to measure it), and the estimates follow the step's CSS in each zoom band.
 */
import { describe, expect, it } from 'vitest';
import {
  bandSizing,
  estimateNodeSize,
  nodeHandles,
  stepHeight,
  wrappedLines,
} from '../../editor/src/canvas/node-size';
import { fittedViewport } from '../../editor/src/canvas/initial-view';
import { overlayNodes } from '../../editor/src/canvas/overlays';
import { stepAlerts } from '../../editor/src/canvas/step-alerts';
import {
  nodePositions,
  placeNodes,
  toUnplacedNodes,
  type FlowNode,
  type StepNodeData,
} from '../../editor/src/model/flow';
import { GLOBAL_NODE_ID } from '../../editor/src/model/ids';
import { ladderPathway } from '../fixtures/large-pathway';
import { chronicPain, chronicPainLayout, openDraftStore } from './helpers';

const pathway = chronicPain();
const layout = chronicPainLayout();
const view = { language: 'sv' as const, selection: null };

function step(title: string, more: Partial<StepNodeData> = {}): StepNodeData {
  return {
    title,
    level: 'primary-care',
    isEntry: false,
    visit: null,
    final: false,
    problems: 0,
    ...more,
  };
}

describe('placing nodes with sizes known before they are measured', () => {
  it('gives every node a size and handles, so none has to be mounted to be measured', () => {
    const placed = placeNodes(
      toUnplacedNodes(pathway, view),
      nodePositions(pathway, layout),
      {},
      new WeakMap(),
      bandSizing('near'),
    );
    expect(placed.some((n) => n.id === GLOBAL_NODE_ID)).toBe(true);
    for (const node of placed) {
      expect(node.measured?.width).toBeGreaterThan(0);
      expect(node.measured?.height).toBeGreaterThan(0);
      expect(node.handles?.length).toBe(node.type === 'anyStep' ? 1 : 2);
    }
  });

  it('prefers the size React Flow measured, and puts the handles by it', () => {
    const placed = placeNodes(
      toUnplacedNodes(pathway, view),
      nodePositions(pathway, layout),
      { 'follow-up': { width: 240, height: 130 } },
      new WeakMap(),
      bandSizing('near'),
    );
    const node = placed.find((n) => n.id === 'follow-up');
    expect(node?.measured).toEqual({ width: 240, height: 130 });
    expect(node?.handles?.map((h) => [h.type, h.x, h.y])).toEqual([
      ['target', -3, 62],
      ['source', 237, 62],
    ]);
  });

  it('keeps a node that neither moved nor changed size the same object across a new sizing', () => {
    const content = toUnplacedNodes(pathway, view);
    const positions = nodePositions(pathway, layout);
    const cache = new WeakMap<FlowNode, FlowNode>();
    const measured = { 'follow-up': { width: 240, height: 90 } };
    const near = placeNodes(content, positions, measured, cache, bandSizing('near'));
    const far = placeNodes(content, positions, measured, cache, bandSizing('far'));
    const id = (nodes: FlowNode[]) => nodes.find((n) => n.id === 'follow-up');
    expect(id(far)).toBe(id(near));
  });
});

describe('estimates during a drag', () => {
  it('works out a node’s estimate once per zoom band, not on every move', () => {
    const node = toUnplacedNodes(pathway, view).find((n) => n.type === 'step')!;
    const sizing = bandSizing('far');
    expect(sizing.estimate(node)).toBe(sizing.estimate(node));
    expect(bandSizing('detail').estimate(node)).not.toBe(sizing.estimate(node));
  });
});

describe('handle places', () => {
  it('puts a step’s target and source in the middle of its left and right sides', () => {
    // As chromium measures them: a 6 px handle centred on the side (styles of React Flow).
    const node = toUnplacedNodes(pathway, view).find((n) => n.type === 'step')!;
    expect(nodeHandles(node, { width: 240, height: 76 })).toEqual([
      { type: 'target', position: 'left', x: -3, y: 35, width: 6, height: 6 },
      { type: 'source', position: 'right', x: 237, y: 35, width: 6, height: 6 },
    ]);
  });

  it('gives the "any step" node a source only', () => {
    const node = toUnplacedNodes(pathway, view).find((n) => n.type === 'anyStep')!;
    expect(nodeHandles(node, { width: 233, height: 36 }).map((h) => h.type)).toEqual(['source']);
  });
});

describe('estimated step sizes', () => {
  it('wraps titles word by word', () => {
    expect(wrappedLines('Beroendevård', 14, 214)).toBe(1);
    expect(wrappedLines('Första bedömning och smärtanalys', 14, 214)).toBe(2);
    expect(wrappedLines('Utredning av misstänkt bakomliggande sjukdom', 32, 214)).toBeGreaterThan(
      2,
    );
  });

  // The sizes chromium (Debian, 1440 × 900) measured for chronic-pain 1.3.0 in Swedish.
  it.each([
    ['overview', 'Beroendevård', {}, 76],
    ['overview', 'Avslut av vårdförloppet', {}, 90],
    ['overview', 'Första bedömning och smärtanalys', { isEntry: true }, 123],
    ['far', 'Behandling i primärvården', {}, 76],
    ['far', 'Specialiserad smärtutredning', { alerts: 1 }, 97],
    ['near', 'Uppföljning och egenvård', {}, 76],
    ['near', 'Utredning av misstänkt bakomliggande sjukdom', {}, 80],
  ] as const)('in band %s, "%s" is %i px tall', (band, title, more, height) => {
    expect(stepHeight(step(title, more), band)).toBe(height);
  });

  it('matches what chromium measured for every step of chronic-pain 1.3.0 close up, with details', () => {
    const current = chronicPain('1.3.0');
    const nodes = overlayNodes(toUnplacedNodes(current, view), current, 'sv', {
      alerts: stepAlerts(current),
      cohort: null,
      coverage: null,
      focusedEdge: null,
    });
    const heights = Object.fromEntries(
      nodes.map((node) => [node.id, estimateNodeSize(node, 'detail').height]),
    );
    expect(heights).toMatchObject({
      'intake-assessment': 159,
      'early-intervention': 146,
      'primary-care-management': 142,
      'primary-care-mmr': 133,
      'specialist-pain-assessment': 159,
      'specialist-mmr': 146,
      'substance-use-care': 142,
      'follow-up': 129,
      'red-flag-investigation': 146,
      'pathway-exit': 103,
    });
  });

  it('sizes the "any step" node by its label', () => {
    const node = toUnplacedNodes(pathway, {
      ...view,
      anyStepLabel: 'Från vilket steg som helst',
    })[0]!;
    expect(node.type).toBe('anyStep');
    const size = estimateNodeSize(node, 'far');
    expect(size.height).toBe(36);
    expect(Math.abs(size.width - 233)).toBeLessThanOrEqual(4);
  });

  it('shows at most two title lines far out, all of them close', () => {
    const long = 'Multimodal rehabilitering i primärvården, uppföljning efter sex månader';
    expect(stepHeight(step(long), 'overview')).toBe(
      stepHeight(step('Avslut av vårdförloppet'), 'overview'),
    );
    expect(stepHeight(step(long), 'near')).toBeGreaterThan(stepHeight(step('Kort'), 'near'));
  });

  it('adds the details only in the detail band, and the cohort and coverage lines', () => {
    const details = { description: 'En beskrivning av steget.', actions: 2, followUps: 1 };
    const plain = step('Beroendevård', { details });
    expect(stepHeight(plain, 'detail')).toBeGreaterThan(stepHeight(plain, 'near'));
    const counted = step('Uppföljning och egenvård', {
      cohort: { patients: 3, share: 0.3 },
      coverage: { patients: 1, alerts: '' },
    });
    expect(stepHeight(counted, 'near')).toBeGreaterThan(stepHeight(step('Beroendevård'), 'near'));
  });

  it('makes every step 240 px wide', () => {
    for (const node of toUnplacedNodes(pathway, view))
      if (node.type === 'step') expect(estimateNodeSize(node, 'far').width).toBe(240);
  });
});

describe('the view a pathway opens at', () => {
  const big = ladderPathway(200);
  const bigLayout = {
    schemaVersion: 1 as const,
    nodes: Object.fromEntries(
      big.steps.map((s, i) => [s.id, { x: (i % 20) * 300, y: Math.floor(i / 20) * 160 }]),
    ),
  };
  const place = (band: 'near' | 'far') =>
    placeNodes(
      toUnplacedNodes(big, view),
      nodePositions(big, bigLayout),
      {},
      new WeakMap(),
      bandSizing(band),
    );

  it('shows every node of a small pathway, inside the padding', () => {
    const nodes = placeNodes(
      toUnplacedNodes(pathway, view),
      nodePositions(pathway, layout),
      {},
      new WeakMap(),
      bandSizing('near'),
    );
    const pane = { width: 1100, height: 700 };
    const fitted = fittedViewport(nodes, pane, { minZoom: 0.35 })!;
    for (const node of nodes) {
      const left = fitted.x + node.position.x * fitted.zoom;
      const top = fitted.y + node.position.y * fitted.zoom;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(left + (node.measured?.width ?? 0) * fitted.zoom).toBeLessThanOrEqual(pane.width);
      expect(top + (node.measured?.height ?? 0) * fitted.zoom).toBeLessThanOrEqual(pane.height);
    }
  });

  it('zooms a large pathway out no further than the least fit zoom, around its middle', () => {
    const fitted = fittedViewport(place('near'), { width: 1100, height: 700 }, { minZoom: 0.35 });
    expect(fitted?.zoom).toBe(0.35);
  });

  it('leaves the fit to React Flow when the canvas has no size or there are no nodes', () => {
    expect(fittedViewport(place('far'), { width: 0, height: 700 }, { minZoom: 0.35 })).toBe(
      undefined,
    );
    expect(fittedViewport([], { width: 1100, height: 700 }, { minZoom: 0.35 })).toBe(undefined);
  });
});

describe('sizes measured per zoom band', () => {
  it('forgets the measured sizes when the zoom band changes', () => {
    const store = openDraftStore();
    store.getState().setZoomBand('near');
    store.getState().setMeasured({ 'follow-up': { width: 240, height: 80 } });
    store.getState().setZoomBand('near');
    expect(store.getState().measured).toEqual({ 'follow-up': { width: 240, height: 80 } });
    store.getState().setZoomBand('far');
    expect(store.getState().measured).toEqual({});
  });
});
