/** "Did you mean …?" for misspelt fact names and field names, in validation's wording. */
import { closestName as closest, type PreparedNames } from '../model/suggest';

/**
 * The candidate closest to `name`, ignoring case: a plausible typo (at least two edits are
 * allowed, since fact names are long) or a prefix (`ompsq` for `ompsqShort`).
 */
export function closestName(
  name: string,
  candidates: Iterable<string> | PreparedNames,
): string | undefined {
  return closest(name, candidates, { prefixes: true, minLimit: 2 });
}

/** `; did you mean ompsqShort?` or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string> | PreparedNames): string {
  const match = closestName(name, candidates);
  return match === undefined ? '' : `; did you mean ${match}?`;
}
