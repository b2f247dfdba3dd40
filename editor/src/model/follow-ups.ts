/**
 * Edits of follow-ups as pure functions: a step's own follow-ups and the pathway-level ones
 * (condition-based, such as the opioid review). Each takes the document and returns a new one,
 * sharing every part it did not touch, like the edits in `edit.ts`.
 */
import type { Pathway } from '../../../engine/index';
import type { Condition, FollowUp, Step, Texts } from '../../../engine/editor';

/**
 * Where a follow-up is: in a step's list (`stepId`) or in the pathway's own list
 * (`stepId: null`), at `index`.
 */
export interface FollowUpRef {
  stepId: string | null;
  index: number;
}

/** The optional conditions of a follow-up, in the order the form shows them. */
export const FOLLOW_UP_CONDITION_FIELDS = ['appliesWhen', 'dueWhen', 'overdueWhen'] as const;

/** One of a follow-up's conditions. */
export type FollowUpConditionField = (typeof FOLLOW_UP_CONDITION_FIELDS)[number];

/**
 * The units a scheduled follow-up may count in. The schema's `at` holds exactly one of them
 * (`{ weeks: 6 }`, `{ months: 12 }`); calendar months are counted as the engine's dates do.
 */
export const TIMING_UNITS = ['days', 'weeks', 'months'] as const;

/** A unit of {@link TIMING_UNITS}. */
export type TimingUnit = (typeof TIMING_UNITS)[number];

/** A follow-up's schedule as the form shows it: an amount and its unit. */
export interface Timing {
  amount: number;
  unit: TimingUnit;
}

/** The follow-ups list `ref` points into (the step's or the pathway's), or undefined. */
function listOf(pathway: Pathway, ref: FollowUpRef): readonly FollowUp[] | undefined {
  if (ref.stepId === null) return pathway.followUps;
  return pathway.steps.find((s) => s.id === ref.stepId)?.followUps;
}

/** Replaces the list `ref` points into by `fn(list)`; unchanged when the step does not exist. */
function editList(
  pathway: Pathway,
  stepId: string | null,
  fn: (list: FollowUp[]) => FollowUp[],
): Pathway {
  if (stepId === null) return { ...pathway, followUps: fn([...pathway.followUps]) };
  const index = pathway.steps.findIndex((s) => s.id === stepId);
  const step = pathway.steps[index];
  if (step === undefined) return pathway;
  const steps = [...pathway.steps];
  steps[index] = { ...step, followUps: fn([...step.followUps]) } satisfies Step;
  return { ...pathway, steps };
}

/** The follow-up at `ref`, if it exists. */
export function getFollowUp(pathway: Pathway, ref: FollowUpRef): FollowUp | undefined {
  return listOf(pathway, ref)?.[ref.index];
}

/** Replaces the follow-up at `ref` by `fn(followUp)`; unchanged when there is none. */
export function updateFollowUp(
  pathway: Pathway,
  ref: FollowUpRef,
  fn: (followUp: FollowUp) => FollowUp,
): Pathway {
  if (getFollowUp(pathway, ref) === undefined) return pathway;
  return editList(pathway, ref.stepId, (list) => list.map((f, i) => (i === ref.index ? fn(f) : f)));
}

/** Removes the follow-up at `ref`. */
export function removeFollowUp(pathway: Pathway, ref: FollowUpRef): Pathway {
  if (getFollowUp(pathway, ref) === undefined) return pathway;
  return editList(pathway, ref.stepId, (list) => list.filter((_, i) => i !== ref.index));
}

/** Every follow-up id in the document, the pathway's and every step's. */
function followUpIds(pathway: Pathway): Set<string> {
  return new Set([
    ...pathway.followUps.map((f) => f.id),
    ...pathway.steps.flatMap((s) => s.followUps.map((f) => f.id)),
  ]);
}

