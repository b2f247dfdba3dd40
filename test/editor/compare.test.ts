import { describe, expect, it } from 'vitest';
import { diffPathways } from '../../engine/diff/diff';
import type { Pathway } from '../../engine/model/types';
import {
  compareMarks,
  diffEntryTexts,
  entrySelection,
  ghostEdgeId,
  markEdges,
  markNodes,
} from '../../editor/src/model/compare';
import { deleteStep } from '../../editor/src/model/edit';
import { toFlowEdges, toFlowNodes } from '../../editor/src/model/flow';
import { documentDirty } from '../../editor/src/store/compare';
import { createEditorStore } from '../../editor/src/store/store';
import { chronicPain, chronicPainLayout } from './helpers';

const v10 = chronicPain('1.0.0');
const v11 = chronicPain('1.1.0');

describe('mapping a semantic diff to canvas marks', () => {
  it('marks exactly the changed transition and the added alert and fact of 1.0.0 → 1.1.0', () => {
    const marks = compareMarks(diffPathways(v10, v11), v10, v11);
    expect([...marks.edges]).toEqual([['t:primary-care-management:2', 'changed']]);
    expect([...marks.alerts]).toEqual([['opioid-gabapentinoid', 'added']]);
    expect([...marks.facts]).toEqual([['onGabapentinoid', 'added']]);
    expect(marks.steps.size).toBe(0);
    expect(marks.ghostSteps).toEqual([]);
    expect(marks.ghostEdges).toEqual([]);
  });

  it('lays the marks on the newer version’s nodes and edges without touching the others', () => {
    const marks = compareMarks(diffPathways(v10, v11), v10, v11);
    const edges = toFlowEdges(v11, { language: 'en', selection: null });
    const marked = markEdges(edges, marks);
    expect(marked.filter((e) => e.data?.diff !== undefined).map((e) => e.id)).toEqual([
      't:primary-care-management:2',
    ]);
    // Unmarked edges are the same objects, so React Flow does not redraw them.
    expect(marked.filter((e, i) => e !== edges[i]).length).toBe(1);
  });

  it('draws a removed step as a ghost at its old position, with its removed incoming transitions', () => {
    const layout = chronicPainLayout('1.1.0');
    const newer = deleteStep({ pathway: v11, layout }, 'early-intervention').pathway;
    const diff = diffPathways(v11, newer);
    const marks = compareMarks(diff, v11, newer);
    expect(marks.steps.get('early-intervention')).toBe('removed');
    expect(marks.ghostSteps).toEqual(['early-intervention']);
    const incoming = v11.steps
      .find((s) => s.id === 'intake-assessment')
      ?.transitions.findIndex((t) => t.to === 'early-intervention');
    expect(incoming).toBeGreaterThanOrEqual(0);
    expect(marks.ghostEdges.map((g) => g.id)).toContain(
      ghostEdgeId('intake-assessment', incoming ?? -1),
    );
    const nodes = markNodes(
      toFlowNodes(newer, layout, { language: 'en', selection: null }),
      marks,
      { pathway: v11, layout },
      { language: 'en', selectedStep: 'early-intervention' },
    );
    const ghost = nodes.find((n) => n.id === 'early-intervention');
    expect(ghost?.data).toMatchObject({ diff: 'removed', level: 'primary-care' });
    expect(ghost?.position).toEqual(layout.nodes['early-intervention']);
    expect(ghost?.draggable).toBe(false);
    expect(ghost?.selected).toBe(true);
    // Transitions after the removed one moved up a place: marked as changed, not as new.
    const edges = markEdges(toFlowEdges(newer, { language: 'en', selection: null }), marks);
    expect(edges.find((e) => e.id.startsWith('removed:'))?.data?.diff).toBe('removed');
  });

  it('gives each entry the diff’s own text lines in the interface language', () => {
    const diff = diffPathways(v10, v11);
    const index = diff.entries.findIndex((e) => e.kind === 'transition-changed');
    expect(diffEntryTexts(diff, 'en')[index]?.[0]).toBe(
      '~ primary-care-management → primary-care-mmr (transition 3)',
    );
    expect(diffEntryTexts(diff, 'sv')[index]?.[0]).toBe(
      '~ primary-care-management → primary-care-mmr (övergång 3)',
    );
    expect(diffEntryTexts(diff, 'sv')[index]).toContain('villkor: weeksInStep ≥ 12 → ≥ 8');
  });

  it('selects the transition, alert, fact or step an entry is about', () => {
    const entries = diffPathways(v10, v11).entries;
    const of = (kind: string) =>
      entrySelection(entries.find((e) => e.kind === kind) ?? entries[0]!);
    expect(of('transition-changed')).toEqual({
      kind: 'transition',
      stepId: 'primary-care-management',
      index: 2,
    });
    expect(of('alert-added')).toEqual({ kind: 'alert', id: 'opioid-gabapentinoid' });
    expect(of('fact-added')).toEqual({ kind: 'fact', name: 'onGabapentinoid' });
    expect(of('metadata-changed')).toBeNull();
  });
});

