/**
 * unknown-fact: a condition leaf (its `fact` or a `value: { fact }`) or a measure names a
 * fact that is not in the dictionary. At run time such a fact is always unknown, so the
 * condition could never be decided. In an indicator, an outcome term (`$alert:<id>` …) that
 * names a step, alert or follow-up the pathway lacks is reported here too.
 */
import { isTermName } from '../../indicators/terms';
import { knownIds, nameProblem } from '../../indicators/integrity';
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';
import { didYouMean } from '../suggest';
import type { LintIssue } from '../types';
import { describeOwner, factUses } from '../walk';

/** The `unknown-fact` rule; see the comment at the top of this file. */
export const unknownFact: PathwayRule = {
  rule: 'unknown-fact',
  check({ doc, facts, nodes }) {
    const names = [...facts.keys()];
    const issues: LintIssue[] = [];
    doc.measures.forEach((measure, m) => {
      (measure.facts ?? []).forEach((name, f) => {
        if (facts.has(name)) return;
        issues.push(
          makeIssue(
            'unknown-fact',
            'error',
            `Measure "${measure.id}" names fact "${name}", which is not in the fact dictionary${didYouMean(name, names)}`,
            ['measures', m, 'facts', f],
          ),
        );
      });
    });
    const known = knownIds(doc);
    for (const use of factUses(nodes)) {
      if (facts.has(use.name)) continue;
      if (isTermName(use.name) && use.node.root.owner.kind === 'indicator') {
        const problem = nameProblem(use.name, known);
        if (problem !== undefined)
          issues.push(
            makeIssue(
              'unknown-fact',
              'error',
              `In ${describeOwner(use.node.root.owner)}: ${problem.message}`,
              use.path,
              use.node.root.at,
            ),
          );
        continue;
      }
      const role = use.role === 'fact' ? 'Fact' : 'Compared fact';
      issues.push(
        makeIssue(
          'unknown-fact',
          'error',
          `${role} "${use.name}" in ${describeOwner(use.node.root.owner)} is not in the fact dictionary${didYouMean(use.name, names)}`,
          use.path,
          use.node.root.at,
        ),
      );
    }
    return issues;
  },
};
