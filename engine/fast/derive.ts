/**
 * Derived facts computed straight into slots, with the same rules and the same arithmetic
 * as `engine/facts/derive.ts` (same order of additions, same rounding), but without maps,
 * notes, copies or date strings. Pathways using a derivation this plan cannot follow (a
 * medication list that is itself derived, say) are evaluated through the generic path instead,
 * so this file only has to be right for what it accepts.
 */
import { matchesAtc } from '../facts/atc';
import { derivationOrder } from '../facts/dependencies';
import {
  DEFAULT_MME_TABLE,
  findMmeEntry,
  getMmeTable,
  type MmeEntry,
  type MmeTable,
} from '../facts/mme';
import type { Medication } from '../facts/medication';
import { sumMme } from '../facts/mme-sum';
import type { FactNote } from '../facts/notes';
import { undatedNotes } from '../facts/undated';
import type { Fact, Pathway } from '../model/types';
import { isoDay, monthsBetweenPacked } from './dates';
import { fastClean as cleanArithmetic, fastRound1 } from './rounding';
import type { SlotLayout } from './layout';

type MedKind = 'medicationMatch' | 'mme' | 'daysSinceEarliest';

interface MedDerivation {
  kind: MedKind;
  slot: number;
  from: number;
  /** Index into {@link AtcInfo.matches} and {@link AtcInfo.entries}. */
  index: number;
}

type ScalarDerivation =
  | { kind: 'timeInStep'; slot: number; given: number; unit: 'days' | 'weeks' | 'months' }
  | { kind: 'difference'; slot: number; a: number; b: number }
  | { kind: 'percentOf'; slot: number; part: number; whole: number };

/** What one ATC code means for each medication derivation. */
interface AtcInfo {
  matches: boolean[];
  entries: (MmeEntry | undefined)[];
}

/** A medication as given: fields may be null (unknown), which derivation reads as absent. */
interface RawMedication {
  atc: string;
  dose?: number | null;
  unit?: string | null;
  since?: string | null;
}

/** The day numbers the scalar phase needs. */
export interface DeriveDates {
  asOfDay: number;
  asOfPacked: number;
  /** -1 when the current step's entry date is not known. */
  enteredPacked: number;
  enteredDay: number;
}

const CACHE_LIMIT = 4096;

/** The derivation plan of one pathway, or undefined when the fast plan cannot follow it. */
export class DerivePlan {
  private readonly meds: MedDerivation[] = [];
  private readonly scalars: ScalarDerivation[] = [];
  private readonly atcCache = new Map<string, AtcInfo>();
  private readonly selectors: { fact: Fact; kind: MedKind }[] = [];
  private tables: (MmeTable | undefined)[] = [];
  /** Slots of the timeInStep facts and where their given values are kept. */
  readonly timeSlots: { slot: number; given: number }[] = [];

  private constructor() {}

