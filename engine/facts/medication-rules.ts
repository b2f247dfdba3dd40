/**
 * The one derivation of medication facts. Every path that evaluates a patient — the
 * per-patient `deriveFacts` and the population plan in `engine/fast/derive.ts` — asks this
 * module, so the rules below exist once:
 *
 * - A class fact (`medicationMatch`) is true when a certain entry is in the class; unknown
 *   when none is but an uncertain entry could be (an unclassified code, a record without a
 *   status, a list only partly sent); false otherwise.
 * - An MME sum (`mme`) by a table carried in the pathway file is exact when every matching
 *   drug converts, else a {@link LowerBound}: the sum of those that convert. By a built-in
 *   legacy table (the frozen 1.0.0/1.1.0 files) it keeps the old rule: a drug the table
 *   excludes adds nothing, with a note; an unreadable dose makes the sum unknown.
 * - A day count (`daysSinceEarliest`) is unknown when a matching drug has no start date or an
 *   uncertain entry could match, or (with `whenIncomplete: lowerBound`) a lower bound.
 * - `daysSinceDoseIncrease` is the days since the latest recorded dose increase; unknown when
 *   none is recorded or an uncertain entry could match.
 *
 * Notes say, for each value that is not whole, which drug made it so and why.
 */
import { PathwayError, type ErrorIssue } from '../errors';
import { formatPath, type PathSegment } from '../model/path';
import type { Derivation, Fact, Pathway } from '../model/types';
import { matchesAtc, type AtcSelector } from './atc';
import { lowerBound } from './bound';
import { isCertain, type Medication, type MedicationUnit } from './medication';
import { DEFAULT_MME_TABLE, MME_TABLES, type MmeTable } from './mme';
import type { FactNote, FactNoteCode, MmeExclusionReason } from './notes';
import { fastRoundTo } from './fast-rounding';

/** The derivation kinds that read a medication list. */
export type MedicationKind =
  'medicationMatch' | 'mme' | 'daysSinceEarliest' | 'daysSinceDoseIncrease';

/** One drug's conversion in a resolved table. */
interface Conversion {
  readonly drug: string;
  readonly factor?: number;
  readonly unit?: MedicationUnit;
  readonly noFactor?: MmeExclusionReason;
}

/** An MME table ready to use: its rows by ATC code, and whether sums by it may be bounds. */
export interface ResolvedTable {
  readonly id: string;
  readonly title: string;
  /** A table from the pathway file: an incomplete sum is a lower bound. */
  readonly bounded: boolean;
  readonly rows: ReadonlyMap<string, Conversion>;
}

/** One medication derivation of a pathway, resolved. */
export interface MedicationRule {
  readonly fact: Fact;
  readonly kind: MedicationKind;
  /** The medication list fact it reads. */
  readonly from: string;
  readonly selector: AtcSelector;
  readonly table?: ResolvedTable;
  /** Incomplete day counts are lower bounds rather than unknown. */
  readonly bounded: boolean;
  /** Its place among the pathway's rules: the index into each ATC code's cached matches. */
  readonly index: number;
}

/** Converts a built-in legacy table. */
function legacyTable(table: MmeTable): ResolvedTable {
  const rows = new Map<string, Conversion>();
  for (const e of table.excluded ?? []) rows.set(e.atc, { drug: e.name, noFactor: e.reason });
  for (const e of table.entries) rows.set(e.atc, { drug: e.name, factor: e.factor, unit: e.unit });
  return { id: table.id, title: table.title, bounded: false, rows };
}

/** Converts a table of the pathway file. */
function fileTable(table: NonNullable<Pathway['mmeTables']>[number]): ResolvedTable {
  const rows = new Map<string, Conversion>();
  for (const r of table.rows) {
    rows.set(r.atc, {
      drug: r.drug,
      ...(r.factor === undefined ? {} : { factor: r.factor }),
      ...(r.unit === undefined ? {} : { unit: r.unit }),
      ...(r.noFactor === undefined ? {} : { noFactor: r.noFactor }),
    });
  }
  return { id: table.id, title: table.title, bounded: true, rows };
}