/** `base-1`, `base-2` … whichever no follow-up has yet (ids name follow-ups in indicators). */
export function uniqueFollowUpId(pathway: Pathway, base: string): string {
  const taken = followUpIds(pathway);
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** What a new follow-up starts with; the caller gives texts in the interface languages. */
export interface NewFollowUp {
  title: Texts;
  /** The measure it asks for (the schema needs at least one). */
  measure: string;
  /**
   * A step's follow-up is scheduled from the step's entry (`at`); a pathway-level one has no
   * step to count from, so it starts with a due condition the author then edits.
   */
  dueWhen?: Condition;
}

/**
 * Adds a follow-up at the end of a step's list (`stepId`) or the pathway's (`null`); returns
 * the document and where the new one is, or undefined when the step does not exist.
 */
export function addFollowUp(
  pathway: Pathway,
  stepId: string | null,
  init: NewFollowUp,
): { pathway: Pathway; ref: FollowUpRef } | undefined {
  const list = listOf(pathway, { stepId, index: 0 });
  if (list === undefined) return undefined;
  const id = uniqueFollowUpId(pathway, stepId === null ? 'follow-up' : `${stepId}-follow-up`);
  const followUp: FollowUp = { id, title: init.title, measures: [init.measure] };
  if (stepId !== null) followUp.at = { weeks: 6 };
  if (init.dueWhen !== undefined) followUp.dueWhen = init.dueWhen;
  return {
    pathway: editList(pathway, stepId, (l) => [...l, followUp]),
    ref: { stepId, index: list.length },
  };
}

/** The follow-up's schedule as amount and unit, or null for a condition-based one. */
export function timingOf(followUp: FollowUp): Timing | null {
  const at = followUp.at;
  if (at === undefined) return null;
  for (const unit of TIMING_UNITS) {
    const amount = at[unit];
    if (amount !== undefined) return { amount, unit };
  }
  return null;
}

/**
 * Sets the schedule (null removes it, making the follow-up condition-based). The file keeps
 * exactly one unit, as the schema asks; a negative or fractional amount is rounded to a whole,
 * non-negative one, because the schema refuses anything else.
 */
export function setTiming(followUp: FollowUp, timing: Timing | null): FollowUp {
  const next = { ...followUp };
  if (timing === null) delete next.at;
  else next.at = { [timing.unit]: Math.max(0, Math.round(timing.amount)) };
  return next;
}

/** Sets one of the follow-up's conditions (undefined removes it). */
export function setFollowUpCondition(
  followUp: FollowUp,
  field: FollowUpConditionField,
  when: Condition | undefined,
): FollowUp {
  const next = { ...followUp };
  if (when === undefined) delete next[field];
  else next[field] = when;
  return next;
}

/** Sets the tolerance in days around a scheduled point (undefined: the engine's default). */
export function setWindowDays(followUp: FollowUp, days: number | undefined): FollowUp {
  const next = { ...followUp };
  if (days === undefined) delete next.windowDays;
  else next.windowDays = Math.max(0, Math.round(days));
  return next;
}

/** Adds or removes one measure, keeping the order of the pathway's measure list. */
export function toggleMeasure(
  pathway: Pathway,
  followUp: FollowUp,
  measure: string,
  on: boolean,
): FollowUp {
  const chosen = new Set(followUp.measures);
  if (on) chosen.add(measure);
  else chosen.delete(measure);
  const known = pathway.measures.map((m) => m.id).filter((id) => chosen.has(id));
  // Measures the dictionary does not declare stay (lint names them), after the known ones.
  const unknown = followUp.measures.filter((id) => chosen.has(id) && !known.includes(id));
  return { ...followUp, measures: [...known, ...unknown] };
}

/** The schema path of the follow-up at `ref`, as lint and schema errors name it. */
export function followUpPath(pathway: Pathway, ref: FollowUpRef): string {
  if (ref.stepId === null) return `followUps[${ref.index}]`;
  const step = pathway.steps.findIndex((s) => s.id === ref.stepId);
  return `steps[${step}].followUps[${ref.index}]`;
}
