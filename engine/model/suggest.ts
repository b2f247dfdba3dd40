/**
 * "Did you mean …?" for misspelt names: fact names, step ids, keys, operators. One
 * definition of "close enough", so the linter, the YAML reader and input validation
 * suggest the same thing for the same slip.
 */

/**
 * Names longer than this get no suggestion: no identifier is that long, and the edit distance
 * costs the product of the two lengths (a 1 MB name would block the service for seconds).
 */
export const MAX_SUGGESTED_NAME = 64;

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment), since swapped letters are the commonest typing slip. Keeps three rows, so
 * memory grows with the shorter side only; time is the product of the lengths.
 */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  // Three rows in one reused buffer: before (i - 2), prev (i - 1) and row (i), rotating.
  let before = 0;
  let prev = width;
  let row = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let best = Math.min(
        (rows[prev + j] as number) + 1,
        (rows[row + j - 1] as number) + 1,
        (rows[prev + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        best = Math.min(best, (rows[before + j - 2] as number) + 1);
      }
      rows[row + j] = best;
    }
    const free = before;
    before = prev;
    prev = row;
    row = free;
  }
  return rows[prev + b.length] as number;
}

/** The rows {@link editDistance} works in, grown when a longer name comes. */
let rows = new Int32Array(3 * 128);

/**
 * Candidates with their lower-case forms, made once for a list that is asked about again and
 * again (a pathway's fact names, for every misspelt fact of a cohort file).
 */
export class PreparedNames {
  readonly names: readonly string[];
  readonly lower: readonly string[];

  constructor(candidates: Iterable<string>) {
    this.names = [...candidates];
    this.lower = this.names.map((name) => name.toLowerCase());
  }
}

/**
 * The candidate closest to `name`, ignoring case, when it is a plausible slip: within
 * about a third of the letters, or (with `prefixes`) one name starts the other, as in
 * `ompsq` for `ompsqShort`. Ties go to the alphabetically first candidate, so the answer
 * is deterministic. A candidate equal to `name` is never suggested. A name longer than
 * {@link MAX_SUGGESTED_NAME} gets none, and a candidate whose length alone puts it out of
 * reach is not measured.
 */
export function closestName(
  name: string,
  candidates: Iterable<string> | PreparedNames,
  options: { prefixes?: boolean; minLimit?: number } = {},
): string | undefined {
  if (name.length > MAX_SUGGESTED_NAME) return undefined;
  const { names, lower: lowered } =
    candidates instanceof PreparedNames ? candidates : new PreparedNames(candidates);
  const wanted = name.toLowerCase();
  const limit = Math.max(options.minLimit ?? 1, Math.floor(wanted.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  const prefixes = options.prefixes === true;
  const first = wanted.charCodeAt(0);
  // Ties go to the alphabetically first: compared as found rather than sorting every call.
  for (let k = 0; k < names.length; k++) {
    const lower = lowered[k] as string;
    // The distance is at least the difference in length: past the limit only a prefix counts,
    // and one name starting the other shares its first letter. Most candidates end here,
    // before any comparison of text (a misspelt fact is compared with every fact name).
    const far = Math.abs(lower.length - wanted.length) > limit;
    if (far && (!prefixes || lower.charCodeAt(0) !== first)) continue;
    const candidate = names[k] as string;
    if (candidate === name) continue;
    const prefix =
      prefixes &&
      ((wanted.length >= 3 && lower.startsWith(wanted)) ||
        (lower.length >= 3 && wanted.startsWith(lower)));
    if (!prefix && far) continue;
    const distance = editDistance(wanted, lower);
    if (
      (distance <= limit || prefix) &&
      (best === undefined ||
        distance < best.distance ||
        (distance === best.distance && candidate < best.candidate))
    )
      best = { candidate, distance };
  }
  return best?.candidate;
}