/** A problem with the pathway's drug classes or MME tables. */
export interface MedicationDataProblem {
  readonly code: 'SCHEMA' | 'MME_TABLE';
  readonly message: string;
  readonly path: readonly PathSegment[];
  readonly value: unknown;
}

/** Problems with the pathway's drug classes and MME tables, each naming its path. */
export function medicationDataProblems(pathway: Pathway): MedicationDataProblem[] {
  const issues: MedicationDataProblem[] = [];
  const add = (
    path: readonly PathSegment[],
    message: string,
    value: unknown,
    code: MedicationDataProblem['code'] = 'SCHEMA',
  ): void => {
    issues.push({ code, message, path, value });
  };
  const refs = new Set(pathway.references.map((r) => r.id));
  const classes = new Set<string>();
  (pathway.drugClasses ?? []).forEach((c, i) => {
    if (classes.has(c.id))
      add(['drugClasses', i, 'id'], `drug class '${c.id}' is declared twice`, c.id);
    classes.add(c.id);
    if (c.atc.prefixes.length + c.atc.codes.length === 0)
      add(['drugClasses', i, 'atc'], `drug class '${c.id}' names no ATC prefix or code`, c.atc);
    c.references.forEach((r, k) => {
      if (!refs.has(r)) add(['drugClasses', i, 'references', k], `unknown reference '${r}'`, r);
    });
  });
  const tables = new Set<string>();
  (pathway.mmeTables ?? []).forEach((t, i) => {
    if (tables.has(t.id))
      add(['mmeTables', i, 'id'], `MME table '${t.id}' is declared twice`, t.id);
    tables.add(t.id);
    const seen = new Set<string>();
    t.rows.forEach((row, k) => {
      const at: PathSegment[] = ['mmeTables', i, 'rows', k];
      if (seen.has(row.atc))
        add([...at, 'atc'], `${row.atc} has two rows in table '${t.id}'`, row.atc);
      seen.add(row.atc);
      if (!refs.has(row.source))
        add([...at, 'source'], `unknown reference '${row.source}'`, row.source);
      if (row.factor !== undefined && row.noFactor !== undefined)
        add(at, `${row.drug}: give a factor or noFactor, not both`, row);
      if (row.factor === undefined && row.noFactor === undefined)
        add(
          at,
          `${row.drug}: give a factor (with its unit) or noFactor saying why there is none`,
          row,
        );
      if (row.factor !== undefined && row.unit === undefined)
        add(
          [...at, 'unit'],
          `${row.drug}: a factor needs the unit the dose is given in (mg/day or ug/h)`,
          row,
        );
    });
  });
  const known = (id: string): boolean => tables.has(id) || Object.hasOwn(MME_TABLES, id);
  const knownList = (): string => [...tables, ...Object.keys(MME_TABLES)].sort().join(', ');
  if (pathway.mmeTable !== undefined && !known(pathway.mmeTable))
    add(
      ['mmeTable'],
      `unknown MME table ${JSON.stringify(pathway.mmeTable)} (known: ${knownList()})`,
      pathway.mmeTable,
      'MME_TABLE',
    );
  pathway.facts.forEach((fact, i) => {
    const d = fact.derived;
    if (d === undefined || !isMedicationKind(d.kind) || !('from' in d)) return;
    const at: PathSegment[] = ['facts', i, 'derived'];
    if ((d.atc === undefined) === (d.class === undefined))
      add(
        at,
        `derived fact "${fact.name}" must name its drugs by atc or by class (exactly one)`,
        d,
      );
    if (d.class !== undefined && !classes.has(d.class))
      add(
        [...at, 'class'],
        `unknown drug class '${d.class}'${classes.size > 0 ? ` (declared: ${[...classes].join(', ')})` : ''}`,
        d.class,
      );
    // An unknown pathway-level table is reported once, above.
    if (d.kind === 'mme' && (d.table !== undefined || pathway.mmeTable === undefined)) {
      const id = d.table ?? DEFAULT_MME_TABLE;
      if (!known(id))
        add(
          d.table !== undefined ? [...at, 'table'] : at,
          `unknown MME table ${JSON.stringify(id)} (known: ${knownList()})`,
          id,
          'MME_TABLE',
        );
    }
  });
  return issues;
}

