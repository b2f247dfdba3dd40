/**
 * WHO ATC codes. A medication carries a full 7-character substance code (level 5, such as
 * N02AA05 oxycodone); pathways select drug classes by group prefixes (N02A, N05BA) or exact
 * codes (N03AE01). A group code on a medication would make every class test guess, so it
 * is rejected.
 */

/** A level-5 (substance) code: letter, 2 digits, 2 letters, 2 digits. */
const ATC_CODE = /^[A-Z]\d{2}[A-Z]{2}\d{2}$/;
/** Any level 1–5 code: A, A01, A01B, A01BC, A01BC01. */
const ATC_ANY_LEVEL = /^[A-Z](?:\d{2}(?:[A-Z](?:[A-Z](?:\d{2})?)?)?)?$/;

/** Which codes a pathway rule is about: any code under one of `prefixes`, or one of `codes` exactly. */
export interface AtcSelector {
  readonly prefixes?: readonly string[];
  readonly codes?: readonly string[];
}

/** True for a full 7-character WHO ATC substance code such as `N02AA05`. */
export function isAtcCode(value: unknown): value is string {
  return typeof value === 'string' && ATC_CODE.test(value);
}

/** True for an ATC code of any level (`N`, `N02`, `N02A`, `N02AA`, `N02AA05`). */
export function isAtcGroup(value: unknown): value is string {
  return typeof value === 'string' && ATC_ANY_LEVEL.test(value);
}

/** Why `value` is not a medication's ATC code, in words a person can act on. */
export function describeAtcProblem(value: unknown): string {
  if (value === undefined) return 'atc is required: the WHO ATC code of the drug, such as N02AA05';
  if (typeof value !== 'string') return 'atc must be a string such as N02AA05';
  if (isAtcCode(value.toUpperCase()) && value !== value.toUpperCase()) {
    return `ATC codes are upper case: ${value.toUpperCase()}`;
  }
  if (isAtcGroup(value) && !isAtcCode(value)) {
    return `${value} is an ATC group, not a substance: give the full 7-character code`;
  }
  return 'not a WHO ATC code: expected a 7-character code such as N02AA05';
}

/** True when `code` is one of the selector's codes or lies under one of its prefixes. */
export function matchesAtc(code: string, selector: AtcSelector): boolean {
  if (selector.codes?.includes(code) === true) return true;
  return selector.prefixes?.some((prefix) => code.startsWith(prefix)) === true;
}
