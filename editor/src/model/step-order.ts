/**
 * The order a patient meets a pathway's steps, shared by the printable page (its steps) and
 * the canvas's keyboard order (Tab walks the steps in it), so both read the pathway the same way.
 */
import type { Pathway } from '../../../engine/index';

/**
 * Step ids in the order a patient meets them: breadth-first from the entry step along each
 * step's transitions in their order, then any step no transition reaches, in file order.
 */
export function stepOrder(pathway: Pathway): string[] {
  const byId = new Map(pathway.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const order: string[] = [];
  const queue = [pathway.entryStep, ...pathway.globalTransitions.map((t) => t.to)];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const step = byId.get(id);
    if (step === undefined || seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    queue.push(...step.transitions.map((t) => t.to));
  }
  for (const step of pathway.steps) if (!seen.has(step.id)) order.push(step.id);
  return order;
}
