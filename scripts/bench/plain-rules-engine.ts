/**
 * Plain json-rules-engine with the pathway's conditions as rules: one rule per keyed
 * condition, named conditions registered with `setCondition`, facts (derived ones included)
 * given directly, unknown facts read as false — what using the library as it comes costs.
 */
import { Engine, Operator } from 'json-rules-engine';
import { collectConditions } from '../../engine/evaluate/condition-set';
import type { Condition, Pathway } from '../../engine/model/types';

/** An engine for `pathway`; run it with `engine.run(facts)`. */
export function plainEngine(pathway: Pathway): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator(
    new Operator(
      'notEmpty',
      (a: unknown, b: unknown) => Array.isArray(a) && a.length > 0 === (b === true),
    ),
  );
  // A bare comparison must be wrapped at the top, as json-rules-engine requires.
  const top = (c: Condition): unknown => ('fact' in c ? { all: [c] } : c);
  for (const c of pathway.conditions) engine.setCondition(c.name, top(c.when) as never);
  for (const { key, condition } of collectConditions(pathway)) {
    engine.addRule({
      name: key,
      priority: 1,
      conditions: top(condition) as never,
      event: { type: key },
    });
  }
  return engine;
}
