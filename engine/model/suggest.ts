/**
 * "Did you mean …?" for misspelt names: fact names, step ids, keys, operators. One
 * definition of "close enough", so the linter, the YAML reader and input validation
 * suggest the same thing for the same slip.
 */

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment), since swapped letters are the commonest typing slip.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const prev = rows[i - 1] ?? [];
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/**
 * The candidate closest to `name`, ignoring case, when it is a plausible slip: within
 * about a third of the letters, or (with `prefixes`) one name starts the other, as in
 * `ompsq` for `ompsqShort`. Ties go to the alphabetically first candidate, so the answer
 * is deterministic. A candidate equal to `name` is never suggested.
 */
export function closestName(
  name: string,
  candidates: Iterable<string>,
  options: { prefixes?: boolean; minLimit?: number } = {},
): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.max(options.minLimit ?? 1, Math.floor(wanted.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of [...candidates].sort()) {
    if (candidate === name) continue;
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    const prefix =
      options.prefixes === true &&
      ((wanted.length >= 3 && lower.startsWith(wanted)) ||
        (lower.length >= 3 && wanted.startsWith(lower)));
    if ((distance <= limit || prefix) && (best === undefined || distance < best.distance))
      best = { candidate, distance };
  }
  return best?.candidate;
}
