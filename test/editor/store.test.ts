import { describe, expect, it } from 'vitest';
import { addStep, setCondition } from '../../editor/src/model/edit';
import { applyNodeMove } from '../../editor/src/model/layout';
import { isDirty } from '../../editor/src/store/document';
import { draftKey, persistDrafts, readDraft } from '../../editor/src/store/persistence';
import { chronicPainLayout, chronicPainScenarios, memoryStorage, openDraftStore } from './helpers';

const threshold = (months: number) => ({
  fact: 'painDurationMonths',
  operator: 'greaterThanInclusive' as const,
  value: months,
});

describe('the document and history slices', () => {
  it('applies edits, undoes and redoes them, and knows when the document is back to saved', () => {
    const store = openDraftStore();
    const original = store.getState().pathway;
    expect(isDirty(store.getState())).toBe(false);
    store.getState().edit((d) => ({
      ...d,
      pathway: setCondition(d.pathway, { kind: 'named', name: 'chronic' }, threshold(6)),
    }));
    expect(isDirty(store.getState())).toBe(true);
    store.getState().undo();
    expect(store.getState().pathway).toBe(original);
    expect(isDirty(store.getState())).toBe(false);
    store.getState().redo();
    expect(store.getState().pathway?.conditions[0]?.when).toEqual(threshold(6));
  });

  it('makes one undo step of a gesture (typing in one field, one drag)', () => {
    const store = openDraftStore();
    for (const months of [4, 5, 6])
      store.getState().edit(
        (d) => ({
          ...d,
          pathway: setCondition(d.pathway, { kind: 'named', name: 'chronic' }, threshold(months)),
        }),
        'conditions[0].when',
      );
    store.getState().endGesture();
    for (const x of [10, 20, 30])
      store.getState().edit(
        (d) => ({
          ...d,
          layout: applyNodeMove(d.pathway, d.layout, { 'follow-up': { x, y: 0 } }),
        }),
        'drag',
      );
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().layout.nodes['follow-up']).toEqual(
      chronicPainLayout().nodes['follow-up'],
    );
    store.getState().undo();
    expect(store.getState().pathway?.conditions[0]?.when).toEqual(threshold(3));
  });

  it('ignores edits, undo and redo on a frozen version', () => {
    const store = openDraftStore(true);
    const before = store.getState().pathway;
    store
      .getState()
      .edit((d) => ({ ...d, ...addStep(d, { title: { en: 'x' }, at: { x: 0, y: 0 } }) }));
    expect(store.getState().pathway).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it('does not record an edit that changes nothing', () => {
    const store = openDraftStore();
    store.getState().edit((d) => d);
    expect(store.getState().past).toHaveLength(0);
  });
});

describe('unsaved work in localStorage', () => {
  it('keeps the document while it has unsaved changes and forgets it once saved', () => {
    const store = openDraftStore();
    const storage = memoryStorage();
    persistDrafts(store, storage, () => '2026-11-23T10:00:00Z');
    store.getState().edit((d) => ({
      ...d,
      pathway: setCondition(d.pathway, { kind: 'named', name: 'chronic' }, threshold(6)),
    }));
    const draft = readDraft(storage, 'chronic-pain', '1.4.0', '');
    expect(draft?.pathway.conditions[0]?.when).toEqual(threshold(6));
    expect(draft?.source.baseHash).toBe('sha256:base');
    store.getState().markSaved('sha256:new', null);
    expect(storage.map.has(draftKey('chronic-pain', '1.4.0', ''))).toBe(false);
    expect(store.getState().source?.baseHash).toBe('sha256:new');
  });

  it('ignores unreadable stored drafts', () => {
    const storage = memoryStorage();
    storage.setItem(draftKey('chronic-pain', '1.2.0', ''), '{not json');
    expect(readDraft(storage, 'chronic-pain', '1.2.0', '')).toBeUndefined();
  });
});

describe('the tests slice', () => {
  it('runs the scenarios of a new draft with the expectations of the version it came from', async () => {
    const store = openDraftStore();
    store.getState().setScenarios(chronicPainScenarios());
    await store.getState().runAll();
    const outcomes = Object.values(store.getState().outcomes);
    expect(outcomes.length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => !o.passed).map((o) => o.failures)).toEqual([]);
  });

  it('flips a scenario to failing when a threshold changes, and back when it is undone', async () => {
    const store = openDraftStore();
    store.getState().setScenarios(chronicPainScenarios());
    await store.getState().runAll();
    const passing = Object.values(store.getState().outcomes).filter((o) => o.passed).length;
    store.getState().edit((d) => ({
      ...d,
      pathway: setCondition(d.pathway, { kind: 'named', name: 'chronic' }, threshold(600)),
    }));
    await store.getState().runAll();
    const failing = Object.values(store.getState().outcomes).filter((o) => !o.passed);
    expect(failing.length).toBeGreaterThan(0);
    store.getState().undo();
    await store.getState().runAll();
    expect(Object.values(store.getState().outcomes).filter((o) => o.passed)).toHaveLength(passing);
  });

  it('shows one run with the walk and an explanation in the interface language', async () => {
    const store = openDraftStore();
    store.getState().setScenarios(chronicPainScenarios());
    store.getState().setLanguage('sv');
    const file = chronicPainScenarios()[0]!.file;
    await store.getState().runScenarioFile(file);
    const run = store.getState().activeRun;
    expect(run?.file).toBe(file);
    expect(run?.result?.language).toBe('sv');
    expect(run?.result?.path.length).toBeGreaterThan(0);
  });
});
