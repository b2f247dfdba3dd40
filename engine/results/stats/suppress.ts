/**
 * Small-cell suppression: the one rule every output of the results applies (the report JSON,
 * its HTML, the single-run cohort report), so that no reader can see — or recompute — a count
 * of 1 to min−1 patients. The rule (docs/results-method.md):
 *
 * 1. **Small.** A count is small when 1 ≤ count < min (0 is shown: it discloses no one).
 * 2. **Primary.** Of one indicator in one group, with yes = numerator, no = decided − yes
 *    (decided = denominator − numeratorUnknown), the shown counts are the denominator, decided,
 *    numerator, numeratorUnknown and denominatorUnknown. The numerator is hidden when yes or
 *    no is small; decided when it is small; numeratorUnknown when small; denominatorUnknown
 *    when small; the denominator when small, and then every count of the cell but
 *    denominatorUnknown.
 * 3. **Within the cell.** denominator = decided + numeratorUnknown, so two of them give the
 *    third: when the denominator is hidden all three are; when decided or numeratorUnknown is
 *    hidden, the other is too.
 * 4. **Across groups.** The region (`all`) is the sum of the centres, so one centre's hidden
 *    count is the region's minus the others'. When exactly one centre hides a count the region
 *    shows, the smallest other centre's count (preferably not 0) is hidden too. Steps 3 and 4
 *    repeat until nothing changes.
 * 5. **Derived figures.** A rate, its interval, its funnel position and its standardised ratio
 *    exist only when both numerator and decided are shown ({@link rateShown}).
 */
import { PathwayError } from '../../errors';
import type { IndicatorCounts } from '../../indicators/types';

/** The default minimum cell size. */
export const DEFAULT_MIN_CELL = 5;

/** The counts of a cell a reader can be shown. */
export type CountField =
  'denominator' | 'decided' | 'numerator' | 'numeratorUnknown' | 'denominatorUnknown';

/** Every count of a cell, in the order tables and the `suppressed` column list them. */
export const COUNT_FIELDS: readonly CountField[] = [
  'denominator',
  'decided',
  'numerator',
  'numeratorUnknown',
  'denominatorUnknown',
];

/** Why a count is hidden: it is small itself, or it would give away a small one. */
export type SuppressionReason = 'small' | 'complement';

/** One indicator's counts in one group after suppression; `null` is a hidden count. */
export interface ShownCounts {
  /** Patients in the denominator. */
  denominator: number | null;
  /** Of those, patients whose numerator is decided (the rate's denominator). */
  decided: number | null;
  /** Patients in the numerator. */
  numerator: number | null;
  /** Of the denominator, patients whose numerator is unknown. */
  numeratorUnknown: number | null;
  /** Patients for whom it is unknown whether they belong to the denominator. */
  denominatorUnknown: number | null;
  /** The hidden counts and why. */
  suppressed: Partial<Record<CountField, SuppressionReason>>;
}

/** Whether `count` is small under `minCell`: 1 ≤ count < minCell. */
export function isSmall(count: number, minCell: number): boolean {
  return count >= 1 && count < minCell;
}

/** Checks a minimum cell size: a whole number ≥ 1 (1 hides nothing). */
export function checkMinCell(minCell: number): number {
  if (!Number.isSafeInteger(minCell) || minCell < 1)
    throw new PathwayError(
      'INVALID_INPUT',
      `minCell: expected a whole number ≥ 1, got ${String(minCell)}`,
    );
  return minCell;
}

function hide(cell: ShownCounts, field: CountField, why: SuppressionReason): boolean {
  if (cell[field] === null) return false;
  cell[field] = null;
  cell.suppressed[field] = why;
  return true;
}

/** Step 2: the rule on one cell by itself. */
function primary(counts: IndicatorCounts, minCell: number): ShownCounts {
  const decided = counts.denominator - counts.numeratorUnknown;
  const no = decided - counts.numerator;
  const cell: ShownCounts = {
    denominator: counts.denominator,
    decided,
    numerator: counts.numerator,
    numeratorUnknown: counts.numeratorUnknown,
    denominatorUnknown: counts.denominatorUnknown,
    suppressed: {},
  };
  const small = (n: number): boolean => isSmall(n, minCell);
  if (small(counts.numerator) || small(no)) hide(cell, 'numerator', 'small');
  if (small(decided)) hide(cell, 'decided', 'small');
  if (small(counts.numeratorUnknown)) hide(cell, 'numeratorUnknown', 'small');
  if (small(counts.denominatorUnknown)) hide(cell, 'denominatorUnknown', 'small');
  if (small(counts.denominator)) {
    hide(cell, 'denominator', 'small');
    for (const f of ['decided', 'numerator', 'numeratorUnknown'] as const)
      hide(cell, f, 'complement');
  }
  return cell;
}

