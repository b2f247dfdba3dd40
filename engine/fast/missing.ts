/**
 * The input facts a caller could supply to decide an unknown condition: the same answer as
 * `evaluate()` gives (`inputsBehind` from `engine/facts/dependencies.ts` over the facts found
 * unknown in the evaluated tree), with "is this input known?" read from slots.
 */
import { derivationInputs } from '../facts/dependencies';
import type { Fact, Pathway } from '../model/types';
import type { SlotLayout } from './layout';

/** Answers "which inputs are missing behind these unknown facts" for one pathway. */
export class MissingInputs {
  private readonly byName: ReadonlyMap<string, Fact>;
  private readonly knownSlot = new Map<string, number>();

  constructor(pathway: Pathway, layout: SlotLayout) {
    this.byName = new Map(pathway.facts.map((f) => [f.name, f] as const));
    for (const fact of pathway.facts) {
      if (fact.derived === undefined) this.knownSlot.set(fact.name, layout.slot(fact.name));
      else if (fact.derived.kind === 'timeInStep')
        this.knownSlot.set(fact.name, layout.givenSlot(fact.name));
    }
  }

  private inputsBehind(name: string, s: readonly unknown[]): string[] {
    const missing = new Set<string>();
    const seen = new Set<string>();
    const visit = (fact: string): void => {
      const slot = this.knownSlot.get(fact);
      if (seen.has(fact) || (slot !== undefined && s[slot] !== undefined)) return;
      seen.add(fact);
      const derived = this.byName.get(fact)?.derived;
      if (derived === undefined || derived.kind === 'timeInStep') missing.add(fact);
      else for (const input of derivationInputs(derived)) visit(input);
    };
    visit(name);
    return [...missing].sort();
  }

  /** The sorted input facts behind a condition's unknown facts (see `unknown-facts.ts`). */
  forFacts(unknownFacts: ReadonlySet<string>, s: readonly unknown[]): string[] {
    const out = new Set<string>();
    for (const fact of unknownFacts) {
      // A fact the caller gives (time in step included) is its own missing input.
      const derived = this.byName.get(fact)?.derived;
      if (derived === undefined || derived.kind === 'timeInStep') {
        out.add(fact);
        continue;
      }
      const inputs = this.inputsBehind(fact, s);
      for (const name of inputs.length > 0 ? inputs : [fact]) out.add(name);
    }
    return [...out].sort();
  }
}
