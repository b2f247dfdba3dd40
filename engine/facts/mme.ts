/**
 * The built-in legacy MME table. Conversion tables are pathway data now (`mmeTables` in the
 * file, every row with a cited source, incomplete sums as lower bounds); this one stays only
 * because the frozen chronic-pain 1.0.0 and 1.1.0 files name it (`table: cdc-2022`) and
 * replaying their audits must give the same answers for ever. Under it a drug without a
 * factor is left out of the sum with a note, as those versions did. Do not add tables here.
 */
import { PathwayError } from '../errors';
import type { MedicationUnit } from './medication';
import type { MmeExclusionReason } from './notes';

/** One drug's conversion: MME/day = dose × factor, for a dose given in `unit`. */
export interface MmeEntry {
  /** Full 7-character ATC code. */
  readonly atc: string;
  readonly name: string;
  readonly factor: number;
  readonly unit: MedicationUnit;
}

/** A drug a table deliberately has no factor for, and why (a code; the note's words say it). */
export interface MmeExclusion {
  readonly atc: string;
  readonly name: string;
  readonly reason: MmeExclusionReason;
}

/** One published conversion table. */
export interface MmeTable {
  readonly id: string;
  readonly title: string;
  /** Citation of the publication the factors come from. */
  readonly source: string;
  readonly entries: readonly MmeEntry[];
  readonly excluded?: readonly MmeExclusion[];
}

/** The table used when neither the derivation nor the pathway names one. */
export const DEFAULT_MME_TABLE = 'cdc-2022';

const cdc2022: MmeTable = {
  id: 'cdc-2022',
  title: 'CDC 2022',
  source:
    'Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for ' +
    'Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(No. RR-3):1–95, ' +
    'table "Morphine milligram equivalent doses for commonly prescribed opioids".',
  entries: [
    { atc: 'N02AA01', name: 'morphine', factor: 1, unit: 'mg/day' },
    { atc: 'N02AA05', name: 'oxycodone', factor: 1.5, unit: 'mg/day' },
    { atc: 'N02AA03', name: 'hydromorphone', factor: 5, unit: 'mg/day' },
    { atc: 'N02AA59', name: 'codeine, combinations', factor: 0.15, unit: 'mg/day' },
    { atc: 'N02AJ06', name: 'codeine and paracetamol', factor: 0.15, unit: 'mg/day' },
    { atc: 'N02AX02', name: 'tramadol', factor: 0.2, unit: 'mg/day' },
    { atc: 'N02AX06', name: 'tapentadol', factor: 0.4, unit: 'mg/day' },
    // Transdermal fentanyl: the factor applies to the patch strength in µg/h, not to mg/day.
    { atc: 'N02AB03', name: 'fentanyl (transdermal)', factor: 2.4, unit: 'ug/h' },
  ],
  excluded: [
    {
      atc: 'N02AE01',
      name: 'buprenorphine',
      reason: 'no-published-factor',
    },
    {
      atc: 'N07BC02',
      name: 'methadone',
      reason: 'non-linear',
    },
  ],
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** All built-in tables by id. Frozen: a result must always mean the same table. */
export const MME_TABLES: Readonly<Record<string, MmeTable>> = deepFreeze({ [cdc2022.id]: cdc2022 });

/**
 * The table named `id` among `tables`.
 * @throws PathwayError `MME_TABLE` naming the known tables when there is no such table.
 */
export function getMmeTable(
  id: string,
  tables: Readonly<Record<string, MmeTable>> = MME_TABLES,
): MmeTable {
  const table = Object.hasOwn(tables, id) ? tables[id] : undefined;
  if (table === undefined) {
    const known = Object.keys(tables).sort().join(', ');
    const message = `unknown MME table ${JSON.stringify(id)} (known: ${known})`;
    throw new PathwayError('MME_TABLE', message, [{ code: 'MME_TABLE', message, value: id }]);
  }
  return table;
}

/** The table's conversion for an ATC code, if it has one. */
export function findMmeEntry(table: MmeTable, atc: string): MmeEntry | undefined {
  return table.entries.find((entry) => entry.atc === atc);
}

/** The table's stated exclusion of an ATC code, if it states one. */
export function findMmeExclusion(table: MmeTable, atc: string): MmeExclusion | undefined {
  return table.excluded?.find((entry) => entry.atc === atc);
}
