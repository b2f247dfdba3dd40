/**
 * The rate of a shown cell: numerator over decided patients (those whose numerator is known),
 * with its Wilson 95 % interval. Unknown numerators are their own category beside the rate,
 * never counted as "no": folding them in would bias the rate towards 0.
 */
import { rateShown, type ShownCounts } from './suppress';
import { wilsonInterval, type Interval } from './wilson';

/** A rate on the 0–1 scale with its 95 % interval. */
export interface Rate {
  rate: number;
  interval: Interval;
}

/** The cell's rate and interval, or null when it is suppressed or has no decided patient. */
export function rateOf(cell: ShownCounts): Rate | null {
  if (!rateShown(cell) || cell.decided === 0) return null;
  const interval = wilsonInterval(cell.numerator, cell.decided);
  return interval === null ? null : { rate: cell.numerator / cell.decided, interval };
}
