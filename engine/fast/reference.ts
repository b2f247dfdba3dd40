/**
 * The generic preparation of one patient, used whenever the fast loader declines: the
 * reference's own checks (`prepareInput`, the very function `evaluate()` calls) and
 * derivation (`deriveFacts`), copied into slots. Bad input therefore throws exactly the error
 * `evaluate()` throws, and odd but valid input is still answered correctly.
 */
import { deriveFacts } from '../facts/derive';
import type { PreparedInput } from '../evaluate/prepare';
import type { Pathway } from '../model/types';
import type { SlotLayout } from './layout';

/** Fills `slots` with the facts `deriveFacts` computes for one context. */
export function loadReference(
  pathway: Pathway,
  layout: SlotLayout,
  prepared: PreparedInput,
  enteredDuringWalk: boolean,
  slots: unknown[],
): void {
  const { asOf, validated } = prepared;
  const enteredAt = validated.currentStep?.enteredAt;
  const { values } = deriveFacts(pathway, validated.facts, {
    asOf,
    ...(enteredAt === undefined ? {} : { enteredAt }),
    enteredDuringWalk,
    startStep: validated.currentStep?.id ?? pathway.entryStep,
  });
  slots.fill(undefined);
  layout.names.forEach((name, i) => {
    if (name.startsWith('given:')) {
      const value = validated.facts[name.slice('given:'.length)];
      slots[i] = value ?? undefined;
    } else if (Object.hasOwn(values, name)) slots[i] = values[name] ?? undefined;
  });
}
