/**
 * Case-mix strata for indirect standardisation. A pathway's `caseMix` lists the facts that
 * stratify patients; a patient's stratum key joins one label per fact, in `caseMix` order,
 * as `fact:label` separated by `|`: `age:45-64|sex:female`.
 *
 * Labels: for a fact with `bands` (ascending lower bounds, e.g. `[18, 45, 65]`) the band the
 * value falls in — `<18` below the first bound, `18-44` and `45-64` for the bands between
 * (the upper end is the next bound minus one for an integer fact, written `45-<65` for a
 * number fact, whose values need not be whole), and `65+` for the last. For a fact without
 * bands, the value as written (`female`, `true`). The whole key is `unknown` when any stratum
 * fact is unknown, so a patient is never put into a stratum by a guess; a lower bound counts
 * only when every value it allows falls in one band (the last).
 */
import { isLowerBound } from '../facts/bound';
import type { CaseMixFact, Fact } from '../model/types';

/** The key of patients whose stratum cannot be known. */
export const UNKNOWN_STRATUM = 'unknown';

/** The label of band `index` of `bands` (`-1`: below the first bound). */
export function bandLabel(bands: readonly number[], index: number, integer: boolean): string {
  if (index < 0) return `<${bands[0] as number}`;
  const lo = bands[index] as number;
  const next = bands[index + 1];
  if (next === undefined) return `${lo}+`;
  return integer && Number.isInteger(next) ? `${lo}-${next - 1}` : `${lo}-<${next}`;
}

/** The label of `value` in `bands`, or undefined when it is no number or bound that fits one band. */
function bandOf(bands: readonly number[], value: unknown, integer: boolean): string | undefined {
  const last = bands.length - 1;
  if (isLowerBound(value))
    // [n, ∞) fits one band only when it starts in the last one.
    return value.atLeast >= (bands[last] as number) ? bandLabel(bands, last, integer) : undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  return bandLabel(bands, bandIndex(bands, value), integer);
}

/** The band a number falls in: -1 below the first bound, else the last bound it reaches. */
function bandIndex(bands: readonly number[], value: number): number {
  const last = bands.length - 1;
  let index = -1;
  while (index < last && value >= (bands[index + 1] as number)) index++;
  return index;
}

/** The label of one stratum fact's value, or undefined when unknown. */
export function stratumLabel(
  entry: CaseMixFact,
  fact: Pick<Fact, 'type'> | undefined,
  value: unknown,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (entry.bands !== undefined) return bandOf(entry.bands, value, fact?.type === 'integer');
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The stratum key of one patient, given how to read a fact's value; {@link UNKNOWN_STRATUM}
 * when any stratum fact is unknown.
 */
export function stratumKey(
  caseMix: readonly CaseMixFact[],
  facts: ReadonlyMap<string, Pick<Fact, 'type'>>,
  valueOf: (fact: string) => unknown,
): string {
  const parts: string[] = [];
  for (const entry of caseMix) {
    const label = stratumLabel(entry, facts.get(entry.fact), valueOf(entry.fact));
    if (label === undefined) return UNKNOWN_STRATUM;
    parts.push(`${entry.fact}:${label}`);
  }
  return parts.join('|');
}

/** A level of {@link StratumKeys}' cache: the keys reached by the labels so far. */
interface KeyNode {
  next: Map<string, KeyNode>;
  key: string | undefined;
}

/**
 * {@link stratumKey} for many patients of one case mix: band labels are made once, and each
 * combination of labels gets its key string once (a cohort has a handful of strata and a
 * million patients, so building and joining the strings per patient was most of the cost).
 */
export class StratumKeys {
  /** Per case-mix entry: its band labels (index 0: below the first bound), or undefined. */
  private readonly bandLabels: (readonly string[] | undefined)[];
  private readonly types: (Pick<Fact, 'type'> | undefined)[];
  private readonly root: KeyNode = { next: new Map(), key: undefined };
  private readonly labels: string[] = [];

  constructor(
    private readonly caseMix: readonly CaseMixFact[],
    facts: ReadonlyMap<string, Pick<Fact, 'type'>>,
  ) {
    this.types = caseMix.map((entry) => facts.get(entry.fact));
    this.bandLabels = caseMix.map((entry, i) => {
      const bands = entry.bands;
      if (bands === undefined) return undefined;
      const integer = this.types[i]?.type === 'integer';
      return [-1, ...bands.keys()].map((index) => bandLabel(bands, index, integer));
    });
  }

  /** The stratum key of a patient whose case-mix facts have `values` (in case-mix order). */
  keyOf(values: readonly unknown[]): string {
    const labels = this.labels;
    for (let i = 0; i < this.caseMix.length; i++) {
      const value = values[i];
      const bands = this.caseMix[i]?.bands;
      const known = this.bandLabels[i];
      const label =
        bands !== undefined &&
        known !== undefined &&
        typeof value === 'number' &&
        !Number.isNaN(value)
          ? known[bandIndex(bands, value) + 1]
          : stratumLabel(this.caseMix[i] as CaseMixFact, this.types[i], value);
      if (label === undefined) return UNKNOWN_STRATUM;
      labels[i] = label;
    }
    let node = this.root;
    for (let i = 0; i < this.caseMix.length; i++) {
      const label = labels[i] as string;
      let next = node.next.get(label);
      if (next === undefined) {
        next = { next: new Map(), key: undefined };
        node.next.set(label, next);
      }
      node = next;
    }
    node.key ??= this.caseMix.map((entry, i) => `${entry.fact}:${labels[i] as string}`).join('|');
    return node.key;
  }
}
