/**
 * Derived facts computed straight into slots, with the same rules and the same arithmetic
 * as `engine/facts/derive.ts`, but without maps, copies or date strings. Medication facts are
 * asked of the one medication derivation (`engine/facts/medication-rules.ts`), the very code
 * `deriveFacts` calls; notes are only worked out for a patient whose values may carry one.
 * Pathways using a derivation this plan cannot follow (a medication list that is itself
 * derived, say) are evaluated through the generic path instead.
 */
import { derivationOrder } from '../facts/dependencies';
import type { Medication } from '../facts/medication';
import {
  MedicationRules,
  type MedicationKind,
  type MedicationRule,
} from '../facts/medication-rules';
import type { FactNote } from '../facts/notes';
import type { Pathway } from '../model/types';
import { isoDay, monthsBetweenPacked } from './dates';
import { fastClean as cleanArithmetic } from '../facts/fast-rounding';
import type { SlotLayout } from './layout';

interface MedDerivation {
  kind: MedicationKind;
  slot: number;
  from: number;
  rule: MedicationRule;
}

type ScalarDerivation =
  | { kind: 'timeInStep'; slot: number; given: number; unit: 'days' | 'weeks' | 'months' }
  | { kind: 'difference'; slot: number; a: number; b: number }
  | { kind: 'percentOf'; slot: number; part: number; whole: number }
  | { kind: 'startStep'; slot: number };

/** The day numbers the scalar phase needs. */
export interface DeriveDates {
  asOfDay: number;
  asOfPacked: number;
  /** -1 when the current step's entry date is not known. */
  enteredPacked: number;
  enteredDay: number;
  /** The step the patient is in when the evaluation begins. */
  startStep: string;
}

/** The derivation plan of one pathway, or undefined when the fast plan cannot follow it. */
export class DerivePlan {
  private readonly meds: MedDerivation[] = [];
  private readonly scalars: ScalarDerivation[] = [];
  /** Slots of the timeInStep facts and where their given values are kept. */
  readonly timeSlots: { slot: number; given: number }[] = [];

  private constructor(private readonly rules: MedicationRules) {}

  /** Builds the plan, or returns undefined for a pathway the plan does not cover. */
  static build(pathway: Pathway, layout: SlotLayout): DerivePlan | undefined {
    const rules = MedicationRules.of(pathway);
    const plan = new DerivePlan(rules);
    const byName = new Map(pathway.facts.map((f) => [f.name, f] as const));
    for (const fact of derivationOrder(pathway)) {
      const d = fact.derived;
      if (d === undefined) continue;
      const slot = layout.slot(fact.name);
      switch (d.kind) {
        case 'medicationMatch':
        case 'mme':
        case 'daysSinceEarliest':
        case 'daysSinceDoseIncrease': {
          const from = byName.get(d.from);
          const rule = rules.byFact.get(fact.name);
          if (
            from === undefined ||
            from.type !== 'medications' ||
            from.derived !== undefined ||
            rule === undefined
          )
            return undefined;
          plan.meds.push({ kind: d.kind, slot, from: layout.slot(d.from), rule });
          break;
        }
        case 'timeInStep': {
          const given = layout.givenSlot(fact.name);
          plan.scalars.push({ kind: 'timeInStep', slot, given, unit: d.unit });
          plan.timeSlots.push({ slot, given });
          break;
        }
        case 'difference':
          plan.scalars.push({
            kind: 'difference',
            slot,
            a: layout.slot(d.minuend),
            b: layout.slot(d.subtrahend),
          });
          break;
        case 'percentOf':
          plan.scalars.push({
            kind: 'percentOf',
            slot,
            part: layout.slot(d.part),
            whole: layout.slot(d.whole),
          });
          break;
        case 'startStep':
          plan.scalars.push({ kind: 'startStep', slot });
          break;
      }
    }
    return plan;
  }

  /** Set by `medications` when a derivation met what makes `deriveFacts` write a note. */
  private noted = false;
  /** Collects notes during `medications` only to learn whether there are any (reused). */
  private readonly probe: FactNote[] = [];

