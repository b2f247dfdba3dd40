/**
 * The test-patient form, generated from the pathway's fact dictionary: which field each fact
 * gets, reading and writing its value in the patient input, the medications the ATC search
 * offers, and the engine's input errors placed on the field they name. Pure; the form's
 * components live in editor/src/tests/.
 */
import type { Language, Pathway, Scenario } from '../../../engine/index';
import { type Fact, formatUnit, pickText } from '../../../engine/editor';

/** How a fact is entered. `derived` facts are computed by the engine and shown read-only. */
export type FieldKind =
  | 'number'
  | 'boolean'
  | 'choice'
  | 'choices'
  | 'text'
  | 'texts'
  | 'date'
  | 'medications'
  | 'derived';

/** One field of the form. */
export interface PatientField {
  name: string;
  kind: FieldKind;
  label: string;
  /** The fact's unit in the interface's language. */
  unit?: string;
  min?: number;
  max?: number;
  /** 1 for integers: the number field steps by whole numbers. */
  step?: number;
  /** The allowed values of an enumerated fact. */
  values?: readonly (string | number)[];
}

/** Patient input: `{ currentStep?, facts }`. */
export type PatientInput = Scenario['input'];

/** The field kind of a fact. */
export function fieldKind(fact: Fact): FieldKind {
  if (fact.derived !== undefined) return 'derived';
  switch (fact.type) {
    case 'integer':
    case 'number':
      return fact.values === undefined ? 'number' : 'choice';
    case 'boolean':
      return 'boolean';
    case 'string':
      return fact.values === undefined ? 'text' : 'choice';
    case 'string[]':
      return fact.values === undefined ? 'texts' : 'choices';
    case 'date':
      return 'date';
    case 'medications':
      return 'medications';
  }
}

/** The form's fields in dictionary order: the facts to enter, then the derived ones. */
export function patientFields(pathway: Pathway, language: Language): PatientField[] {
  const fields = pathway.facts.map((fact): PatientField => {
    const field: PatientField = {
      name: fact.name,
      kind: fieldKind(fact),
      label: pickText(fact.label, language) || fact.name,
    };
    // In the interface's language ("månader", not "months"), as the fact list shows it.
    if (fact.unit !== undefined) field.unit = formatUnit(fact.unit, language);
    if (fact.range?.min !== undefined) field.min = fact.range.min;
    if (fact.range?.max !== undefined) field.max = fact.range.max;
    if (fact.type === 'integer') field.step = 1;
    if (fact.values !== undefined) field.values = fact.values;
    return field;
  });
  return [
    ...fields.filter((f) => f.kind !== 'derived'),
    ...fields.filter((f) => f.kind === 'derived'),
  ];
}

/**
 * The input with fact `name` set to `value`; `undefined` removes it, which is how a patient
 * says "unknown" (the engine treats an absent fact as unknown, never as false or 0).
 */
export function withFact(input: PatientInput, name: string, value: unknown): PatientInput {
  const facts = { ...input.facts };
  if (value === undefined) delete facts[name];
  else facts[name] = value;
  return { ...input, facts };
}

/** A yes/no/unknown choice of a boolean fact. */
export type Truth = 'yes' | 'no' | 'unknown';

/** The yes/no/unknown choice shown for a value (anything not a boolean shows as unknown). */
export function truthOf(value: unknown): Truth {
  return value === true ? 'yes' : value === false ? 'no' : 'unknown';
}

/** The value stored for a choice: unknown removes the fact. */
export function valueOfTruth(truth: Truth): boolean | undefined {
  return truth === 'yes' ? true : truth === 'no' ? false : undefined;
}

/**
 * The value of a number field's text: empty is unknown (absent); text that is not a number
 * is kept as typed so the engine refuses it naming the field, rather than being dropped.
 */
export function numberOfText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

/** The value of a choice among `values` (numbers stay numbers); empty is unknown. */
export function choiceOf(
  text: string,
  values: readonly (string | number)[],
): string | number | undefined {
  if (text === '') return undefined;
  return values.find((v) => String(v) === text) ?? text;
}

/** A medication the ATC search offers: its code, a name and the drug class it belongs to. */
export interface AtcChoice {
  atc: string;
  name: string;
  /** Labels of the pathway's drug classes this code belongs to. */
  classes: string[];
}

const startsWithAny = (code: string, prefixes: readonly string[]): boolean =>
  prefixes.some((p) => code.startsWith(p));

/** Labels of the pathway's drug classes an ATC code falls in (by code or prefix), as the engine reads them. */
export function drugClassesOf(pathway: Pathway, atc: string, language: Language): string[] {
  return (pathway.drugClasses ?? [])
    .filter((c) => c.atc.codes.includes(atc) || startsWithAny(atc, c.atc.prefixes))
    .map((c) => pickText(c.label, language) || c.id);
}

/**
 * The medications the pathway knows by ATC code: the rows of its MME tables (with the drug's
 * name) and the codes its drug classes list, each with the classes it falls in. Sorted by code.
 */
export function atcChoices(pathway: Pathway, language: Language): AtcChoice[] {
  const names = new Map<string, string>();
  for (const table of pathway.mmeTables ?? [])
    for (const row of table.rows) if (!names.has(row.atc)) names.set(row.atc, row.drug);
  for (const c of pathway.drugClasses ?? [])
    for (const code of c.atc.codes) if (!names.has(code)) names.set(code, code);
  return [...names.entries()]
    .map(([atc, name]) => ({ atc, name, classes: drugClassesOf(pathway, atc, language) }))
    .sort((a, b) => a.atc.localeCompare(b.atc));
}

/** The choices matching a search: code prefix, or a word of the name or class. At most `limit`. */
export function searchAtc(choices: readonly AtcChoice[], query: string, limit = 8): AtcChoice[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return choices.filter((c) => choiceMatches(c, q)).slice(0, limit);
}

/** True when `q` (lower case, trimmed) is a prefix of the code or a part of the name or a class. */
export function choiceMatches(c: AtcChoice, q: string): boolean {
  return (
    c.atc.toLowerCase().startsWith(q) ||
    c.name.toLowerCase().includes(q) ||
    c.classes.some((k) => k.toLowerCase().includes(q))
  );
}

/** An engine error issue as far as the form needs it. */
export interface InputIssue {
  path?: string;
  message: string;
}

/**
 * The engine's input errors by form field: `facts.<name>…` goes to the fact's field,
 * `currentStep…` to the current step and `asOf` to the evaluation date.
 */
export function fieldErrors(issues: readonly InputIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path ?? '';
    const fact = /^(?:scenario\.input\.)?facts\.([A-Za-z0-9_]+)/.exec(path)?.[1];
    const key =
      fact !== undefined
        ? fact
        : /^(?:scenario\.input\.)?currentStep/.test(path)
          ? 'currentStep'
          : /^(?:scenario\.)?asOf$/.test(path)
            ? 'asOf'
            : /^scenario\.versions/.test(path)
              ? 'versions'
              : /^scenario\.expect(?:ByVersion\.[^.]+)?\.step$/.test(path)
                ? 'expectStep'
                : /^scenario\.expect(?:ByVersion\.[^.]+)?\.alerts/.test(path)
                  ? 'expectAlerts'
                  : /^(?:scenario\.)?name$/.test(path)
                    ? 'name'
                    : '';
    if (out[key] === undefined) out[key] = issue.message;
  }
  return out;
}
