/**
 * CSV cohort files. One record per line (a quoted field may hold commas and doubled quotes,
 * not line breaks). The header names the columns:
 *
 * - `id`, `healthCentre` (or any column named by `--by`), `asOf`, `currentStep` (a step id) and
 *   `enteredAt` (that step's entry date) are read as such;
 * - every other column must be an input fact of the pathway, typed by its dictionary entry:
 *   numbers as written (`8`, `7.5`), booleans `true`/`false` (also `1`/`0`, `yes`/`no`), text
 *   and dates as written; a list of strings (`redFlags`) as a JSON array or `a;b`; medications
 *   as a JSON array or the mini-syntax `ATC [dose unit] [since]` separated by `;`
 *   (`N02AA05 40 mg/day 2026-01-10; N05BA01 5 mg/day`);
 * - an empty cell is an unknown fact. A cell that does not read as its type is passed on as
 *   text, so the line is reported with the engine's own typed error (FACT_TYPE …).
 */
import { PathwayError } from '../errors';
import type { Fact, Pathway } from '../model/types';
import { parseJsonText } from '../model/input-text';

/** Columns that are not facts. */
export const RESERVED_COLUMNS = ['id', 'healthCentre', 'asOf', 'currentStep', 'enteredAt'] as const;

/** How each column of a file is read. */
export interface CsvMapping {
  columns: { name: string; fact: Fact | undefined }[];
}

/** Splits one CSV line into fields; undefined when its quotes do not close. */
export function splitCsvLine(text: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return undefined;
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
      if (i >= text.length) return fields;
      if (text.charCodeAt(i) !== 44) return undefined;
      i++;
    } else {
      const comma = text.indexOf(',', i);
      if (comma < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}

/**
 * Reads the header line. @throws PathwayError `INVALID_INPUT` naming a column that is neither
 * reserved, the `--by` column, nor an input fact of the pathway.
 */
export function csvMapping(header: string, pathway: Pathway, by: string | undefined): CsvMapping {
  const names = splitCsvLine(header.replace(/^\uFEFF/, ''));
  if (names === undefined)
    throw new PathwayError('INVALID_INPUT', 'the CSV header has an unclosed quote');
  const facts = new Map(pathway.facts.map((f) => [f.name, f] as const));
  const columns = names.map((raw) => {
    const name = raw.trim();
    if ((RESERVED_COLUMNS as readonly string[]).includes(name) || name === by)
      return { name, fact: undefined };
    const fact = facts.get(name);
    if (fact === undefined || (fact.derived !== undefined && fact.derived.kind !== 'timeInStep')) {
      const message = `CSV column ${JSON.stringify(name)} is not an input fact of ${pathway.id} ${pathway.version} (nor one of ${RESERVED_COLUMNS.join(', ')})`;
      throw new PathwayError(
        'INVALID_INPUT',
        message,
        [{ code: 'INVALID_INPUT', message, path: 'header', value: name }],
        pathway.id,
      );
    }
    return { name, fact };
  });
  return { columns };
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/**
 * After a dose, a token that starts with a digit is the start date, not a unit (no unit
 * starts with one). Whether it is a real date is the engine's check (engine/model/dates):
 * `2026-02-30` stays the start date, so the line is reported with DATE_FORMAT.
 */
const START_DATE = /^\d/;

function medication(text: string): Record<string, unknown> {
  const tokens = text.trim().split(/\s+/);
  const med: Record<string, unknown> = { atc: tokens[0] ?? '' };
  let i = 1;
  const dose = tokens[i];
  if (dose !== undefined && NUMBER.test(dose)) {
    med['dose'] = Number(dose);
    i++;
    if (tokens[i] !== undefined && !START_DATE.test(tokens[i] as string)) med['unit'] = tokens[i++];
  }
  if (tokens[i] !== undefined) med['since'] = tokens[i++];
  // Anything left over is kept, so that the engine reports the medication as malformed.
  if (i < tokens.length) med['rest'] = tokens.slice(i).join(' ');
  return med;
}

function list(cell: string): unknown {
  if (cell.startsWith('[')) return parseJsonText(cell);
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A cell as the fact's type reads it (see the file comment). */
export function cellValue(fact: Fact, cell: string): unknown {
  switch (fact.type) {
    case 'integer':
    case 'number':
      return NUMBER.test(cell) ? Number(cell) : cell;
    case 'boolean': {
      const lower = cell.toLowerCase();
      if (lower === 'true' || lower === '1' || lower === 'yes') return true;
      if (lower === 'false' || lower === '0' || lower === 'no') return false;
      return cell;
    }
    case 'string[]':
      return list(cell);
    case 'medications':
      return cell.startsWith('[')
        ? parseJsonText(cell)
        : cell
            .split(';')
            .filter((s) => s.trim() !== '')
            .map(medication);
    default:
      return cell;
  }
}

/** One CSV record as a cohort line object ({ id?, group?, currentStep?, facts, asOf? }). */
export function csvRecord(mapping: CsvMapping, text: string): Record<string, unknown> {
  const fields = splitCsvLine(text);
  if (fields === undefined) throw new Error('a quoted field is not closed');
  if (fields.length !== mapping.columns.length)
    throw new Error(`${fields.length} fields, but the header has ${mapping.columns.length}`);
  const line: Record<string, unknown> = {};
  const facts: Record<string, unknown> = {};
  let step: string | undefined;
  let enteredAt: string | undefined;
  mapping.columns.forEach(({ name, fact }, i) => {
    const cell = (fields[i] as string).trim();
    if (cell === '') return;
    if (fact !== undefined) facts[name] = cellValue(fact, cell);
    else if (name === 'currentStep') step = cell;
    else if (name === 'enteredAt') enteredAt = cell;
    else line[name] = cell;
  });
  if (step !== undefined)
    line['currentStep'] = enteredAt === undefined ? { id: step } : { id: step, enteredAt };
  else if (enteredAt !== undefined) throw new Error('enteredAt is given without currentStep');
  line['facts'] = facts;
  return line;
}
