/** Seeded randomness for the synthetic populations: the same seed always gives the same people. */
import { addDuration } from '../model/dates';

/** A small, fast, seeded PRNG (mulberry32), so that any generated patient can be regenerated. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distributions drawn from one seeded source. */
export class Draw {
  constructor(readonly next: () => number) {}

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Normal(mean, sd) by Box–Muller. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Normal(mean, sd) rounded to a multiple of `step` and clipped to [min, max]. */
  clipped(mean: number, sd: number, min: number, max: number, step = 1): number {
    const value = Math.round(this.normal(mean, sd) / step) * step;
    return Math.min(max, Math.max(min, Number(value.toFixed(2))));
  }

  /** Exponential with the given mean, as a whole number. */
  exponential(mean: number): number {
    return Math.floor(-Math.log(1 - this.next()) * mean);
  }

  /** One of `items`, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [key, w] of entries) {
      x -= w;
      if (x < 0) return key;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }
}

/**
 * The ISO date `days` before `asOf` (YYYY-MM-DD). A fraction of a day reaches back into the
 * day before (1.5 days before midnight is the day before yesterday), hence the ceiling.
 */
export function daysBefore(asOf: string, days: number): string {
  return addDuration(asOf, { days: -Math.ceil(days) });
}
