/**
 * The medication code table: RxNorm and SNOMED CT codes mapped to the WHO ATC substance
 * code of the drug they name, so that a FHIR medication coded only in RxNorm or SNOMED CT
 * can still be put in its drug class. The table is clinical data with a cited source per
 * row (`terminology/medication-codes.yaml`), not engine code; this module only reads and
 * checks it. Pure: no Node built-ins.
 *
 * A code missing from the table is not guessed: the reader reports the medication as
 * unclassified, which leaves the drug-class facts it could change unknown.
 */
import { z } from 'zod';
import { describeAtcProblem, isAtcCode } from '../facts/atc';
import { errorFromIssues, type ErrorCode, type ErrorIssue } from '../errors';
import { formatPath, type PathSegment } from '../model/path';
import { parseYamlWithSchema } from '../yaml/parse';
import { readYamlSource, type Position } from '../yaml/source';

/** One code of another system and the ATC substance code it stands for. */
export interface MedicationCoding {
  /** The code system URI, e.g. `http://www.nlm.nih.gov/research/umls/rxnorm`. */
  readonly system: string;
  readonly code: string;
  /** The full 7-character WHO ATC code, e.g. `N05BA01`. */
  readonly atc: string;
  readonly display?: string;
  /** The substance's name as the table writes it (an INN in English, e.g. `morphine`). */
  readonly name?: string;
  /** Its name in Swedish and Danish where the table gives one with a source (`oxikodon`). */
  readonly names?: SubstanceNames;
}

/** Languages the table may name a substance in besides its English INN. */
export const SUBSTANCE_NAME_LANGUAGES = ['sv', 'da'] as const;

/** A substance's names by language (only those the table gives, each with a cited source). */
export type SubstanceNames = Readonly<
  Partial<Record<(typeof SUBSTANCE_NAME_LANGUAGES)[number], string>>
>;

/** Code system URIs the shipped table uses (FHIR R4 terminology names). */
export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';

const text = z.string().trim().min(1, { message: 'must not be empty' });

/**
 * Codes are strings, never YAML numbers: an 18-digit SNOMED CT identifier is beyond a
 * JavaScript number's precision and would be changed silently.
 */
const codeSchema = z.strictObject({
  system: text,
  code: text,
  display: text.optional(),
  source: text,
});

/** A name of the substance in a UI language, from the source it cites (a product text, a register). */
const localNameSchema = z.strictObject({
  language: z.enum(SUBSTANCE_NAME_LANGUAGES),
  name: text,
  source: text,
});

const substanceSchema = z.strictObject({
  // Checked after parsing, so that a bad code gets ATC_FORMAT and the reason in words.
  atc: z.string(),
  name: text,
  source: text,
  names: z.array(localNameSchema).optional(),
  codes: z.array(codeSchema),
});

const sourceSchema = z.strictObject({
  id: text,
  citation: text,
  url: text.optional(),
});

const tableSchema = z.strictObject({
  title: text.optional(),
  sources: z.array(sourceSchema),
  substances: z.array(substanceSchema),
});

/** The table file as written. */
export type MedicationCodeTable = z.infer<typeof tableSchema>;

/**
 * Reads the table text and checks it: every ATC code a 7-character substance code
 * (`ATC_FORMAT`), every row citing a declared source (`SCHEMA`), no substance listed twice
 * and no `system|code` listed twice (`CODE_CONFLICT`: one code must name one substance).
 * Throws one PathwayError listing every problem, each naming its field.
 */
export function parseMedicationCodes(text: string, file?: string): readonly MedicationCoding[] {
  const table = parseYamlWithSchema(text, tableSchema, file, 'medication code table');
  const source = readYamlSource(text, file);
  return checkMedicationCodes(table, { file, locate: (path) => source.locate(path) });
}

/** Where the checks' issues point: the file, and a line/column finder for a field. */
export interface CheckPlace {
  file?: string | undefined;
  locate?: (path: readonly PathSegment[]) => Position;
}

