/**
 * The input facts a caller could supply to decide an unknown condition: the same answer as
 * `evaluate()` gives (`inputsBehind` from `engine/facts/dependencies.ts` over the facts found
 * unknown in the evaluated tree), with "is this input known?" read from slots.
 *
 * A derived fact is never "known" on the way (only inputs are), so the inputs behind it are
 * the inputs its derivations reach, less the known ones: that list is worked out once per
 * pathway here, and a patient only checks its slots.
 */
import { derivationInputs } from '../facts/dependencies';
import type { Pathway } from '../model/types';
import type { SlotLayout } from './layout';

/** An input fact and the slot telling whether it is known (-1: never known). */
interface InputSlot {
  readonly name: string;
  readonly slot: number;
}

/** Answers "which inputs are missing behind these unknown facts" for one pathway. */
export class MissingInputs {
  /** Per derived fact (time in step excepted): the inputs its derivations reach. */
  private readonly behind = new Map<string, readonly InputSlot[]>();

  constructor(pathway: Pathway, layout: SlotLayout) {
    const byName = new Map(pathway.facts.map((f) => [f.name, f] as const));
    const knownSlot = new Map<string, number>();
    for (const fact of pathway.facts) {
      if (fact.derived === undefined) knownSlot.set(fact.name, layout.slot(fact.name));
      else if (fact.derived.kind === 'timeInStep')
        knownSlot.set(fact.name, layout.givenSlot(fact.name));
    }
    for (const fact of pathway.facts) {
      if (fact.derived === undefined || fact.derived.kind === 'timeInStep') continue;
      const inputs: InputSlot[] = [];
      const seen = new Set<string>();
      const pending = [...derivationInputs(fact.derived)];
      seen.add(fact.name);
      for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
        if (seen.has(name)) continue;
        seen.add(name);
        const derived = byName.get(name)?.derived;
        if (derived === undefined || derived.kind === 'timeInStep')
          inputs.push({ name, slot: knownSlot.get(name) ?? -1 });
        else pending.push(...derivationInputs(derived));
      }
      this.behind.set(fact.name, inputs);
    }
  }

  /** The sorted input facts behind a condition's unknown facts (see `unknown-facts.ts`). */
  forFacts(unknownFacts: ReadonlySet<string>, s: readonly unknown[]): string[] {
    const out: string[] = [];
    for (const fact of unknownFacts) {
      const inputs = this.behind.get(fact);
      // A fact the caller gives (time in step included) is its own missing input.
      if (inputs === undefined) {
        out.push(fact);
        continue;
      }
      const before = out.length;
      for (let k = 0; k < inputs.length; k++) {
        const input = inputs[k] as InputSlot;
        if (input.slot < 0 || s[input.slot] === undefined) out.push(input.name);
      }
      // A derived fact can be unknown with all inputs present (no dose to convert): name the fact itself.
      if (out.length === before) out.push(fact);
    }
    if (out.length < 2) return out;
    out.sort();
    let w = 1;
    for (let r = 1; r < out.length; r++) if (out[r] !== out[w - 1]) out[w++] = out[r] as string;
    out.length = w;
    return out;
  }
}
