/**
 * How derived facts depend on each other and on input facts, read only from the pathway's
 * fact dictionary: the order to compute them in, cycles (a pathway error), and which
 * input facts a caller could supply to make an unknown fact known.
 */
import { PathwayError } from '../errors';
import type { Derivation, Fact, Pathway } from '../model/types';

/** The facts a derivation reads. `timeInStep` reads none: it comes from the step's entry date. */
export function derivationInputs(derivation: Derivation): string[] {
  switch (derivation.kind) {
    case 'medicationMatch':
    case 'mme':
    case 'daysSinceEarliest':
    case 'daysSinceDoseIncrease':
      return [derivation.from];
    case 'difference':
      return [derivation.minuend, derivation.subtrahend];
    case 'percentOf':
      return [derivation.part, derivation.whole];
    case 'timeInStep':
    case 'startStep':
      return [];
  }
}

/** Names of the pathway's derived facts, in dictionary order. */
export function derivedFactNames(pathway: Pathway): string[] {
  return pathway.facts.filter((fact) => fact.derived !== undefined).map((fact) => fact.name);
}

/**
 * The derived facts in an order where each comes after the derived facts it reads
 * (dictionary order otherwise, so the order is stable).
 * @throws PathwayError `SCHEMA` naming the cycle when derived facts depend on each other in a circle.
 */
export function derivationOrder(pathway: Pathway): Fact[] {
  const byName = new Map(pathway.facts.map((fact) => [fact.name, fact] as const));
  const done = new Set<string>();
  const order: Fact[] = [];
  const visit = (fact: Fact, trail: string[]): void => {
    if (done.has(fact.name) || fact.derived === undefined) return;
    if (trail.includes(fact.name)) {
      const cycle = [...trail.slice(trail.indexOf(fact.name)), fact.name];
      const index = pathway.facts.indexOf(fact);
      const message = `derived facts depend on each other in a cycle: ${cycle.join(' → ')}`;
      throw new PathwayError(
        'SCHEMA',
        message,
        [{ code: 'SCHEMA', message, path: `facts[${index}].derived`, value: cycle }],
        pathway.id,
      );
    }
    for (const input of derivationInputs(fact.derived)) {
      const dependency = byName.get(input);
      if (dependency !== undefined) visit(dependency, [...trail, fact.name]);
    }
    done.add(fact.name);
    order.push(fact);
  };
  for (const fact of pathway.facts) visit(fact, []);
  return order;
}

/**
 * For a fact that is unknown, the input (not derived) facts that are missing from `facts`
 * and would make it known, found recursively through derived facts; sorted. An input fact
 * that is missing names itself, and so does a `timeInStep` fact, since a caller may give
 * its value. A known fact, or a derived fact whose inputs are all present (but which is
 * unknown for another reason, such as a drug without a dose), gives an empty list.
 */
export function inputsBehind(
  pathway: Pathway,
  factName: string,
  facts: Readonly<Record<string, unknown>>,
): string[] {
  const byName = new Map(pathway.facts.map((fact) => [fact.name, fact] as const));
  const missing = new Set<string>();
  const seen = new Set<string>();
  const known = (name: string): boolean =>
    Object.hasOwn(facts, name) && facts[name] !== null && facts[name] !== undefined;
  const visit = (name: string): void => {
    if (seen.has(name) || known(name)) return;
    seen.add(name);
    const derived = byName.get(name)?.derived;
    if (derived === undefined || derived.kind === 'timeInStep') missing.add(name);
    else for (const input of derivationInputs(derived)) visit(input);
  };
  visit(factName);
  return [...missing].sort();
}
