import { describe, expect, it } from 'vitest';
import { isOpen, openingOf } from '../../editor/src/sidelist/destination';
import { sideListEntries } from '../../editor/src/sidelist/entries';
import { openDestination } from '../../editor/src/sidelist/open';
import { chronicPain, openDraftStore } from './helpers';

describe('the side list entries', () => {
  it('lists every alert with its condition in words, in the language asked for', () => {
    const pathway = chronicPain('1.3.0');
    const en = sideListEntries(pathway, 'en');
    expect(en.alerts.map((a) => a.id)).toEqual(pathway.alerts.map((a) => a.id));
    const redFlag = en.alerts.find((a) => a.id === 'red-flag');
    expect(redFlag?.severity).toBe('critical');
    expect(redFlag?.title).toBe(pathway.alerts.find((a) => a.id === 'red-flag')?.title?.en);
    expect(redFlag?.when).not.toBe('');
    const sv = sideListEntries(pathway, 'sv');
    expect(sv.alerts[0]?.title).toBe(pathway.alerts[0]?.title?.sv);
  });

  it('lists pathway-level follow-ups apart from each step that has follow-ups', () => {
    const pathway = chronicPain('1.3.0');
    const entries = sideListEntries(pathway, 'en');
    expect(entries.pathwayFollowUps.map((f) => f.id)).toEqual(['opioid-review']);
    expect(entries.pathwayFollowUps[0]?.timing).toBeNull();
    expect(entries.pathwayFollowUps[0]?.due).not.toBeNull();
    const withFollowUps = pathway.steps.filter((s) => s.followUps.length > 0).map((s) => s.id);
    expect(entries.steps.map((s) => s.stepId)).toEqual(withFollowUps);
    const pcm = entries.steps.find((s) => s.stepId === 'primary-care-management');
    expect(pcm?.followUps.map((f) => [f.id, f.timing])).toEqual([
      ['pcm-6-weeks', { amount: 6, unit: 'weeks' }],
      ['pcm-12-weeks', { amount: 12, unit: 'weeks' }],
    ]);
  });
});

describe('opening an entry', () => {
  it('opens a step follow-up in its step, focused on it, and brings the step into view', () => {
    const pathway = chronicPain('1.3.0');
    const stepIndex = pathway.steps.findIndex((s) => s.id === 'primary-care-management');
    expect(
      openingOf(pathway, { kind: 'follow-up', stepId: 'primary-care-management', index: 1 }),
    ).toEqual({
      selection: { kind: 'step', stepId: 'primary-care-management' },
      focusPath: `steps[${stepIndex}].followUps[1]`,
      reveal: true,
    });
  });

  it('opens a pathway-level follow-up in the pathway panel, and an alert in its own', () => {
    const pathway = chronicPain('1.3.0');
    expect(openingOf(pathway, { kind: 'follow-up', stepId: null, index: 0 })).toEqual({
      selection: null,
      focusPath: 'followUps[0]',
      reveal: false,
    });
    expect(openingOf(pathway, { kind: 'alert', id: 'red-flag' }).selection).toEqual({
      kind: 'alert',
      id: 'red-flag',
    });
  });

  it('selects through the store and marks only the opened entry as current', () => {
    const store = openDraftStore();
    const state = () => store.getState();
    const followUp = { kind: 'follow-up' as const, stepId: 'primary-care-management', index: 0 };
    const revealBefore = state().reveal;
    openDestination(store, followUp);
    expect(state().selection).toEqual({ kind: 'step', stepId: 'primary-care-management' });
    expect(state().reveal).toBe(revealBefore + 1);
    const pathway = state().pathway;
    if (pathway === null) throw new Error('no document');
    expect(isOpen(pathway, followUp, state().selection, state().focusPath)).toBe(true);
    expect(isOpen(pathway, { ...followUp, index: 1 }, state().selection, state().focusPath)).toBe(
      false,
    );
    expect(
      isOpen(pathway, { kind: 'alert', id: 'red-flag' }, state().selection, state().focusPath),
    ).toBe(false);
  });
});
