import { describe, expect, it } from 'vitest';
import { conditionPath, getCondition, setCondition } from '../../editor/src/model/edit';
import {
  addFollowUp,
  followUpPath,
  getFollowUp,
  removeFollowUp,
  setFollowUpCondition,
  setTiming,
  setWindowDays,
  timingOf,
  toggleMeasure,
  updateFollowUp,
} from '../../editor/src/model/follow-ups';
import { pathwaySchema } from '../../engine/model/schema';
import { printPathway } from '../../engine/yaml/print';
import { parsePathway } from '../../engine/yaml/parse';
import { chronicPain } from './helpers';

const onOpioid = { fact: 'onOpioid', operator: 'equal' as const, value: true };

/** The first step with a scheduled follow-up in chronic-pain 1.3.0, and that follow-up. */
function scheduled() {
  const pathway = chronicPain('1.3.0');
  const step = pathway.steps.find((s) => s.followUps.some((f) => f.at?.weeks !== undefined));
  if (step === undefined) throw new Error('no scheduled follow-up');
  const index = step.followUps.findIndex((f) => f.at?.weeks !== undefined);
  return { pathway, ref: { stepId: step.id, index } };
}

describe('follow-up timing', () => {
  it('reads a schedule as amount and unit, and a condition-based follow-up as none', () => {
    const { pathway, ref } = scheduled();
    const f = getFollowUp(pathway, ref);
    if (f === undefined) throw new Error('missing');
    expect(timingOf(f)).toEqual({ amount: f.at?.weeks, unit: 'weeks' });
    const opioidReview = pathway.followUps[0];
    if (opioidReview === undefined) throw new Error('missing');
    expect(timingOf(opioidReview)).toBeNull();
  });

  it('switches weeks to months keeping exactly one unit, and the document stays valid', () => {
    const { pathway, ref } = scheduled();
    const next = updateFollowUp(pathway, ref, (f) => setTiming(f, { amount: 3, unit: 'months' }));
    expect(getFollowUp(next, ref)?.at).toEqual({ months: 3 });
    expect(pathwaySchema.safeParse(next).success).toBe(true);
    // The canonical writer prints it back and reads it as written.
    const again = parsePathway(printPathway(next), 'x.yaml');
    expect(getFollowUp(again, ref)?.at).toEqual({ months: 3 });
  });

  it('rounds an amount to a whole, non-negative number, as the schema demands', () => {
    const { pathway, ref } = scheduled();
    const f = getFollowUp(pathway, ref);
    if (f === undefined) throw new Error('missing');
    expect(setTiming(f, { amount: 2.6, unit: 'days' }).at).toEqual({ days: 3 });
    expect(setTiming(f, { amount: -4, unit: 'weeks' }).at).toEqual({ weeks: 0 });
    expect('at' in setTiming(f, null)).toBe(false);
    expect(setWindowDays(f, 7.2).windowDays).toBe(7);
    expect('windowDays' in setWindowDays({ ...f, windowDays: 3 }, undefined)).toBe(false);
  });

  it('leaves an existing file byte for byte the same when nothing is edited', () => {
    const pathway = chronicPain('1.3.0');
    const { ref } = scheduled();
    const same = updateFollowUp(pathway, ref, (f) => f);
    expect(printPathway(same)).toBe(printPathway(pathway));
  });
});

describe('follow-up lists', () => {
  it('adds a step follow-up six weeks after entry with a unique id, then removes it', () => {
    const pathway = chronicPain('1.3.0');
    const step = pathway.steps[0];
    if (step === undefined) throw new Error('no step');
    const made = addFollowUp(pathway, step.id, { title: { en: 'Check' }, measure: 'nrs' });
    if (made === undefined) throw new Error('not added');
    const added = getFollowUp(made.pathway, made.ref);
    expect(added).toMatchObject({ title: { en: 'Check' }, measures: ['nrs'], at: { weeks: 6 } });
    expect(added?.id).toBe(`${step.id}-follow-up-1`);
    expect(pathwaySchema.safeParse(made.pathway).success).toBe(true);
    const twice = addFollowUp(made.pathway, step.id, { title: { en: 'Again' }, measure: 'nrs' });
    expect(getFollowUp(twice?.pathway ?? pathway, twice?.ref ?? made.ref)?.id).toBe(
      `${step.id}-follow-up-2`,
    );
    expect(removeFollowUp(made.pathway, made.ref).steps[0]?.followUps).toEqual(step.followUps);
  });

  it('adds a pathway-level follow-up with the due condition it is given and no schedule', () => {
    const pathway = chronicPain('1.3.0');
    const made = addFollowUp(pathway, null, {
      title: { en: 'Review' },
      measure: 'nrs',
      dueWhen: onOpioid,
    });
    if (made === undefined) throw new Error('not added');
    expect(made.ref).toEqual({ stepId: null, index: pathway.followUps.length });
    const added = getFollowUp(made.pathway, made.ref);
    expect(added?.dueWhen).toEqual(onOpioid);
    expect(added?.at).toBeUndefined();
    expect(pathwaySchema.safeParse(made.pathway).success).toBe(true);
  });

  it('refuses to add to a step that does not exist', () => {
    expect(
      addFollowUp(chronicPain('1.3.0'), 'no-such-step', { title: { en: 'x' }, measure: 'nrs' }),
    ).toBeUndefined();
  });

  it('keeps measures in the order of the pathway measure list', () => {
    const pathway = chronicPain('1.3.0');
    const [first, second] = pathway.measures;
    if (first === undefined || second === undefined) throw new Error('too few measures');
    const base = { id: 'x', title: { en: 'x' }, measures: [second.id] };
    expect(toggleMeasure(pathway, base, first.id, true).measures).toEqual([first.id, second.id]);
    expect(toggleMeasure(pathway, base, second.id, false).measures).toEqual([]);
  });
});

describe('follow-up conditions in the condition editor', () => {
  it('reads, writes and names the path of a pathway-level follow-up condition', () => {
    const pathway = chronicPain('1.3.0');
    const target = {
      kind: 'follow-up' as const,
      stepId: null,
      index: 0,
      field: 'appliesWhen' as const,
    };
    expect(getCondition(pathway, target)).toEqual(pathway.followUps[0]?.appliesWhen);
    expect(conditionPath(pathway, target)).toBe('followUps[0].appliesWhen');
    const next = setCondition(pathway, target, { not: onOpioid });
    expect(next.followUps[0]?.appliesWhen).toEqual({ not: onOpioid });
    expect(next.steps).toBe(pathway.steps);
  });

  it('names a step follow-up condition by the schema path lint uses', () => {
    const { pathway, ref } = scheduled();
    const step = pathway.steps.findIndex((s) => s.id === ref.stepId);
    expect(followUpPath(pathway, ref)).toBe(`steps[${step}].followUps[${ref.index}]`);
    const target = { kind: 'follow-up' as const, ...ref, field: 'dueWhen' as const };
    const next = setCondition(pathway, target, onOpioid);
    expect(getCondition(next, target)).toEqual(onOpioid);
    expect(conditionPath(next, target)).toBe(`steps[${step}].followUps[${ref.index}].dueWhen`);
  });

  it('removes a condition instead of leaving an empty one', () => {
    const pathway = chronicPain('1.3.0');
    const f = pathway.followUps[0];
    if (f === undefined) throw new Error('missing');
    const without = setFollowUpCondition(f, 'appliesWhen', undefined);
    expect('appliesWhen' in without).toBe(false);
  });
});