describe('the compare slice', () => {
  function openStore(pathway: Pathway = { ...v11, version: '1.2.0', status: 'draft' }) {
    const store = createEditorStore();
    store.getState().openDocument(
      {
        id: 'chronic-pain',
        version: pathway.version,
        baseHash: 'h',
        layoutHash: null,
        frozen: false,
      },
      { pathway, layout: chronicPainLayout() },
    );
    return store;
  }
  const side = (pathway: Pathway) => ({
    version: pathway.version,
    pathway,
    layout: chronicPainLayout(),
  });

  it('shows the newer version read-only in either order, and restores the document and its history', () => {
    const store = openStore();
    store.getState().edit((d) => ({ ...d, pathway: { ...d.pathway, allowEffectiveGaps: true } }));
    const edited = store.getState().pathway;
    store.getState().startCompare(side(v11), side(v10));
    const s = store.getState();
    expect(s.compare?.older.version).toBe('1.0.0');
    expect(s.pathway).toBe(v11);
    expect(s.readOnly).toBe(true);
    expect(s.bottomTab).toBe('changes');
    // Edits and undo do nothing while comparing; unsaved work still counts as unsaved.
    s.edit((d) => ({ ...d, pathway: { ...d.pathway, allowEffectiveGaps: false } }));
    s.undo();
    expect(store.getState().pathway).toBe(v11);
    expect(documentDirty(store.getState())).toBe(true);
    store.getState().stopCompare();
    expect(store.getState().pathway).toBe(edited);
    expect(store.getState().readOnly).toBe(false);
    expect(store.getState().compare).toBeNull();
    store.getState().undo();
    expect(store.getState().pathway?.allowEffectiveGaps).toBeUndefined();
  });

  it('keeps the document stashed by the first comparison when a second replaces it', () => {
    const store = openStore();
    const open = store.getState().pathway;
    store.getState().startCompare(side(v10), side(v11));
    store.getState().startCompare(side(v11), side(v10));
    store.getState().stopCompare();
    expect(store.getState().pathway).toBe(open);
  });

  it('focuses an entry: selects it and asks the canvas to bring it into view', () => {
    const store = openStore();
    store.getState().startCompare(side(v10), side(v11));
    const index =
      store.getState().compare?.diff.entries.findIndex((e) => e.kind === 'transition-changed') ??
      -1;
    const reveal = store.getState().reveal;
    store.getState().focusEntry(index);
    expect(store.getState().focusedEntry).toBe(index);
    expect(store.getState().selection).toEqual({
      kind: 'transition',
      stepId: 'primary-care-management',
      index: 2,
    });
    expect(store.getState().reveal).toBe(reveal + 1);
  });

  it('ends when another document is opened', () => {
    const store = openStore();
    store.getState().startCompare(side(v10), side(v11));
    store
      .getState()
      .openDocument(
        { id: 'chronic-pain', version: '1.0.0', baseHash: 'h', layoutHash: null, frozen: true },
        { pathway: v10, layout: chronicPainLayout('1.0.0') },
      );
    expect(store.getState().compare).toBeNull();
  });
});