  /**
   * Computes the medication-based facts (they do not depend on the step). Returns whether
   * the derivation may attach notes (see {@link DerivePlan.notes}): false means it attaches none.
   */
  medications(s: unknown[], dates: DeriveDates): boolean {
    this.noted = false;
    const meds = this.meds;
    for (let k = 0; k < meds.length; k++) {
      const d = meds[k] as MedDerivation;
      const list = s[d.from] as readonly Medication[] | undefined;
      if (list === undefined) {
        s[d.slot] = undefined;
        continue;
      }
      // Half of a population has no medication: the rule's answer for an empty list is
      // asked once per evaluation date, not once per patient.
      if (list.length === 0) {
        if (this.emptyDay !== dates.asOfDay) this.emptyAnswers(dates.asOfDay);
        if (this.emptyPlain) {
          s[d.slot] = this.empty[k];
          continue;
        }
      }
      const probe = this.probe;
      if (probe.length > 0) probe.length = 0;
      s[d.slot] = this.rules.value(d.rule, list, dates.asOfDay, isoDay, probe);
      if (probe.length > 0) this.noted = true;
    }
    return this.noted;
  }

  /** The evaluation day {@link DerivePlan.empty} holds the answers of (NaN: none yet). */
  private emptyDay = NaN;
  /** Per medication derivation: its value for an empty list on {@link DerivePlan.emptyDay}. */
  private readonly empty: unknown[] = [];
  /**
   * Whether the empty-list answers are plain values without notes, safe to share between
   * patients (else every patient takes the general route).
   */
  private emptyPlain = false;

  /** Asks each rule its value for an empty list on `asOfDay`, with the same call as a patient's. */
  private emptyAnswers(asOfDay: number): void {
    const probe: FactNote[] = [];
    let plain = true;
    this.meds.forEach((d, k) => {
      const value = this.rules.value(d.rule, [], asOfDay, isoDay, probe);
      if (typeof value === 'object' && value !== null) plain = false;
      this.empty[k] = value;
    });
    this.emptyPlain = plain && probe.length === 0;
    this.emptyDay = asOfDay;
  }

  /**
   * The notes the derivation attaches for this patient, in the order `deriveFacts` writes
   * them: the same calls, on the lists already in their slots.
   */
  notes(s: readonly unknown[], asOfDay: number): FactNote[] {
    const notes: FactNote[] = [];
    for (const d of this.meds) {
      const list = s[d.from] as readonly Medication[] | undefined;
      if (list === undefined || list.length === 0) continue;
      this.rules.value(d.rule, list, asOfDay, isoDay, notes);
    }
    return notes;
  }

  /** Computes the step-dependent facts; `enteredDuringWalk` makes every time in step 0. */
  scalarsFor(s: unknown[], dates: DeriveDates, enteredDuringWalk: boolean): void {
    for (const d of this.scalars) s[d.slot] = scalar(d, s, dates, enteredDuringWalk);
  }
}

function scalar(
  d: ScalarDerivation,
  s: readonly unknown[],
  dates: DeriveDates,
  enteredDuringWalk: boolean,
): unknown {
  switch (d.kind) {
    case 'timeInStep': {
      if (enteredDuringWalk) return 0;
      const given = s[d.given];
      if (given !== undefined) return given;
      if (dates.enteredPacked < 0) return undefined;
      const days = dates.asOfDay - dates.enteredDay;
      if (d.unit === 'days') return days;
      if (d.unit === 'weeks') return cleanArithmetic(days / 7);
      return cleanArithmetic(monthsBetweenPacked(dates.enteredPacked, dates.asOfPacked));
    }
    case 'difference': {
      const a = s[d.a];
      const b = s[d.b];
      return typeof a === 'number' && typeof b === 'number' ? cleanArithmetic(a - b) : undefined;
    }
    case 'percentOf': {
      const part = s[d.part];
      const whole = s[d.whole];
      return typeof part === 'number' && typeof whole === 'number' && whole > 0
        ? cleanArithmetic((100 * part) / whole)
        : undefined;
    }
    case 'startStep':
      return dates.startStep;
  }
}
