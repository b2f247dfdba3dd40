/**
 * The members of a patients line (engine/service/lines.ts's one line format) as the line
 * reader and its quick route (engine/fast/quick-line.ts) tell them apart: one bit each, to
 * refuse a repeated one, and each member's key.
 */

/** Bits of the line members seen. */
export const ID = 1;
export const CENTRE = 2;
export const FACTS = 4;
export const STEP = 8;
export const AS_OF = 16;
export const VERSION = 32;

/** The key of each line member by its bit. */
export const MEMBER_NAMES: Readonly<Record<number, string>> = {
  [ID]: 'id',
  [CENTRE]: 'healthCentre',
  [FACTS]: 'facts',
  [STEP]: 'currentStep',
  [AS_OF]: 'asOf',
  [VERSION]: 'version',
};
