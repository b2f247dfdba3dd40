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

/** An input fact, its rank among the sorted names, and the slot telling whether it is known (-1: never). */
interface InputSlot {
  readonly name: string;
  readonly rank: number;
  readonly slot: number;
}

/** Answers "which inputs are missing behind these unknown facts" for one pathway. */
export class MissingInputs {
  /** Every fact name a derivation or dictionary mentions, sorted as `Array#sort` sorts them. */
  private readonly names: readonly string[];
  private readonly rank = new Map<string, number>();
  /** Per rank: the inputs a derived fact's derivations reach (undefined for a given fact). */
  private readonly behind: (readonly InputSlot[] | undefined)[] = [];
  /** Scratch marks per rank (all zero between calls): the answer, without a set or a sort. */
  private readonly marks: Uint8Array;

  constructor(pathway: Pathway, layout: SlotLayout) {
    const byName = new Map(pathway.facts.map((f) => [f.name, f] as const));
    const knownSlot = new Map<string, number>();
    const all = new Set<string>();
    for (const fact of pathway.facts) {
      all.add(fact.name);
      if (fact.derived === undefined) knownSlot.set(fact.name, layout.slot(fact.name));
      else {
        if (fact.derived.kind === 'timeInStep')
          knownSlot.set(fact.name, layout.givenSlot(fact.name));
        for (const input of derivationInputs(fact.derived)) all.add(input);
      }
    }
    this.names = [...all].sort();
    this.names.forEach((name, k) => this.rank.set(name, k));
    this.marks = new Uint8Array(this.names.length);
    for (const fact of pathway.facts) {
      if (fact.derived === undefined || fact.derived.kind === 'timeInStep') continue;
      const inputs: InputSlot[] = [];
      const seen = new Set<string>([fact.name]);
      const pending = [...derivationInputs(fact.derived)];
      for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
        if (seen.has(name)) continue;
        seen.add(name);
        const derived = byName.get(name)?.derived;
        if (derived === undefined || derived.kind === 'timeInStep')
          inputs.push({ name, rank: this.rank.get(name) ?? -1, slot: knownSlot.get(name) ?? -1 });
        else pending.push(...derivationInputs(derived));
      }
      this.behind[this.rank.get(fact.name) ?? -1] = inputs;
    }
  }

  /**
   * The sorted input facts behind a condition's unknown facts (see `unknown-facts.ts`; a
   * fact may be named more than once).
   */
  forFacts(unknownFacts: readonly string[], s: readonly unknown[]): string[] {
    const marks = this.marks;
    let marked = 0;
    for (let f = 0; f < unknownFacts.length; f++) {
      const fact = unknownFacts[f] as string;
      const r = this.rank.get(fact);
      if (r === undefined) {
        // A name outside the dictionary (never expected): the plain way, marks left clean.
        marks.fill(0);
        return this.plain(unknownFacts, s);
      }
      const inputs = this.behind[r];
      let any = false;
      // A fact the caller gives (time in step included) is its own missing input.
      if (inputs !== undefined)
        for (let k = 0; k < inputs.length; k++) {
          const input = inputs[k] as InputSlot;
          if (input.slot < 0 || s[input.slot] === undefined) {
            any = true;
            if (marks[input.rank] === 0) {
              marks[input.rank] = 1;
              marked++;
            }
          }
        }
      // A derived fact can be unknown with all inputs present (no dose to convert): name the fact itself.
      if (!any && marks[r] === 0) {
        marks[r] = 1;
        marked++;
      }
    }
    const out: string[] = [];
    for (let k = 0; marked > 0; k++)
      if (marks[k] === 1) {
        marks[k] = 0;
        marked--;
        out.push(this.names[k] as string);
      }
    return out;
  }

  /** `forFacts` with a set and a sort, for names the ranks do not cover. */
  private plain(unknownFacts: readonly string[], s: readonly unknown[]): string[] {
    const out = new Set<string>();
    for (const fact of unknownFacts) {
      const r = this.rank.get(fact);
      const inputs = r === undefined ? undefined : this.behind[r];
      if (inputs === undefined) {
        out.add(fact);
        continue;
      }
      let any = false;
      for (const input of inputs)
        if (input.slot < 0 || s[input.slot] === undefined) {
          any = true;
          out.add(input.name);
        }
      if (!any) out.add(fact);
    }
    return [...out].sort();
  }
}