  /** Builds the plan, or returns undefined for a pathway the plan does not cover. */
  static build(pathway: Pathway, layout: SlotLayout): DerivePlan | undefined {
    const plan = new DerivePlan();
    const byName = new Map(pathway.facts.map((f) => [f.name, f] as const));
    for (const fact of derivationOrder(pathway)) {
      const d = fact.derived;
      if (d === undefined) continue;
      const slot = layout.slot(fact.name);
      switch (d.kind) {
        case 'medicationMatch':
        case 'mme':
        case 'daysSinceEarliest': {
          const from = byName.get(d.from);
          if (from === undefined || from.type !== 'medications' || from.derived !== undefined)
            return undefined;
          plan.meds.push({
            kind: d.kind,
            slot,
            from: layout.slot(d.from),
            index: plan.selectors.length,
          });
          plan.selectors.push({ fact, kind: d.kind });
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
      }
    }
    plan.tables = plan.selectors.map(({ fact }) =>
      fact.derived?.kind === 'mme'
        ? getMmeTable(fact.derived.table ?? pathway.mmeTable ?? DEFAULT_MME_TABLE)
        : undefined,
    );
    return plan;
  }

  private info(atc: string): AtcInfo {
    const cached = this.atcCache.get(atc);
    if (cached !== undefined) return cached;
    const info: AtcInfo = { matches: [], entries: [] };
    this.selectors.forEach(({ fact }, i) => {
      const d = fact.derived;
      const selector = d !== undefined && 'atc' in d ? d.atc : {};
      info.matches.push(matchesAtc(atc, selector));
      const table = this.tables[i];
      info.entries.push(table === undefined ? undefined : findMmeEntry(table, atc));
    });
    if (this.atcCache.size < CACHE_LIMIT) this.atcCache.set(atc, info);
    return info;
  }

  /** ATC information of the list being derived, looked up once per drug (scratch, reused). */
  private readonly infos: AtcInfo[] = [];
  private infosOf: readonly RawMedication[] | undefined;

  /** Set by `one` when a derivation met what makes `deriveFacts` write a note. */
  private noted = false;

  /**
   * Computes the medication-based facts (they do not depend on the step). Returns whether
   * the derivation may attach notes (see {@link DerivePlan.notes}): false means it attaches none.
   */
  medications(s: unknown[], dates: DeriveDates): boolean {
    this.noted = false;
    this.infosOf = undefined;
    for (const d of this.meds) {
      const list = s[d.from] as readonly RawMedication[] | undefined;
      if (list === undefined) {
        s[d.slot] = undefined;
        continue;
      }
      if (this.infosOf !== list) {
        this.infosOf = list;
        for (let i = 0; i < list.length; i++)
          this.infos[i] = this.info((list[i] as RawMedication).atc);
      }
      s[d.slot] = this.one(d, list, dates);
    }
    this.infosOf = undefined;
    return this.noted;
  }

  private one(d: MedDerivation, list: readonly RawMedication[], dates: DeriveDates): unknown {
    const infos = this.infos;
    if (d.kind === 'medicationMatch') {
      for (let i = 0; i < list.length; i++)
        if ((infos[i] as AtcInfo).matches[d.index] === true) return true;
      return false;
    }
    if (d.kind === 'mme') {
      let sum = 0;
      let known = true;
      for (let i = 0; i < list.length; i++) {
        const med = list[i] as RawMedication;
        const info = infos[i] as AtcInfo;
        if (info.matches[d.index] !== true) continue;
        const entry = info.entries[d.index];
        if (entry === undefined) {
          this.noted = true;
          continue;
        }
        const dose = med.dose ?? undefined;
        const unit = med.unit ?? undefined;
        if (dose === undefined || unit === undefined || unit !== entry.unit) {
          known = false;
          this.noted = true;
        } else sum += dose * entry.factor;
      }
      return known ? fastRound1(sum) : undefined;
    }
    let earliest = Infinity;
    let matched = false;
    for (let i = 0; i < list.length; i++) {
      const med = list[i] as RawMedication;
      if ((infos[i] as AtcInfo).matches[d.index] !== true) continue;
      matched = true;
      const since = med.since ?? undefined;
      if (since === undefined) {
        this.noted = true;
        return undefined;
      }
      const day = isoDay(since);
      if (day < earliest) earliest = day;
    }
    return matched ? dates.asOfDay - earliest : 0;
  }

  /**
   * Whether deriving `d` would attach a note for this list: a matching drug the table cannot
   * convert, without a dose or unit, dosed in another unit, or without a start date.
   */
  private mayNoteOn(d: MedDerivation, list: readonly RawMedication[]): boolean {
    for (let i = 0; i < list.length; i++) {
      const med = list[i] as RawMedication;
      const info = this.info(med.atc);
      if (info.matches[d.index] !== true) continue;
      if (d.kind === 'daysSinceEarliest') {
        if ((med.since ?? undefined) === undefined) return true;
        continue;
      }
      const entry = info.entries[d.index];
      const unit = med.unit ?? undefined;
      if (entry === undefined || (med.dose ?? undefined) === undefined || unit !== entry.unit)
        return true;
    }
    return false;
  }

  /**
   * The notes the derivation attaches for this patient, in the order `deriveFacts` writes
   * them. Only a derivation that may note runs the shared note writers of `engine/facts`
   * (the same functions the generic derivation calls), on the list already in its slot.
   */
  notes(s: readonly unknown[]): FactNote[] {
    const notes: FactNote[] = [];
    for (const d of this.meds) {
      if (d.kind === 'medicationMatch') continue;
      const list = s[d.from] as readonly RawMedication[] | undefined;
      if (list === undefined || list.length === 0 || !this.mayNoteOn(d, list)) continue;
      // Lists in slots went through the loader or `validateInput`: no null fields.
      const medications = list as readonly Medication[];
      const { fact } = this.selectors[d.index] as { fact: Fact };
      const derived = fact.derived;
      if (derived === undefined || !('atc' in derived)) continue;
      if (d.kind === 'mme') {
        const table = this.tables[d.index] as MmeTable;
        for (const note of sumMme(fact, medications, derived.atc, table).notes) notes.push(note);
      } else {
        for (const note of undatedNotes(fact, medications, derived.atc)) notes.push(note);
      }
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
  }
}
