/**
 * unknown-reference: a `references: [id]` entry that is not in the pathway's own
 * `references` list, so a reviewer could not find the source it cites.
 */
import type { PathSegment } from '../../model/path';
import type { PathwayRule } from '../context';
import { makeIssue, type Location } from '../issue';
import { didYouMean } from '../suggest';
import { followUpSites } from '../walk';

interface Citing {
  readonly references: readonly string[] | undefined;
  readonly path: readonly PathSegment[];
  readonly label: string;
  readonly at: Location;
}

/** The `unknown-reference` rule; see the comment at the top of this file. */
export const unknownReference: PathwayRule = {
  rule: 'unknown-reference',
  check({ doc, referenceIds }) {
    const citing: Citing[] = [];
    doc.conditions.forEach((c, i) => {
      citing.push({
        references: c.references,
        path: ['conditions', i],
        label: `condition "${c.name}"`,
        at: {},
      });
    });
    doc.globalTransitions.forEach((t, i) => {
      citing.push({
        references: t.references,
        path: ['globalTransitions', i],
        label: `global transition to "${t.to}"`,
        at: { transitionIndex: i },
      });
    });
    const followUps = followUpSites(doc);
    doc.steps.forEach((step, s) => {
      const at = { stepId: step.id };
      for (const site of followUps.filter((f) => f.path[0] === 'steps' && f.path[1] === s)) {
        citing.push({
          references: site.followUp.references,
          path: site.path,
          label: `follow-up "${site.followUp.id}"`,
          at,
        });
      }
      step.transitions.forEach((t, i) => {
        citing.push({
          references: t.references,
          path: ['steps', s, 'transitions', i],
          label: `step "${step.id}", transition to "${t.to}"`,
          at: { stepId: step.id, transitionIndex: i },
        });
      });
      citing.push({
        references: step.references,
        path: ['steps', s],
        label: `step "${step.id}"`,
        at,
      });
    });
    doc.alerts.forEach((alert, i) => {
      citing.push({
        references: alert.references,
        path: ['alerts', i],
        label: `alert "${alert.id}"`,
        at: { alertId: alert.id },
      });
    });
    for (const site of followUps.filter((f) => f.path[0] === 'followUps')) {
      citing.push({
        references: site.followUp.references,
        path: site.path,
        label: `follow-up "${site.followUp.id}"`,
        at: site.at,
      });
    }
    (doc.indicators ?? []).forEach((indicator, i) => {
      citing.push({
        references: indicator.references,
        path: ['indicators', i],
        label: `indicator "${indicator.id}"`,
        at: {},
      });
    });

    return citing.flatMap(({ references, path, label, at }) =>
      (references ?? []).flatMap((id, r) =>
        referenceIds.has(id)
          ? []
          : [
              makeIssue(
                'unknown-reference',
                'error',
                `The ${label} cites reference "${id}", which is not in the pathway's references${didYouMean(id, referenceIds)}`,
                [...path, 'references', r],
                at,
              ),
            ],
      ),
    );
  },
};
