/**
 * The facts a patient was given, read back from a batch row: what the input's `facts`
 * object held for the dictionary's non-derived facts (an unknown `null` left out), for
 * readers that need the facts by name after a line was read straight into its row.
 */
import type { PopulationPathway } from './compile';

const givenSlots = new WeakMap<PopulationPathway, readonly { name: string; slot: number }[]>();

/** The non-derived dictionary facts of `compiled` with their slots. */
function slotsOf(compiled: PopulationPathway): readonly { name: string; slot: number }[] {
  let slots = givenSlots.get(compiled);
  if (slots === undefined) {
    slots = compiled.pathway.facts
      .filter((f) => f.derived === undefined)
      .map((f) => ({ name: f.name, slot: compiled.layout.slot(f.name) }));
    givenSlots.set(compiled, slots);
  }
  return slots;
}

/**
 * The given (non-derived) facts in `row`, by name; a fact without a value is left out. The
 * values are the row's own (not copies).
 */
export function givenFacts(
  compiled: PopulationPathway,
  row: readonly unknown[],
): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const { name, slot } of slotsOf(compiled)) {
    const value = row[slot];
    if (value !== undefined) facts[name] = value;
  }
  return facts;
}
