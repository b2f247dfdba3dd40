/**
 * unused-fact (warning): a fact nothing reads: no condition (indicators' included), alert
 * message, measure, derivation or case-mix stratum. Either it is left over or a rule that should use it is missing.
 */
import type { PathwayRule } from '../context';
import { makeIssue } from '../issue';
import { factUses } from '../walk';
import { placeholders } from './alert-template';

/** The `unused-fact` rule; see the comment at the top of this file. */
export const unusedFact: PathwayRule = {
  rule: 'unused-fact',
  check({ doc, nodes }) {
    const used = new Set(factUses(nodes).map((use) => use.name));
    for (const alert of doc.alerts) {
      for (const text of Object.values(alert.message)) {
        if (typeof text === 'string') for (const name of placeholders(text)) used.add(name);
      }
    }
    for (const measure of doc.measures) for (const name of measure.facts ?? []) used.add(name);
    for (const stratum of doc.caseMix ?? []) used.add(stratum.fact);
    for (const fact of doc.facts) {
      const d = fact.derived;
      if (d === undefined) continue;
      if ('from' in d) used.add(d.from);
      if (d.kind === 'difference') used.add(d.minuend).add(d.subtrahend);
      if (d.kind === 'percentOf') used.add(d.part).add(d.whole);
    }
    return doc.facts.flatMap((fact, i) =>
      used.has(fact.name)
        ? []
        : [
            makeIssue(
              'unused-fact',
              'warning',
              `Fact "${fact.name}" is not used by any condition, alert, measure or derived fact`,
              ['facts', i],
            ),
          ],
    );
  },
};
