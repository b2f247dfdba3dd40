import { describe, expect, it } from 'vitest';
import { countResult, emptyCounts } from '../../engine/cohort/counts';
import { cohortReport } from '../../engine/cohort/report';
import type { Outcome } from '../../engine/evaluate/outcome';
import {
  cohortBadges,
  cohortGroupNames,
  edgeIdOfSourceKey,
  parseCohortFile,
  percentText,
} from '../../editor/src/model/cohort';
import { toFlowEdges } from '../../editor/src/model/flow';
import { edgeBadge, nodeBadge } from '../../editor/src/store/cohort';
import { createEditorStore } from '../../editor/src/store/store';
import { chronicPain, chronicPainLayout } from './helpers';

const pathway = chronicPain('1.1.0');
const expected = { id: pathway.id, version: pathway.version };

function result(path: string[], taken: string[]): Outcome {
  return {
    pathway: expected,
    asOf: '2026-11-23',
    status: 'settled',
    stopReason: 'no-candidate',
    step: path[path.length - 1] ?? 'intake-assessment',
    path,
    taken: taken.map((key, i) => ({
      key,
      from: path[i] ?? '',
      to: path[i + 1] ?? '',
      global: key.startsWith('global'),
    })),
    pending: undefined,
    alerts: [],
    undecidedAlerts: [],
    followUps: [],
    missingFacts: [],
    derivedFacts: {},
    notes: [],
    templateFacts: {},
  };
}

/** Four patients: three at centre A (two moved on to primary-care-management), one at B. */
function sampleJson(): string {
  const counts = emptyCounts();
  const moved = result(
    ['intake-assessment', 'primary-care-management'],
    ['steps.intake-assessment.transitions[1]'],
  );
  countResult(counts, 'A', moved);
  countResult(counts, 'A', moved);
  countResult(counts, 'A', result(['intake-assessment'], []));
  countResult(
    counts,
    'B',
    result(['intake-assessment', 'substance-use-care'], ['globalTransitions[0]']),
  );
  counts.lines = 4;
  const report = cohortReport(pathway, counts, {
    asOf: '2026-11-23',
    by: 'healthCentre',
    title: 'Chronic pain',
  });
  return JSON.stringify(report);
}

function openStore() {
  const store = createEditorStore();
  store.getState().openDocument(
    {
      id: pathway.id,
      version: pathway.version,
      baseHash: 'sha256:x',
      layoutHash: null,
      frozen: false,
    },
    { pathway, layout: chronicPainLayout() },
  );
  return store;
}

describe('reading a cohort.json', () => {
  it('accepts a report written by the cohort aggregation for the open version', () => {
    const parsed = parseCohortFile(sampleJson(), expected);
    expect(parsed.ok).toBe(true);
  });

  it('refuses text that is not JSON', () => {
    const parsed = parseCohortFile('{ not json', expected);
    expect(parsed.ok === false && parsed.problem.kind).toBe('not-json');
  });

  it('names the field that is wrong in a file of another shape', () => {
    const broken = JSON.parse(sampleJson()) as Record<string, unknown>;
    delete broken.all;
    const parsed = parseCohortFile(JSON.stringify(broken), expected);
    expect(parsed.ok ? null : parsed.problem).toMatchObject({ kind: 'shape', field: 'all' });
    const nested = parseCohortFile(
      JSON.stringify({ ...JSON.parse(sampleJson()), all: { patients: -1 } }),
      expected,
    );
    expect(nested.ok ? null : nested.problem).toMatchObject({
      kind: 'shape',
      field: 'all.patients',
    });
  });

  it('refuses a cohort of another pathway or version and names the field', () => {
    const otherVersion = parseCohortFile(sampleJson(), { ...expected, version: '1.0.0' });
    expect(otherVersion.ok ? null : otherVersion.problem).toEqual({
      kind: 'other-pathway',
      field: 'pathway.version',
      found: '1.1.0',
      expected: '1.0.0',
    });
    const otherPathway = parseCohortFile(sampleJson(), { ...expected, id: 'back-pain' });
    expect(otherPathway.ok ? null : otherPathway.problem).toMatchObject({ field: 'pathway.id' });
  });
});

