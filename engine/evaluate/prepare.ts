/**
 * Checking one evaluation input before anything is evaluated: the evaluation date, the
 * facts against the pathway's dictionary, and the version asked for. Shared by the generated
 * path (whenever its fast loader declines an input) and the json-rules-engine reference, so
 * both refuse the same inputs with the same errors.
 */
import { PathwayError } from '../errors';
import { validateInput, type ValidatedInput } from '../facts/validate';
import { isIsoDate } from '../model/dates';
import type { Pathway } from '../model/types';

/** A checked input and the date it is evaluated on. */
export interface PreparedInput {
  asOf: string;
  validated: ValidatedInput;
}

/**
 * The evaluation date: `input.asOf` wins over `fallback`. No date at all (or not a string) is
 * INVALID_INPUT; a string that is not a real calendar date (2026-02-30, 2026-13-45) is
 * DATE_FORMAT, the code the date module and the input check give every other bad date.
 */
function asOfOf(input: unknown, fallback: string | undefined, pathway: Pathway): string {
  const fromInput =
    typeof input === 'object' && input !== null && 'asOf' in input
      ? (input as { asOf: unknown }).asOf
      : undefined;
  const asOf = fromInput ?? fallback;
  if (isIsoDate(asOf)) return asOf;
  const code = typeof asOf === 'string' ? 'DATE_FORMAT' : 'INVALID_INPUT';
  const message =
    typeof asOf === 'string'
      ? 'not a calendar date as YYYY-MM-DD'
      : 'expected a date as YYYY-MM-DD';
  throw new PathwayError(
    code,
    `asOf must be a date as YYYY-MM-DD, got ${JSON.stringify(asOf)}`,
    [{ code, message, path: 'asOf', value: asOf }],
    pathway.id,
  );
}

/**
 * Checks `input` for `pathway`. The engine never reads the clock: without `input.asOf`,
 * `fallbackAsOf` must be given.
 * @throws PathwayError INVALID_INPUT, the validation codes, or UNKNOWN_VERSION when the input asks for another version.
 */
export function prepareInput(
  pathway: Pathway,
  input: unknown,
  fallbackAsOf: string | undefined,
): PreparedInput {
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
