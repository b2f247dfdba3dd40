/**
 * Fact slots: every fact a pathway knows (and every name its conditions mention, known or
 * not) gets a fixed index into one array, so the compiled code reads `s[7]` instead of
 * looking a name up in an object for every comparison.
 */
import type { Pathway } from '../model/types';

/** A fixed mapping from fact names to array indexes. */
export class SlotLayout {
  private readonly byName = new Map<string, number>();
  /** Slot names in index order (shadow slots are named `given:<fact>`). */
  readonly names: string[] = [];

  constructor(pathway: Pathway) {
    for (const fact of pathway.facts) this.slot(fact.name);
  }

  /** The slot of `name`, allocated on first use (a condition may name a fact the dictionary lacks). */
  slot(name: string): number {
    let index = this.byName.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.byName.set(name, index);
    }
    return index;
  }

  /** A second slot holding the value the caller gave for a fact the engine may overwrite. */
  givenSlot(name: string): number {
    return this.slot(`given:${name}`);
  }

  get size(): number {
    return this.names.length;
  }
}
