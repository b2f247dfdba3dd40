/** "Did you mean …?" in the linter's wording; the matching itself is shared. */
import { closestName } from '../model/suggest';

/** The candidate closest to `name`, if it is a plausible slip. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  return closestName(name, candidates);
}

/** ` (did you mean "x"?)`, or nothing when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closest(name, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
