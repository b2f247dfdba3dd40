/**
 * Quantiles of the binomial distribution, computed exactly (by summing probabilities), for the
 * funnel plot's control limits. Probabilities are summed from far below the mean (12 standard
 * deviations, where the left tail is below 1e-30) up to the quantile, each term from the
 * previous one by the ratio P(k+1)/P(k) = (n−k)/(k+1) · θ/(1−θ), so a million trials cost a
 * few thousand steps.
 */

/** log Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  const y = x - 1;
  let a = c[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The p-quantile of Binomial(n, θ) with the cumulative probabilities either side of it. */
export interface BinomialQuantile {
  /** The smallest r with P(R ≤ r) ≥ p. */
  r: number;
  /** P(R ≤ r). */
  cdf: number;
  /** P(R ≤ r − 1) (0 when r is 0). */
  cdfBelow: number;
}

/**
 * The p-quantile of Binomial(n, θ), for 0 < θ < 1, n ≥ 1 and 0 < p < 1 (the caller handles
 * θ of 0 or 1, where the distribution is a single point).
 */
export function binomialQuantile(n: number, theta: number, p: number): BinomialQuantile {
  const sd = Math.sqrt(n * theta * (1 - theta));
  const start = Math.max(0, Math.floor(n * theta - 12 * sd - 10));
  const odds = theta / (1 - theta);
  let pmf = Math.exp(
    logGamma(n + 1) -
      logGamma(start + 1) -
      logGamma(n - start + 1) +
      start * Math.log(theta) +
      (n - start) * Math.log(1 - theta),
  );
  let below = 0;
  let cdf = pmf;
  let k = start;
  while (cdf < p && k < n) {
    pmf *= ((n - k) / (k + 1)) * odds;
    k += 1;
    below = cdf;
    cdf += pmf;
  }
  return { r: k, cdf: Math.min(1, cdf), cdfBelow: below };
}
