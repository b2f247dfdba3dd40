/**
 * The steps an alert is about, so the side list can link it to the canvas: alerts are checked
 * in every step, but one may ask "in this step" by comparing a `startStep` fact (the step the
 * patient is in when the evaluation begins) with step ids, such as "specialist assessment
 * overdue" with `startStep = specialist-pain-assessment`.
 */
import type { Pathway } from '../../../engine/index';
import { type Condition, conditionChildren, isLeaf, isReference } from '../../../engine/editor';

/**
 * Step ids that `when` requires the patient to start in (`equal` or `in` on a `startStep` fact,
 * through named conditions, not under a `not`), in the order they are written; only ids of
 * steps that exist.
 */
export function stepsOfCondition(pathway: Pathway, when: Condition): string[] {
  const startFacts = new Set(
    pathway.facts.filter((f) => f.derived?.kind === 'startStep').map((f) => f.name),
  );
  const stepIds = new Set(pathway.steps.map((s) => s.id));
  const found: string[] = [];
  const expanding = new Set<string>();
  const visit = (node: Condition): void => {
    if (isLeaf(node)) {
      if (!startFacts.has(node.fact)) return;
      if (node.operator !== 'equal' && node.operator !== 'in') return;
      const values: unknown[] = Array.isArray(node.value) ? node.value : [node.value];
      for (const value of values)
        if (typeof value === 'string' && stepIds.has(value) && !found.includes(value))
          found.push(value);
    } else if (isReference(node)) {
      // A named condition is followed once (a cycle is lint's to report, not ours to loop on).
      if (expanding.has(node.condition)) return;
      const named = pathway.conditions.find((c) => c.name === node.condition);
      if (named === undefined) return;
      expanding.add(node.condition);
      visit(named.when);
      expanding.delete(node.condition);
    } else if (!('not' in node)) {
      // Under a `not` a step is where the alert does not apply: no link.
      conditionChildren(node).forEach(visit);
    }
  };
  visit(when);
  return found;
}