function isMedicationKind(kind: Derivation['kind']): kind is MedicationKind {
  return (
    kind === 'medicationMatch' ||
    kind === 'mme' ||
    kind === 'daysSinceEarliest' ||
    kind === 'daysSinceDoseIncrease'
  );
}

const CACHE = new WeakMap<Pathway, MedicationRules>();

/** The resolved medication derivations of one pathway, with a per-ATC-code cache. */
export class MedicationRules {
  /** Rules by fact name. */
  readonly byFact: ReadonlyMap<string, MedicationRule>;
  private readonly atcMatches = new Map<string, boolean[]>();

  private constructor(readonly rules: readonly MedicationRule[]) {
    this.byFact = new Map(rules.map((r) => [r.fact.name, r] as const));
  }

  /**
   * The rules of `pathway` (cached per pathway object).
   * @throws PathwayError `SCHEMA` / `MME_TABLE` naming the path of an unknown class or table,
   * a row without a factor or reason, a missing source.
   */
  static of(pathway: Pathway): MedicationRules {
    const cached = CACHE.get(pathway);
    if (cached !== undefined) return cached;
    const issues: ErrorIssue[] = medicationDataProblems(pathway).map((p) => ({
      code: p.code,
      message: p.message,
      path: formatPath(p.path),
      value: p.value,
    }));
    if (issues.length > 0) {
      const first = issues[0] as ErrorIssue;
      throw new PathwayError(
        first.code,
        `pathway ${pathway.id} ${pathway.version}: ${issues.map((i) => `${i.path ?? ''}: ${i.message}`).join('; ')}`,
        issues,
        pathway.id,
      );
    }
    const classes = new Map((pathway.drugClasses ?? []).map((c) => [c.id, c.atc] as const));
    const tables = new Map((pathway.mmeTables ?? []).map((t) => [t.id, fileTable(t)] as const));
    const rules: MedicationRule[] = [];
    for (const fact of pathway.facts) {
      const d = fact.derived;
      if (d === undefined || !isMedicationKind(d.kind) || !('from' in d)) continue;
      const selector = d.atc ?? (d.class === undefined ? undefined : classes.get(d.class)) ?? {};
      let table: ResolvedTable | undefined;
      if (d.kind === 'mme') {
        const id = d.table ?? pathway.mmeTable ?? DEFAULT_MME_TABLE;
        table = tables.get(id) ?? legacyTable(MME_TABLES[id] as MmeTable);
      }
      rules.push({
        fact,
        kind: d.kind,
        from: d.from,
        selector,
        ...(table === undefined ? {} : { table }),
        bounded:
          d.kind === 'daysSinceEarliest'
            ? d.whenIncomplete === 'lowerBound'
            : (table?.bounded ?? false),
        index: rules.length,
      });
    }
    const made = new MedicationRules(rules);
    CACHE.set(pathway, made);
    return made;
  }

  /** Whether `atc` is in each rule's selection (cached per code). */
  private matches(atc: string): boolean[] {
    let m = this.atcMatches.get(atc);
    if (m === undefined) {
      m = this.rules.map((r) => matchesAtc(atc, r.selector));
      if (this.atcMatches.size < 4096) this.atcMatches.set(atc, m);
    }
    return m;
  }

  /** True when `med` is in the rule's selection for certain. */
  private certainIn(i: number, med: Medication): boolean {
    return isCertain(med) && this.matches(med.atc)[i] === true;
  }

  /** True when `med` is uncertain and could be in the rule's selection. */
  private possiblyIn(i: number, med: Medication): boolean {
    if (med.uncertain === undefined) return false;
    return med.atc === undefined || this.matches(med.atc)[i] === true;
  }

