/**
 * The side list's contents: every alert, the pathway-level follow-ups and each step's
 * follow-ups, in document order, with the words the list shows in the interface language.
 * Pure, so that the list is derived from the document and never stored.
 */
import type { Language, Pathway } from '../../../engine/index';
import { type FollowUp, pickText, summarizeCondition } from '../../../engine/editor';
import { timingOf, type Timing } from '../model/follow-ups';
import { stepsOfCondition } from './alert-steps';
import type { Destination } from '../model/destination';

/** One alert line. */
export interface AlertEntry {
  id: string;
  severity: 'critical' | 'warning' | 'info';
  /** The alert's title, else its message, in the language. */
  title: string;
  /** Its condition in words. */
  when: string;
  /** The steps it asks the patient to be in (links to the canvas), with their titles. */
  steps: { id: string; title: string }[];
  destination: Destination;
}

/** One follow-up line. */
export interface FollowUpEntry {
  id: string;
  title: string;
  /** The schedule, or null for a condition-based follow-up. */
  timing: Timing | null;
  /** The due condition in words, when it has one. */
  due: string | null;
  destination: Destination;
}

/** A step and its follow-ups. */
export interface StepFollowUps {
  stepId: string;
  stepTitle: string;
  followUps: FollowUpEntry[];
}

/** Everything the side list shows. */
export interface SideListEntries {
  alerts: AlertEntry[];
  pathwayFollowUps: FollowUpEntry[];
  /** Only steps that have follow-ups, in document order. */
  steps: StepFollowUps[];
}

function followUpEntry(
  pathway: Pathway,
  followUp: FollowUp,
  stepId: string | null,
  index: number,
  language: Language,
): FollowUpEntry {
  return {
    id: followUp.id,
    title: pickText(followUp.title, language) || followUp.id,
    timing: timingOf(followUp),
    due:
      followUp.dueWhen === undefined
        ? null
        : summarizeCondition(pathway, followUp.dueWhen, language),
    destination: { kind: 'follow-up', stepId, index },
  };
}

/** The side list of `pathway` in `language`. */
export function sideListEntries(pathway: Pathway, language: Language): SideListEntries {
  return {
    alerts: pathway.alerts.map((alert) => ({
      id: alert.id,
      severity: alert.severity,
      title: pickText(alert.title, language) || pickText(alert.message, language) || alert.id,
      when: summarizeCondition(pathway, alert.when, language),
      steps: stepsOfCondition(pathway, alert.when).map((id) => ({
        id,
        title: pickText(pathway.steps.find((s) => s.id === id)?.title, language) || id,
      })),
      destination: { kind: 'alert', id: alert.id },
    })),
    pathwayFollowUps: pathway.followUps.map((f, i) => followUpEntry(pathway, f, null, i, language)),
    steps: pathway.steps
      .filter((step) => step.followUps.length > 0)
      .map((step) => ({
        stepId: step.id,
        stepTitle: pickText(step.title, language) || step.id,
        followUps: step.followUps.map((f, i) => followUpEntry(pathway, f, step.id, i, language)),
      })),
  };
}
