/** "Did you mean …?" for misspelt fact names, step ids and field names. */

/** Edit distance (insert, delete, substitute one character). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `name`, ignoring case, if it is close enough to be a plausible
 * typo, or one is a prefix of the other (`ompsq`, `treatment` for `treat`); ties go to the alphabetically first, so
 * the suggestion is deterministic.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of [...candidates].sort()) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    const closeEnough =
      distance <= Math.max(2, Math.floor(wanted.length / 3)) ||
      (wanted.length >= 3 && lower.startsWith(wanted)) ||
      (lower.length >= 3 && wanted.startsWith(lower));
    if (closeEnough && (best === undefined || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}

/** `; did you mean ompsqShort?` or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const closest = closestName(name, candidates);
  return closest === undefined ? '' : `; did you mean ${closest}?`;
}