  /**
   * The MME facts to which a certain entry of `atc` would add no factor: those whose drugs
   * include it while their table has no factor for it. Under a table of the pathway file such
   * a sum becomes a lower bound; under a built-in legacy table the drug is left out of it. The
   * editor's medication search says so through this, the same lookup the sum itself uses.
   */
  mmeWithoutFactor(atc: string): readonly MedicationRule[] {
    const matches = this.matches(atc);
    return this.rules.filter(
      (rule) =>
        rule.kind === 'mme' &&
        matches[rule.index] === true &&
        rule.table !== undefined &&
        rule.table.rows.get(atc)?.factor === undefined,
    );
  }

  /**
   * The value of `rule` for `medications` on day `asOfDay` (days since 1970-01-01, see
   * `dayOf`), or undefined when unknown. Notes explaining an incomplete or unknown value are
   * pushed onto `notes` when it is given (the population path passes none until it needs them).
   */
  value(
    rule: MedicationRule,
    medications: readonly Medication[],
    asOfDay: number,
    dayOf: (isoDate: string) => number,
    notes?: FactNote[],
  ): unknown {
    const i = rule.index;
    switch (rule.kind) {
      case 'medicationMatch':
        return this.match(i, rule, medications, notes);
      case 'mme':
        return this.mme(i, rule, medications, notes);
      case 'daysSinceEarliest':
        return this.earliest(i, rule, medications, asOfDay, dayOf, notes);
      case 'daysSinceDoseIncrease':
        return this.doseIncrease(i, rule, medications, asOfDay, dayOf, notes);
    }
  }

  private match(
    i: number,
    rule: MedicationRule,
    meds: readonly Medication[],
    notes?: FactNote[],
  ): unknown {
    let possible = false;
    for (const med of meds) {
      if (this.certainIn(i, med)) return true;
      if (this.possiblyIn(i, med)) possible = true;
    }
    if (!possible) return false;
    if (notes !== undefined) this.uncertainNotes(i, rule, meds, notes, false);
    return undefined;
  }

  private mme(
    i: number,
    rule: MedicationRule,
    meds: readonly Medication[],
    notes?: FactNote[],
  ): unknown {
    const table = rule.table as ResolvedTable;
    let sum = 0;
    let unknown = false;
    let incomplete = false;
    for (const med of meds) {
      if (this.possiblyIn(i, med)) {
        if (table.bounded) incomplete = true;
        else unknown = true;
        if (notes !== undefined) pushUncertain(notes, rule, med, table.bounded);
        continue;
      }
      if (!this.certainIn(i, med)) continue;
      const row = table.rows.get(med.atc as string);
      if (row?.factor === undefined) {
        // Legacy tables leave the drug out of a sum that still counts as whole (as 1.0.0/1.1.0 did).
        if (table.bounded) incomplete = true;
        if (notes !== undefined)
          pushNote(
            notes,
            table.bounded ? 'mme-no-factor' : 'mme-excludes',
            rule,
            med,
            table,
            row,
            table.bounded,
          );
        continue;
      }
      const problem: FactNoteCode | undefined =
        med.dose === undefined
          ? 'mme-dose-missing'
          : med.unit === undefined
            ? 'mme-unit-missing'
            : med.unit !== row.unit
              ? 'mme-unit-mismatch'
              : undefined;
      if (problem !== undefined) {
        if (table.bounded) incomplete = true;
        else unknown = true;
        if (notes !== undefined) pushNote(notes, problem, rule, med, table, row, table.bounded);
        continue;
      }
      sum += (med.dose as number) * row.factor;
    }
    if (unknown) return undefined;
    // roundTo snaps floating-point noise before rounding (30 × 0.15 must be 4.5, not 4.4);
    // fastRoundTo is the same number without its toPrecision call in the common case.
    const value = fastRoundTo(sum, 1, 10);
    return incomplete ? lowerBound(value) : value;
  }

