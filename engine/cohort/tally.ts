/**
 * Counting a chunk of evaluated batch patients into numbered slots instead of records keyed
 * by name: every name a count can carry (step, transition key, alert, follow-up, indicator)
 * is numbered once per compiled pathway, a patient adds 1 to integer slots, and the chunk's
 * tally becomes {@link CohortCounts} once, at its end. Why: looking names up in records was a
 * large share of a cohort's time per patient. The records it makes are exactly those that
 * `countResult` (engine/cohort/counts.ts) makes of the same patients' Outcomes, keys in the
 * same first-seen order (test/indicators/batch-walk.test.ts compares them).
 */
import { NEEDS_INFORMATION, type BatchResults } from '../fast/batch-results';
import type { FastFollowUpRule, FastStep, PopulationPathway } from '../fast/compile';
import { FOLLOW_UP_STATUS } from '../fast/follow-ups';
import type { BatchWalk } from '../indicators/batch-walk';
import type { IndicatorCounts } from '../indicators/types';
import { emptyGroup, type CohortCounts, type GroupCounts } from './counts';
import { emptyIndicatorCounts } from './indicator-counts';

/** The names of one compiled pathway, numbered. */
interface Names {
  steps: readonly string[];
  /** Transition keys, `''` (an unknown candidate) last. */
  keys: readonly string[];
  /** Per step, per candidate: the number of its key. */
  keyOf: readonly Int32Array[];
  /** Alert ids, and per alert (file order) the number of its id. */
  alertIds: readonly string[];
  alertOf: Int32Array;
  /** Follow-up ids, and per follow-up rule (by its index) the number of its id. */
  followUpIds: readonly string[];
  followUpOf: Int32Array;
}

/** Numbers `name` in `into` (first come, first numbered) and returns its number. */
function numberOf(into: Map<string, number>, name: string): number {
  let n = into.get(name);
  if (n === undefined) {
    n = into.size;
    into.set(name, n);
  }
  return n;
}

/** Adds `by` to `a[i]` and returns the value before. */
function inc(a: Int32Array, i: number, by = 1): number {
  const before = a[i] as number;
  a[i] = before + by;
  return before;
}

const namesByPathway = new WeakMap<PopulationPathway, Names>();

function namesOf(c: PopulationPathway): Names {
  let names = namesByPathway.get(c);
  if (names !== undefined) return names;
  const keys = new Map<string, number>();
  const keyOf = c.steps.map(
    (s) => new Int32Array(s.candidates.map((candidate) => numberOf(keys, candidate.key))),
  );
  numberOf(keys, '');
  const alerts = new Map<string, number>();
  const alertOf = new Int32Array(c.alerts.map((a) => numberOf(alerts, a.id)));
  const followUps = new Map<string, number>();
  const followUpOf = new Int32Array(c.followUpRuleCount);
  for (const rules of [c.followUps, ...c.steps.map((s) => s.followUps)])
    for (const rule of rules) followUpOf[rule.index] = numberOf(followUps, rule.id);
  names = {
    steps: c.steps.map((s) => s.id),
    keys: [...keys.keys()],
    keyOf,
    alertIds: [...alerts.keys()],
    alertOf,
    followUpIds: [...followUps.keys()],
    followUpOf,
  };
  namesByPathway.set(c, names);
  return names;
}

/**
 * Counts under numbered names, remembering the order in which each name was first counted
 * (the order in which a record keyed by name would have got its keys).
 */
class Slots {
  readonly n: Int32Array;
  readonly order: number[] = [];
  constructor(size: number) {
    this.n = new Int32Array(size);
  }
  add(k: number): void {
    if (inc(this.n, k) === 0) this.order.push(k);
  }
  /** Writes the counts into `into` under their names, in first-counted order. */
  write(into: Record<string, number>, names: readonly string[]): void {
    for (const k of this.order) {
      const name = names[k] as string;
      into[name] = (into[name] ?? 0) + (this.n[k] as number);
    }
  }
}

const UNKNOWN = 1;
const TRUE = 2;

