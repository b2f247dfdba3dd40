/**
 * The generic preparation of one patient, used whenever the fast loader declines: the
 * reference's own checks (`asOf`, `validateInput`, the version) and derivation
 * (`deriveFacts`), copied into slots. Bad input therefore throws exactly the error
 * `evaluate()` throws, and odd but valid input is still answered correctly.
 */
import { PathwayError } from '../errors';
import { deriveFacts } from '../facts/derive';
import { validateInput, type ValidatedInput } from '../facts/validate';
import type { Pathway } from '../model/types';
import type { SlotLayout } from './layout';

/** The checked input and its evaluation date. */
export interface Prepared {
  asOf: string;
  validated: ValidatedInput;
}

/** The evaluation date exactly as `evaluate()` chooses and checks it (`input.asOf` wins). */
function asOfOf(input: unknown, fallback: string | undefined, pathway: Pathway): string {
  const fromInput =
    typeof input === 'object' && input !== null && 'asOf' in input
      ? (input as { asOf: unknown }).asOf
      : undefined;
  const asOf = fromInput ?? fallback;
  if (
    typeof asOf !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ||
    Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))
  ) {
    throw new PathwayError(
      'INVALID_INPUT',
      `asOf must be a date as YYYY-MM-DD, got ${JSON.stringify(asOf)}`,
      [
        {
          code: 'INVALID_INPUT',
          message: 'expected a date as YYYY-MM-DD',
          path: 'asOf',
          value: asOf,
        },
      ],
      pathway.id,
    );
  }
  return asOf;
}

/** Checks `input` as `evaluate()` does. @throws PathwayError exactly as `evaluate()` would. */
export function prepareReference(
  pathway: Pathway,
  input: unknown,
  fallbackAsOf: string | undefined,
): Prepared {
  const asOf = asOfOf(input, fallbackAsOf, pathway);
  const validated = validateInput(pathway, input, { asOf });
  const requestedVersion = (input as { version?: unknown }).version;
  if (requestedVersion !== undefined && requestedVersion !== pathway.version) {
    throw new PathwayError(
      'UNKNOWN_VERSION',
      `input asks for version ${String(requestedVersion)} but pathway ${pathway.id} ${pathway.version} was given`,
      [
        {
          code: 'UNKNOWN_VERSION',
          message: 'version does not match the pathway evaluated',
          path: 'version',
          value: requestedVersion,
        },
      ],
      pathway.id,
    );
  }
  return { asOf, validated };
}

/** Fills `slots` with the facts `deriveFacts` computes for one context. */
export function loadReference(
  pathway: Pathway,
  layout: SlotLayout,
  prepared: Prepared,
  enteredDuringWalk: boolean,
  slots: unknown[],
): void {
  const { asOf, validated } = prepared;
  const enteredAt = validated.currentStep?.enteredAt;
  const { values } = deriveFacts(pathway, validated.facts, {
    asOf,
    ...(enteredAt === undefined ? {} : { enteredAt }),
    enteredDuringWalk,
  });
  slots.fill(undefined);
  layout.names.forEach((name, i) => {
    if (name.startsWith('given:')) {
      const value = validated.facts[name.slice('given:'.length)];
      slots[i] = value ?? undefined;
    } else if (Object.hasOwn(values, name)) slots[i] = values[name] ?? undefined;
  });
}