  private earliest(
    i: number,
    rule: MedicationRule,
    meds: readonly Medication[],
    asOfDay: number,
    dayOf: (isoDate: string) => number,
    notes?: FactNote[],
  ): unknown {
    let earliest = Infinity;
    let incomplete = false;
    for (const med of meds) {
      if (this.possiblyIn(i, med)) {
        incomplete = true;
        continue;
      }
      if (!this.certainIn(i, med)) continue;
      if (med.since === undefined) incomplete = true;
      else earliest = Math.min(earliest, dayOf(med.since));
    }
    const value = earliest === Infinity ? 0 : asOfDay - earliest;
    if (!incomplete) return value;
    if (notes !== undefined) {
      for (const med of meds) {
        if (this.possiblyIn(i, med)) pushUncertain(notes, rule, med, rule.bounded);
        else if (this.certainIn(i, med) && med.since === undefined)
          pushNote(notes, 'since-missing', rule, med, undefined, undefined, rule.bounded);
      }
    }
    return rule.bounded ? lowerBound(value) : undefined;
  }

  private doseIncrease(
    i: number,
    rule: MedicationRule,
    meds: readonly Medication[],
    asOfDay: number,
    dayOf: (isoDate: string) => number,
    notes?: FactNote[],
  ): unknown {
    let latest = -Infinity;
    let possible = false;
    for (const med of meds) {
      if (this.possiblyIn(i, med)) possible = true;
      else if (this.certainIn(i, med) && med.doseIncreasedAt !== undefined)
        latest = Math.max(latest, dayOf(med.doseIncreasedAt));
    }
    if (possible) {
      if (notes !== undefined) this.uncertainNotes(i, rule, meds, notes, false);
      return undefined;
    }
    return latest === -Infinity ? undefined : asOfDay - latest;
  }

  private uncertainNotes(
    i: number,
    rule: MedicationRule,
    meds: readonly Medication[],
    notes: FactNote[],
    incomplete: boolean,
  ): void {
    for (const med of meds)
      if (this.possiblyIn(i, med)) pushUncertain(notes, rule, med, incomplete);
  }
}

/** A note being built (the parameters a code needs are set one by one). */
type Draft = { -readonly [K in keyof FactNote]: FactNote[K] };

/**
 * Adds the note `code` about a certain entry: one note per drug and problem, even if the same
 * drug is listed twice.
 */
function pushNote(
  notes: FactNote[],
  code: FactNoteCode,
  rule: MedicationRule,
  med: Medication,
  table: ResolvedTable | undefined,
  row: Conversion | undefined,
  incomplete: boolean,
): void {
  const atc = med.atc as string;
  for (const n of notes) if (n.code === code && n.atc === atc && n.fact === rule.fact.name) return;
  const note: Draft = { code, fact: rule.fact.name, atc };
  const drug = med.name ?? row?.drug;
  if (drug !== undefined) note.drug = drug;
  if (table !== undefined) note.table = table.title;
  if (row?.noFactor !== undefined) note.exclusion = { reason: row.noFactor, drug: row.drug };
  if (code === 'mme-unit-mismatch' && med.unit !== undefined) note.unit = med.unit;
  if (row?.unit !== undefined && (code === 'mme-unit-missing' || code === 'mme-unit-mismatch'))
    note.expectedUnit = row.unit;
  if (incomplete) note.incomplete = true;
  notes.push(note);
}

/** Adds a `medication-uncertain` note about an uncertain entry (one per entry's reason and detail). */
function pushUncertain(
  notes: FactNote[],
  rule: MedicationRule,
  med: Medication,
  incomplete: boolean,
): void {
  const uncertain = med.uncertain;
  if (uncertain === undefined) return;
  for (const n of notes)
    if (
      n.code === 'medication-uncertain' &&
      n.fact === rule.fact.name &&
      n.atc === med.atc &&
      n.uncertain?.reason === uncertain.reason &&
      n.uncertain.detail === uncertain.detail
    )
      return;
  const note: Draft = { code: 'medication-uncertain', fact: rule.fact.name, uncertain };
  if (med.atc !== undefined) note.atc = med.atc;
  if (med.name !== undefined) note.drug = med.name;
  if (incomplete) note.incomplete = true;
  notes.push(note);
}
