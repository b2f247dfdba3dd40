/** Statistics of the results report: intervals, funnel limits, standardisation, suppression. */
export { binomialQuantile, logGamma, type BinomialQuantile } from './binomial';
export { funnelLimits, funnelPosition, type FunnelLimits, type FunnelPosition } from './funnel';
export { rateOf, type Rate } from './rate';
export { standardise, UNKNOWN_STRATUM, type Standardised } from './standardise';
export {
  checkMinCell,
  COUNT_FIELDS,
  DEFAULT_MIN_CELL,
  isSmall,
  rateShown,
  standardisedShown,
  suppressCounts,
  type CountField,
  type ShownCounts,
  type SuppressionReason,
} from './suppress';
export { wilsonInterval, Z95, Z998, type Interval } from './wilson';