/** One group's counts in a chunk. */
class GroupTally {
  patients = 0;
  needsInformation = 0;
  readonly finalStep: Slots;
  readonly visited: Slots;
  readonly transitions: Slots;
  readonly alerts: Slots;
  readonly undecidedAlerts: Slots;
  readonly followUpsDue: Slots;
  readonly followUpsOverdue: Slots;
  readonly missingFacts = new Map<string, number>();
  /** Per indicator: denominator, numerator, numeratorUnknown, denominatorUnknown. */
  indicators: Int32Array | undefined;
  /** Whether the indicators keep strata (the pathway has a case mix). */
  withStrata = false;
  /** Per stratum key: per indicator, its denominator and numerator. */
  readonly strata = new Map<string, Int32Array>();
  /** Per indicator: its stratum keys in first-counted order. */
  strataOrder: string[][] = [];

  constructor(names: Names) {
    this.finalStep = new Slots(names.steps.length);
    this.visited = new Slots(names.steps.length);
    this.transitions = new Slots(names.keys.length);
    this.alerts = new Slots(names.alertIds.length);
    this.undecidedAlerts = new Slots(names.alertIds.length);
    this.followUpsDue = new Slots(names.followUpIds.length);
    this.followUpsOverdue = new Slots(names.followUpIds.length);
  }
}

/** The counts of one chunk, per group, in numbered slots. */
export class ChunkTally {
  private readonly names: Names;
  private readonly groups = new Map<string, GroupTally>();
  /** Indicator ids, file order (empty when the pathway has none). */
  private readonly ids: readonly string[];

  constructor(
    private readonly compiled: PopulationPathway,
    indicatorIds: readonly string[],
  ) {
    this.names = namesOf(compiled);
    this.ids = indicatorIds;
  }

  /** The group last looked up (a patient's walk and indicators are counted one after the other). */
  private lastName: string | undefined;
  private last: GroupTally | undefined;

  private group(name: string): GroupTally {
    if (name === this.lastName && this.last !== undefined) return this.last;
    let g = this.groups.get(name);
    if (g === undefined) {
      g = new GroupTally(this.names);
      this.groups.set(name, g);
    }
    this.lastName = name;
    this.last = g;
    return g;
  }

  /** Counts the due and overdue follow-ups among `rules` (codes from offset `at`) into `g`. */
  private countFollowUps(
    g: GroupTally,
    codes: Uint8Array,
    at: number,
    rules: readonly FastFollowUpRule[],
  ): void {
    const { followUpOf } = this.names;
    for (const rule of rules) {
      const status = FOLLOW_UP_STATUS[codes[at + rule.index] as number];
      if (status === 'overdue') g.followUpsOverdue.add(followUpOf[rule.index] as number);
      else if (status === 'due') g.followUpsDue.add(followUpOf[rule.index] as number);
    }
  }

  /**
   * Counts the walk, alerts and follow-ups of patient `i` of `results` (which `walk` points
   * at) into `group`, as `countResult` counts its Outcome, reading the result columns
   * directly. Missing facts are worked out only for patients whose placement needs
   * information, the only ones counted.
   */
  countWalk(group: string, walk: BatchWalk, results: BatchResults, i: number): void {
    const g = this.group(group);
    const c = this.compiled;
    const { keyOf, alertOf } = this.names;
    g.patients++;
    if (results.status[i] === NEEDS_INFORMATION) {
      g.needsInformation++;
      for (const fact of walk.missingFacts())
        g.missingFacts.set(fact, (g.missingFacts.get(fact) ?? 0) + 1);
    }
    const { path, taken } = results;
    const from = i * results.pathWidth;
    const length = results.pathLength[i] as number;
    const final = path[from + length - 1] as number;
    g.finalStep.add(final);
    for (let j = 0; j < length; j++) g.visited.add(path[from + j] as number);
    const unknownKey = this.names.keys.length - 1;
    for (let j = 0; j + 1 < length; j++) {
      const keys = keyOf[path[from + j] as number] as Int32Array;
      const t = taken[from + j] as number;
      g.transitions.add(t >= 0 && t < keys.length ? (keys[t] as number) : unknownKey);
    }
    // Fired alerts in the order an outcome lists them (severity, then file order).
    const alerts = results.alerts;
    const a0 = i * results.alertCount;
    for (const a of c.alertsBySeverity)
      if (alerts[a0 + a.order] === 2) g.alerts.add(alertOf[a.order] as number);
    for (let k = 0; k < c.alerts.length; k++)
      if (alerts[a0 + k] === 1) g.undecidedAlerts.add(alertOf[k] as number);
    // The final step's follow-ups first, then the pathway's, as an outcome lists them.
    const f0 = i * results.ruleCount;
    this.countFollowUps(g, results.followUps, f0, (c.steps[final] as FastStep).followUps);
    this.countFollowUps(g, results.followUps, f0, c.followUps);
  }

