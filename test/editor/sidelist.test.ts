import { describe, expect, it } from 'vitest';
import { stepsOfCondition } from '../../editor/src/sidelist/alert-steps';
import { isOpen, openingOf } from '../../editor/src/model/destination';
import { sideListEntries } from '../../editor/src/sidelist/entries';
import { openDestination } from '../../editor/src/search/open-destination';
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

describe('the steps an alert is about', () => {
  it('links an alert that asks for the start step to that step', () => {
    const pathway = chronicPain('1.3.0');
    const overdue = sideListEntries(pathway, 'en').alerts.find(
      (a) => a.id === 'specialist-assessment-overdue',
    );
    expect(overdue?.steps).toEqual([
      {
        id: 'specialist-pain-assessment',
        title: pathway.steps.find((s) => s.id === 'specialist-pain-assessment')?.title.en,
      },
    ]);
    // Alerts that hold in every step link to none.
    expect(sideListEntries(pathway, 'en').alerts.find((a) => a.id === 'red-flag')?.steps).toEqual(
      [],
    );
  });

  it('follows named conditions and lists, but not a step under not or one that does not exist', () => {
    const pathway = {
      ...chronicPain('1.3.0'),
      conditions: [
        ...chronicPain('1.3.0').conditions,
        {
          name: 'inRehab',
          when: {
            fact: 'startStep',
            operator: 'in' as const,
            value: ['primary-care-mmr', 'no-such-step', 'specialist-mmr'],
          },
        },
      ],
    };
    expect(
      stepsOfCondition(pathway, {
        all: [
          { condition: 'inRehab' },
          { not: { fact: 'startStep', operator: 'equal', value: 'follow-up' } },
        ],
      }),
    ).toEqual(['primary-care-mmr', 'specialist-mmr']);
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
