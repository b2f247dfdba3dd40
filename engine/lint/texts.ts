/** Every translatable text of a document, with a name for messages and its location. */
import type { PathSegment } from '../model/path';
import type { Pathway, Texts } from '../model/types';
import type { Location } from './issue';
import { followUpSites } from './walk';

/** One text object (`{ sv, da, en }`) and what it is. */
export interface TextSite {
  readonly texts: Texts;
  readonly path: readonly PathSegment[];
  /** `step "start" title`. */
  readonly label: string;
  readonly at: Location;
}

/** All texts in document order; optional texts that are absent are skipped. */
export function textSites(doc: Pathway): TextSite[] {
  const sites: TextSite[] = [];
  const add = (
    texts: Texts | undefined,
    path: readonly PathSegment[],
    label: string,
    at: Location = {},
  ): void => {
    if (texts !== undefined) sites.push({ texts, path, label, at });
  };

  add(doc.title, ['title'], 'pathway title');
  add(doc.description, ['description'], 'pathway description');
  doc.facts.forEach((fact, i) => {
    add(fact.label, ['facts', i, 'label'], `fact "${fact.name}" label`);
    add(fact.description, ['facts', i, 'description'], `fact "${fact.name}" description`);
    add(fact.source?.text, ['facts', i, 'source', 'text'], `fact "${fact.name}" source text`);
  });
  doc.measures.forEach((measure, i) => {
    add(measure.title, ['measures', i, 'title'], `measure "${measure.id}" title`);
  });
  doc.conditions.forEach((named, i) => {
    add(
      named.description,
      ['conditions', i, 'description'],
      `condition "${named.name}" description`,
    );
  });
  doc.globalTransitions.forEach((transition, i) => {
    add(
      transition.reason,
      ['globalTransitions', i, 'reason'],
      `global transition to "${transition.to}" reason`,
      { transitionIndex: i },
    );
  });
  const stepFollowUps = followUpSites(doc).filter((site) => site.path[0] === 'steps');
  doc.steps.forEach((step, s) => {
    const at = { stepId: step.id };
    add(step.title, ['steps', s, 'title'], `step "${step.id}" title`, at);
    add(step.description, ['steps', s, 'description'], `step "${step.id}" description`, at);
    step.actions.forEach((action, a) => {
      add(action, ['steps', s, 'actions', a], `step "${step.id}" action ${a + 1}`, at);
    });
    for (const site of stepFollowUps.filter((f) => f.path[1] === s)) {
      add(
        site.followUp.title,
        [...site.path, 'title'],
        `follow-up "${site.followUp.id}" title`,
        at,
      );
    }
    step.transitions.forEach((transition, t) => {
      add(
        transition.reason,
        ['steps', s, 'transitions', t, 'reason'],
        `step "${step.id}", transition to "${transition.to}" reason`,
        { stepId: step.id, transitionIndex: t },
      );
    });
  });
  doc.alerts.forEach((alert, i) => {
    const at = { alertId: alert.id };
    add(alert.title, ['alerts', i, 'title'], `alert "${alert.id}" title`, at);
    add(alert.message, ['alerts', i, 'message'], `alert "${alert.id}" message`, at);
  });
  doc.followUps.forEach((followUp, i) => {
    add(followUp.title, ['followUps', i, 'title'], `follow-up "${followUp.id}" title`);
  });
  (doc.indicators ?? []).forEach((indicator, i) => {
    add(indicator.title, ['indicators', i, 'title'], `indicator "${indicator.id}" title`);
    add(
      indicator.description,
      ['indicators', i, 'description'],
      `indicator "${indicator.id}" description`,
    );
  });
  return sites;
}