  /**
   * Counts one patient's indicator memberships into `group` (counted with
   * {@link ChunkTally.countWalk} first), from truth codes as `IndicatorEvaluator.truthsAt`
   * writes them: `truths[2k]` the denominator's, `truths[2k + 1]` the numerator's (0 false,
   * 1 unknown, 2 true). `stratum` is the case-mix stratum key, undefined without a case mix.
   */
  countTruths(group: string, truths: Uint8Array, stratum: string | undefined): void {
    const g = this.group(group);
    const count = this.ids.length;
    let ind = g.indicators;
    if (ind === undefined) {
      ind = g.indicators = new Int32Array(4 * count);
      g.withStrata = stratum !== undefined;
      g.strataOrder = this.ids.map(() => []);
    }
    let strata: Int32Array | undefined;
    for (let k = 0; k < count; k++) {
      const d = truths[2 * k];
      if (d === UNKNOWN) {
        inc(ind, 4 * k + 3);
        continue;
      }
      if (d !== TRUE) continue;
      inc(ind, 4 * k);
      const n = truths[2 * k + 1];
      if (n === UNKNOWN) {
        inc(ind, 4 * k + 2);
        continue;
      }
      const hit = n === TRUE ? 1 : 0;
      inc(ind, 4 * k + 1, hit);
      if (stratum === undefined) continue;
      if (strata === undefined) {
        strata = g.strata.get(stratum);
        if (strata === undefined) {
          strata = new Int32Array(2 * count);
          g.strata.set(stratum, strata);
        }
      }
      if (inc(strata, 2 * k) === 0) (g.strataOrder[k] as string[]).push(stratum);
      inc(strata, 2 * k + 1, hit);
    }
  }

  /** Adds the tally into `counts`, groups in first-counted order. */
  addTo(counts: CohortCounts): void {
    const { steps, keys, alertIds, followUpIds } = this.names;
    for (const [name, t] of this.groups) {
      const g: GroupCounts = (counts.groups[name] ??= emptyGroup());
      g.patients += t.patients;
      g.needsInformation += t.needsInformation;
      t.finalStep.write(g.finalStep, steps);
      t.visited.write(g.visited, steps);
      t.transitions.write(g.transitions, keys);
      t.alerts.write(g.alerts, alertIds);
      t.undecidedAlerts.write(g.undecidedAlerts, alertIds);
      t.followUpsDue.write(g.followUpsDue, followUpIds);
      t.followUpsOverdue.write(g.followUpsOverdue, followUpIds);
      for (const [fact, n] of t.missingFacts)
        g.missingFacts[fact] = (g.missingFacts[fact] ?? 0) + n;
      if (t.indicators !== undefined) this.addIndicators(g.indicators, t);
    }
  }

  private addIndicators(into: Record<string, IndicatorCounts>, t: GroupTally): void {
    const ind = t.indicators as Int32Array;
    this.ids.forEach((id, k) => {
      const c = (into[id] ??= emptyIndicatorCounts(t.withStrata));
      c.denominator += ind[4 * k] as number;
      c.numerator += ind[4 * k + 1] as number;
      c.numeratorUnknown += ind[4 * k + 2] as number;
      c.denominatorUnknown += ind[4 * k + 3] as number;
      if (!t.withStrata) return;
      const strata = (c.strata ??= {});
      for (const key of t.strataOrder[k] as string[]) {
        const s = t.strata.get(key) as Int32Array;
        const to = (strata[key] ??= { denominator: 0, numerator: 0 });
        to.denominator += s[2 * k] as number;
        to.numerator += s[2 * k + 1] as number;
      }
    });
  }
}