/** The checks of {@link parseMedicationCodes} on an already parsed table. */
export function checkMedicationCodes(
  table: MedicationCodeTable,
  place: CheckPlace = {},
): readonly MedicationCoding[] {
  const issues: ErrorIssue[] = [];
  const add = (
    code: ErrorCode,
    message: string,
    path: readonly PathSegment[],
    value: unknown,
  ): void => {
    issues.push({
      code,
      message,
      path: formatPath(path),
      value,
      ...(place.file === undefined ? {} : { file: place.file }),
      ...(place.locate === undefined ? {} : place.locate(path)),
    });
  };
  const sourceIds = new Set<string>();
  table.sources.forEach((source, i) => {
    if (sourceIds.has(source.id))
      add('SCHEMA', `source '${source.id}' is declared twice`, ['sources', i, 'id'], source.id);
    sourceIds.add(source.id);
  });
  const cites = (id: string, path: readonly PathSegment[]): void => {
    if (!sourceIds.has(id)) add('SCHEMA', `source '${id}' is not declared under sources`, path, id);
  };

  const substanceAt = new Map<string, number>();
  const codeAt = new Map<string, { atc: string; path: string }>();
  const out: MedicationCoding[] = [];
  table.substances.forEach((substance, i) => {
    const at = ['substances', i];
    cites(substance.source, [...at, 'source']);
    if (!isAtcCode(substance.atc)) {
      add('ATC_FORMAT', describeAtcProblem(substance.atc), [...at, 'atc'], substance.atc);
      return;
    }
    const first = substanceAt.get(substance.atc);
    if (first !== undefined)
      add(
        'CODE_CONFLICT',
        `${substance.atc} is listed twice (also substances[${first}]): put all its codes under one entry`,
        [...at, 'atc'],
        substance.atc,
      );
    else substanceAt.set(substance.atc, i);
    const names: Partial<Record<(typeof SUBSTANCE_NAME_LANGUAGES)[number], string>> = {};
    (substance.names ?? []).forEach((local, k) => {
      cites(local.source, [...at, 'names', k, 'source']);
      if (names[local.language] !== undefined)
        add(
          'SCHEMA',
          `${substance.atc} has two ${local.language} names: give one`,
          [...at, 'names', k, 'language'],
          local.language,
        );
      names[local.language] = local.name;
    });
    const hasNames = Object.keys(names).length > 0;
    substance.codes.forEach((coding, j) => {
      const path = [...at, 'codes', j];
      cites(coding.source, [...path, 'source']);
      const key = `${coding.system}|${coding.code}`;
      const seen = codeAt.get(key);
      if (seen !== undefined) {
        add(
          'CODE_CONFLICT',
          seen.atc === substance.atc
            ? `${key} is listed twice (also ${seen.path})`
            : `${key} maps to two substances: ${seen.atc} (${seen.path}) and ${substance.atc}`,
          [...path, 'code'],
          coding.code,
        );
        return;
      }
      codeAt.set(key, { atc: substance.atc, path: formatPath(path) });
      out.push({
        system: coding.system,
        code: coding.code,
        atc: substance.atc,
        ...(coding.display === undefined ? {} : { display: coding.display }),
        name: substance.name,
        ...(hasNames ? { names } : {}),
      });
    });
  });
  if (issues.length > 0) throw errorFromIssues(issues);
  return out;
}

/** One substance of the table with its codes, as the editor's medication search shows it. */
export interface MedicationSubstance {
  readonly atc: string;
  readonly name: string;
  /** Its Swedish and Danish names, where the table gives them. */
  readonly names?: SubstanceNames;
  readonly codes: readonly { system: string; code: string; display?: string }[];
}

/** The table's codings grouped by substance (ATC code), in the table's order. */
export function medicationSubstances(
  codings: readonly MedicationCoding[],
): readonly MedicationSubstance[] {
  const byAtc = new Map<
    string,
    {
      atc: string;
      name: string;
      names?: SubstanceNames;
      codes: MedicationSubstance['codes'][number][];
    }
  >();
  for (const coding of codings) {
    let substance = byAtc.get(coding.atc);
    if (substance === undefined) {
      substance = {
        atc: coding.atc,
        name: coding.name ?? coding.atc,
        ...(coding.names === undefined ? {} : { names: coding.names }),
        codes: [],
      };
      byAtc.set(coding.atc, substance);
    }
    substance.codes.push({
      system: coding.system,
      code: coding.code,
      ...(coding.display === undefined ? {} : { display: coding.display }),
    });
  }
  return [...byAtc.values()];
}