/** Step 3: denominator = decided + numeratorUnknown, so no one of them may be hidden alone. */
function closeCell(cell: ShownCounts): boolean {
  let changed = false;
  if (cell.denominator === null) {
    changed = hide(cell, 'decided', 'complement') || changed;
    changed = hide(cell, 'numeratorUnknown', 'complement') || changed;
  }
  if (cell.decided === null) changed = hide(cell, 'numeratorUnknown', 'complement') || changed;
  if (cell.numeratorUnknown === null) changed = hide(cell, 'decided', 'complement') || changed;
  return changed;
}

/** Step 4: one field across the centres, so that the region's total gives nothing away. */
function closeAcross(
  cells: Record<string, ShownCounts>,
  raw: Record<string, number>,
  field: CountField,
  region: string,
): boolean {
  const regionCell = cells[region];
  if (regionCell === undefined || regionCell[field] === null) return false;
  const centres = Object.keys(cells).filter((k) => k !== region);
  const hidden = centres.filter((k) => cells[k]?.[field] === null);
  if (hidden.length !== 1) return false;
  const candidates = centres
    .filter((k) => cells[k]?.[field] !== null)
    .sort((a, b) => {
      const va = raw[a] ?? 0;
      const vb = raw[b] ?? 0;
      if ((va === 0) !== (vb === 0)) return va === 0 ? 1 : -1;
      return va - vb || a.localeCompare(b);
    });
  const chosen = candidates[0];
  // A lone centre is the region: then the region's count is the one to hide.
  if (chosen === undefined) return hide(regionCell, field, 'complement');
  return hide(cells[chosen] as ShownCounts, field, 'complement');
}

/** The raw value of a field of a cell. */
function rawOf(counts: IndicatorCounts, field: CountField): number {
  return field === 'decided' ? counts.denominator - counts.numeratorUnknown : counts[field];
}

/**
 * Applies the suppression rule to one indicator's counts in every group of a run, `region`
 * (default `all`) being the sum of the others. Returns the shown counts per group name.
 */
export function suppressCounts(
  groups: Readonly<Record<string, IndicatorCounts>>,
  options: { minCell?: number; region?: string } = {},
): Record<string, ShownCounts> {
  const minCell = checkMinCell(options.minCell ?? DEFAULT_MIN_CELL);
  const region = options.region ?? 'all';
  const cells: Record<string, ShownCounts> = {};
  for (const [name, counts] of Object.entries(groups)) cells[name] = primary(counts, minCell);
  const raws = Object.fromEntries(
    COUNT_FIELDS.map((f) => [
      f,
      Object.fromEntries(Object.entries(groups).map(([k, c]) => [k, rawOf(c, f)])),
    ]),
  ) as Record<CountField, Record<string, number>>;
  const closeAll = (): void => {
    for (const cell of Object.values(cells)) closeCell(cell);
  };
  closeAll();
  // Each hide is followed by closing the cells, so a complement chosen for one field counts as
  // hidden for the others before another centre is picked for them.
  for (let changed = true; changed;) {
    changed = false;
    for (const f of COUNT_FIELDS)
      if (closeAcross(cells, raws[f], f, region)) {
        closeAll();
        changed = true;
      }
  }
  return cells;
}

/**
 * Whether a rate (and its interval, funnel position and standardised ratio) may be shown for a
 * cell: only when its numerator and decided count are both shown.
 */
export function rateShown(cell: ShownCounts): cell is ShownCounts & {
  numerator: number;
  decided: number;
} {
  return cell.numerator !== null && cell.decided !== null;
}

/**
 * Whether a centre's standardised ratio may be shown: its numerator is shown, and neither the
 * known-strata cell (observed of denominator) nor the left-out unknown-stratum cell has a small
 * count, since the ratio's interval gives the observed count away.
 */
export function standardisedShown(
  cell: ShownCounts,
  s: {
    observed: number;
    denominator: number;
    excludedUnknown: number;
    excludedUnknownNumerator: number;
  },
  minCell: number,
): boolean {
  const small = (n: number): boolean => isSmall(n, minCell);
  return (
    rateShown(cell) &&
    !small(s.observed) &&
    !small(s.denominator - s.observed) &&
    !small(s.denominator) &&
    !small(s.excludedUnknown) &&
    !small(s.excludedUnknownNumerator) &&
    !small(s.excludedUnknown - s.excludedUnknownNumerator)
  );
}