describe('mapping cohort counts onto the canvas', () => {
  it('maps step and global trace source keys onto the edge ids the canvas draws', () => {
    expect(edgeIdOfSourceKey('steps.primary-care-management.transitions[2]')).toBe(
      't:primary-care-management:2',
    );
    expect(edgeIdOfSourceKey('globalTransitions[0]')).toBe('g:0');
    expect(edgeIdOfSourceKey('alerts[0]')).toBeUndefined();
  });

  it('gives every drawn edge a badge and no badge to an edge the canvas lacks', () => {
    const parsed = parseCohortFile(sampleJson(), expected);
    if (!parsed.ok) throw new Error('sample refused');
    const badges = cohortBadges(parsed.value);
    const drawn = toFlowEdges(pathway, { language: 'en', selection: null }).map((e) => e.id);
    expect(Object.keys(badges.edges).sort()).toEqual([...drawn].sort());
  });

  it('counts patients at each step and on each transition with their share of everyone', () => {
    const parsed = parseCohortFile(sampleJson(), expected);
    if (!parsed.ok) throw new Error('sample refused');
    const badges = cohortBadges(parsed.value);
    expect(badges.patients).toBe(4);
    expect(badges.nodes['intake-assessment']).toEqual({ patients: 1, share: 0.25, visited: 4 });
    expect(badges.nodes['primary-care-management']).toEqual({
      patients: 2,
      share: 0.5,
      visited: 2,
    });
    expect(badges.edges['t:intake-assessment:1']).toEqual({ patients: 2, share: 0.5 });
    expect(badges.edges['g:0']).toEqual({ patients: 1, share: 0.25 });
    expect(badges.edges['t:intake-assessment:0']).toEqual({ patients: 0, share: 0 });
  });

  it('counts one health centre against its own patients when a centre is chosen', () => {
    const parsed = parseCohortFile(sampleJson(), expected);
    if (!parsed.ok) throw new Error('sample refused');
    expect(cohortGroupNames(parsed.value)).toEqual(['A', 'B']);
    const a = cohortBadges(parsed.value, 'A');
    expect(a.patients).toBe(3);
    expect(a.edges['t:intake-assessment:1']).toEqual({ patients: 2, share: 2 / 3 });
    expect(a.edges['g:0']).toEqual({ patients: 0, share: 0 });
    expect(cohortBadges(parsed.value, 'nowhere').patients).toBe(4);
  });

  it('writes shares as percentages with one decimal below ten per cent', () => {
    expect(percentText(0)).toBe('0 %');
    expect(percentText(0.0625)).toBe('6.3 %');
    expect(percentText(2 / 3)).toBe('67 %');
  });
});

describe('the cohort slice', () => {
  it('loads a cohort, switches health centre, and clears the overlay', () => {
    const store = openStore();
    expect(store.getState().loadCohort(sampleJson(), 'cohort.json')).toBe(true);
    expect(nodeBadge('primary-care-management')(store.getState())?.patients).toBe(2);
    expect(edgeBadge('g:0')(store.getState())?.patients).toBe(1);
    store.getState().setCohortGroup('B');
    expect(store.getState().cohort?.group).toBe('B');
    expect(edgeBadge('g:0')(store.getState())).toEqual({ patients: 1, share: 1 });
    store.getState().setCohortGroup(null);
    expect(store.getState().cohort?.badges.patients).toBe(4);
    store.getState().clearCohort();
    expect(store.getState().cohort).toBeNull();
    expect(nodeBadge('intake-assessment')(store.getState())).toBeUndefined();
  });

  it('keeps the overlay and reports the problem when a wrong file is loaded', () => {
    const store = openStore();
    store.getState().loadCohort(sampleJson(), 'cohort.json');
    expect(store.getState().loadCohort('{}', 'other.json')).toBe(false);
    expect(store.getState().cohortProblem).toMatchObject({ kind: 'shape', field: 'pathway' });
    expect(store.getState().cohort?.fileName).toBe('cohort.json');
  });

  it('hides the badges while another version is on the canvas', () => {
    const store = openStore();
    store.getState().loadCohort(sampleJson(), 'cohort.json');
    store
      .getState()
      .openDocument(
        { id: pathway.id, version: '1.0.0', baseHash: 'sha256:y', layoutHash: null, frozen: true },
        { pathway: chronicPain('1.0.0'), layout: chronicPainLayout('1.0.0') },
      );
    expect(nodeBadge('intake-assessment')(store.getState())).toBeUndefined();
  });

  it('keeps the same badge object for a node when nothing changed, so selectors do not re-render', () => {
    const store = openStore();
    store.getState().loadCohort(sampleJson(), 'cohort.json');
    const before = nodeBadge('intake-assessment')(store.getState());
    store.getState().setCohortGroup(null);
    expect(nodeBadge('intake-assessment')(store.getState())).toBe(before);
  });
});
