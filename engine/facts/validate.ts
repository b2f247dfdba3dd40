/**
 * Checks patient input against a pathway before anything is evaluated. Bad input never
 * reaches the rules and is never guessed at: every problem (a misspelt fact, a value of the
 * wrong type or outside its range, a malformed ATC code, a date in the future, an unknown
 * step) is collected and reported together in one {@link PathwayError}, each issue naming
 * its path and value, so a caller can fix them all in one go.
 */
import { formatPath, type PathSegment } from '../model/path';
import type { z } from 'zod';
import {
  errorFromIssues,
  MAX_REPORTED_ISSUES,
  type ErrorCode,
  type ErrorIssue,
  type PathwayError,
} from '../errors';
import { checkNesting } from '../model/nesting';
import { evaluationInputSchema } from '../model/schema';
import type { Fact, Pathway } from '../model/types';
import { describeAtcProblem, isAtcCode } from './atc';
import { daysBetween, isIsoDate, packedDate } from '../model/dates';
import { describeFact, showValue } from './labels';
import {
  MEDICATION_KEYS,
  MEDICATION_UNITS,
  UNCERTAINTY_KEYS,
  UNCERTAINTY_REASONS,
  type Medication,
  type Uncertainty,
  type UncertaintyReason,
} from './medication';
import { PreparedNames } from '../model/suggest';
import { didYouMean } from './suggest';
import { plainShape } from './plain-request';

/** Input that passed validation: unknown (`null`) facts removed, values exactly as given. */
export interface ValidatedInput {
  facts: Record<string, unknown>;
  currentStep?: { id: string; enteredAt?: string };
}

/** What validation needs besides the input. */
export interface ValidateOptions {
  /** The evaluation date: start dates and step entry dates may not lie after it. */
  asOf: string;
}

type ShapeIssue = z.ZodError['issues'][number];
const INPUT_KEYS = ['currentStep', 'facts', 'asOf', 'version'];
const STEP_KEYS = ['id', 'enteredAt'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `path` out of `root`, or undefined where the path does not exist. */
function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/**
 * Up to this many issues, "already said?" is a scan of the list; past it, sets answer. Most
 * bad inputs have one to three issues (a cohort's bad line among them), for which two new
 * sets and the hashing of their keys cost more than the scan.
 */
const SCAN_LIMIT = 8;

/**
 * Collects issues for one validation run. Past {@link SCAN_LIMIT} issues lookups go through
 * sets, so collecting n issues costs O(n): an input with 250 000 bad items must not take n²
 * comparisons.
 */
class Issues {
  readonly list: ErrorIssue[] = [];
  /** `code path` of every issue, for the one-issue-per-code-and-field rule (once made). */
  private said: Set<string> | undefined;
  /** Every path with an issue (once made). */
  private paths: Set<string> | undefined;

  /**
   * Adds an issue. A `message` given as a function is only worded for the issues an error
   * lists (the first {@link MAX_REPORTED_ISSUES}); past those, issues are only counted.
   */
  add(
    code: ErrorCode,
    path: readonly PathSegment[],
    value: unknown,
    message: string | (() => string),
  ): void {
    this.addAt(code, formatPath(path), value, message);
  }

  /** {@link add} with the path already formatted (`where` is `formatPath(path)`). */
  addAt(code: ErrorCode, where: string, value: unknown, message: string | (() => string)): void {
    // zod may report two failed checks on one field (format, then calendar): say it once.
    if (this.said === undefined) {
      const list = this.list;
      for (let i = 0; i < list.length; i++) {
        const issue = list[i] as ErrorIssue;
        if (issue.path === where && issue.code === code) return;
      }
    } else {
      const key = `${code} ${where}`;
      if (this.said.has(key)) return;
      this.said.add(key);
      (this.paths as Set<string>).add(where);
    }
    const listed = this.list.length < MAX_REPORTED_ISSUES;
    const text = !listed ? '' : typeof message === 'function' ? message() : message;
    this.list.push({ code, path: where, value, message: text });
    if (this.said === undefined && this.list.length > SCAN_LIMIT) {
      this.said = new Set(this.list.map((issue) => `${issue.code} ${String(issue.path)}`));
      this.paths = new Set(this.list.map((issue) => issue.path as string));
    }
  }

  has(path: readonly PathSegment[]): boolean {
    const where = formatPath(path);
    if (this.paths !== undefined) return this.paths.has(where);
    return this.list.some((issue) => issue.path === where);
  }
}

/** A pathway's facts by name, and their names ready for "did you mean". */
interface Dictionary {
  facts: ReadonlyMap<string, Fact>;
  names: PreparedNames;
}

const dictionaries = new WeakMap<readonly Fact[], Dictionary>();

/** The pathway's facts by name, made once per fact list (a bad line must not cost a new map). */
function dictionaryOf(pathway: Pathway): Dictionary {
  let dictionary = dictionaries.get(pathway.facts);
  if (dictionary === undefined) {
    const facts = new Map(pathway.facts.map((fact) => [fact.name, fact] as const));
    dictionary = { facts, names: new PreparedNames(facts.keys()) };
    dictionaries.set(pathway.facts, dictionary);
  }
  return dictionary;
}

/**
 * Checks `input` (`{ currentStep?, facts, asOf?, version? }`) against `pathway` and returns
 * the facts and current step ready for derivation and evaluation.
 * @throws PathwayError with every problem found (the code is the first problem's), naming
 * the pathway: `INVALID_INPUT`, `UNKNOWN_FACT`, `FACT_TYPE`, `FACT_RANGE`, `FACT_VALUE`,
 * `DERIVED_FACT_GIVEN`, `ATC_FORMAT`, `DATE_FORMAT`, `UNKNOWN_STEP` (at most 100 listed, then how
 * many more); INVALID_INPUT alone for input nesting deeper than 64 levels.
 */
export function validateInput(
  pathway: Pathway,
  input: unknown,
  options: ValidateOptions,
): ValidatedInput {
  // First, so that nothing recursive downstream sees 10 000 levels of nesting.
  checkNesting(input, 'the input');
  const check = new InputCheck(pathway, options.asOf);
  // The schema costs more than the rest of a bad input's check: it runs only when the shape
  // is not plainly right, and then words every issue it finds.
  if (!plainShape(input)) check.shape(input);

  const facts: Record<string, unknown> = {};
  const rawFacts = valueAt(input, ['facts']);
  if (isRecord(rawFacts)) {
    for (const [name, value] of Object.entries(rawFacts)) {
      const checked = check.fact(name, value);
      if (checked.ok) facts[name] = checked.value;
    }
  }

  const result: ValidatedInput = { facts };
  const currentStep = check.step(valueAt(input, ['currentStep']));
  if (currentStep !== undefined) result.currentStep = currentStep;
  const error = check.error();
  if (error !== undefined) throw error;
  return result;
}

/**
 * One input's check, fed a part at a time in the input's order: validateInput's own steps,
 * so that a reader that takes the input apart in its own way (the line reader, for a line
 * it declined) words the very same issues in the same order.
 */
export class InputCheck {
  private readonly issues = new Issues();
  private readonly dictionary: Dictionary;
  /** The evaluation date, when it is one. */
  private readonly asOf: string | undefined;

  constructor(
    private readonly pathway: Pathway,
    asOf: string,
  ) {
    this.dictionary = dictionaryOf(pathway);
    this.asOf = isIsoDate(asOf) ? asOf : undefined;
    if (this.asOf === undefined)
      this.issues.add('DATE_FORMAT', ['asOf'], asOf, 'the evaluation date must be YYYY-MM-DD');
  }

  /** The request schema's issues about the shape of `input`. */
  shape(input: unknown): void {
    const parsed = evaluationInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        addShapeIssue(this.issues, issue, input, this.pathway);
    }
  }

  /** One entry of `facts`: the value to keep, or not ok (unknown, `null`, or an issue added). */
  fact(name: string, value: unknown): Checked {
    // null (and undefined, from JavaScript callers) means "unknown": the same as absent.
    if (value === null || value === undefined) return rejected;
    const fact = this.dictionary.facts.get(name);
    const path = ['facts', name];
    const issues = this.issues;
    if (fact === undefined) {
      const { pathway, dictionary } = this;
      issues.add(
        'UNKNOWN_FACT',
        path,
        value,
        () =>
          `no fact ${JSON.stringify(name)} in pathway ${pathway.id}${didYouMean(name, dictionary.names)}`,
      );
      return rejected;
    }
    if (fact.derived !== undefined && fact.derived.kind !== 'timeInStep') {
      issues.add(
        'DERIVED_FACT_GIVEN',
        path,
        value,
        `${describeFact(fact, 'en')} is derived by the engine and cannot be given; leave it out`,
      );
      return rejected;
    }
    return checkFactValue(fact, value, path, this.asOf, issues);
  }

  /** `currentStep` as given: the step to start from, when it names one. */
  step(rawStep: unknown): ValidatedInput['currentStep'] {
    if (!isRecord(rawStep)) return undefined;
    const { issues, pathway, asOf } = this;
    const id = rawStep['id'];
    const enteredAt = rawStep['enteredAt'];
    if (typeof id === 'string' && !issues.has(['currentStep', 'id'])) {
      if (!pathway.steps.some((step) => step.id === id)) addUnknownStep(issues, id, pathway);
    }
    if (
      asOf !== undefined &&
      isIsoDate(enteredAt) &&
      !issues.has(['currentStep', 'enteredAt']) &&
      daysBetween(asOf, enteredAt) > 0
    ) {
      issues.add(
        'FACT_RANGE',
        ['currentStep', 'enteredAt'],
        enteredAt,
        `the step was entered after the evaluation date ${asOf}`,
      );
    }
    if (typeof id !== 'string') return undefined;
    return isIsoDate(enteredAt) ? { id, enteredAt } : { id };
  }

  /** The error of every issue found (the code is the first one's), or undefined when none. */
  error(): PathwayError | undefined {
    const list = this.issues.list;
    return list.length === 0 ? undefined : errorFromIssues(list, this.pathway.id);
  }
}

function addUnknownStep(issues: Issues, id: string, pathway: Pathway): void {
  const ids = pathway.steps.map((step) => step.id);
  issues.add(
    'UNKNOWN_STEP',
    ['currentStep', 'id'],
    id,
    `no step ${JSON.stringify(id)} in pathway ${pathway.id}${didYouMean(id, ids)}` +
      ` (steps: ${ids.join(', ')})`,
  );
}

/** Turns a schema issue into an engine issue with the most specific code. */
function addShapeIssue(issues: Issues, issue: ShapeIssue, input: unknown, pathway: Pathway): void {
  const path = issue.path.map((segment): PathSegment =>
    typeof segment === 'symbol' ? String(segment) : segment,
  );
  const where = formatPath(path);
  const value = valueAt(input, path);
  if (issue.code === 'unrecognized_keys') {
    const expected = where === 'currentStep' ? STEP_KEYS : INPUT_KEYS;
    for (const key of issue.keys) {
      issues.add(
        'INVALID_INPUT',
        [...path, key],
        valueAt(input, [...path, key]),
        `unknown field ${JSON.stringify(key)}${didYouMean(key, expected)}` +
          ` (expected ${expected.join(', ')}; patient values go under facts)`,
      );
    }
    return;
  }
  if ((where === 'asOf' || where === 'currentStep.enteredAt') && typeof value === 'string') {
    issues.add('DATE_FORMAT', path, value, 'not a calendar date as YYYY-MM-DD');
  } else if (where === 'currentStep.id' && typeof value === 'string') {
    addUnknownStep(issues, value, pathway);
  } else if (where === '') {
    issues.add(
      'INVALID_INPUT',
      path,
      input,
      'the input must be an object { currentStep?, facts, asOf?, version? }',
    );
  } else {
    issues.add('INVALID_INPUT', path, value, issue.message);
  }
}

/** A checked value: ok with the value to keep, or not. */
export type Checked = { ok: true; value: unknown } | { ok: false };
const rejected: Checked = { ok: false };

/** Checks one given value against its dictionary entry; never converts ("5" is not 5). */
function checkFactValue(
  fact: Fact,
  value: unknown,
  path: readonly PathSegment[],
  asOf: string | undefined,
  issues: Issues,
): Checked {
  // What the value must be when its type is wrong; the fact's name is only worded then.
  let expected: string | undefined;
  const before = issues.list.length;
  switch (fact.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) expected = 'an integer';
      else checkNumber(fact, value, path, issues);
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) expected = 'a number';
      else checkNumber(fact, value, path, issues);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') expected = 'true or false';
      break;
    case 'string':
      if (typeof value !== 'string') expected = 'a string';
      else checkAllowed(fact, value, path, issues);
      break;
    case 'string[]':
      if (!Array.isArray(value)) expected = 'a list of strings';
      else checkStrings(fact, value as unknown[], path, issues);
      break;
    case 'date':
      if (typeof value !== 'string') expected = 'a date as YYYY-MM-DD';
      else if (!isIsoDate(value)) {
        issues.add(
          'DATE_FORMAT',
          path,
          value,
          `${describeFact(fact, 'en')} must be a calendar date as YYYY-MM-DD`,
        );
      }
      break;
    case 'medications': {
      const medications = checkMedications(fact, value, path, asOf, issues);
      return medications === undefined ? rejected : { ok: true, value: medications };
    }
  }
  if (expected !== undefined) {
    issues.add(
      'FACT_TYPE',
      path,
      value,
      `${describeFact(fact, 'en')} must be ${expected}, got ${showValue(value)}`,
    );
    return rejected;
  }
  return issues.list.length === before ? { ok: true, value } : rejected;
}

function checkStrings(
  fact: Fact,
  value: readonly unknown[],
  path: readonly PathSegment[],
  issues: Issues,
): void {
  for (let index = 0; index < value.length; index++) {
    const element = value[index];
    if (typeof element !== 'string') {
      const name = describeFact(fact, 'en');
      issues.add(
        'FACT_TYPE',
        [...path, index],
        element,
        () => `${name} must be a list of strings, got ${showValue(element)} in it`,
      );
    } else if (fact.values !== undefined && !fact.values.includes(element)) {
      checkAllowed(fact, element, [...path, index], issues);
    }
  }
}

function checkNumber(
  fact: Fact,
  value: number,
  path: readonly PathSegment[],
  issues: Issues,
): void {
  const min = fact.range?.min;
  const max = fact.range?.max;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const unit = fact.unit === undefined ? '' : ` ${fact.unit}`;
    const range =
      min !== undefined && max !== undefined
        ? `between ${min} and ${max}${unit}`
        : min !== undefined
          ? `at least ${min}${unit}`
          : `at most ${String(max)}${unit}`;
    issues.add(
      'FACT_RANGE',
      path,
      value,
      `${describeFact(fact, 'en')} must be ${range}, got ${value}`,
    );
    return;
  }
  checkAllowed(fact, value, path, issues);
}

function checkAllowed(
  fact: Fact,
  value: string | number,
  path: readonly PathSegment[],
  issues: Issues,
): void {
  const allowed = fact.values;
  if (allowed === undefined || allowed.includes(value)) return;
  issues.add('FACT_VALUE', path, value, () => {
    const hint =
      typeof value === 'string'
        ? didYouMean(
            value,
            allowed.filter((v): v is string => typeof v === 'string'),
          )
        : '';
    return (
      `${describeFact(fact, 'en')} must be one of ${allowed.map((v) => showValue(v)).join(', ')},` +
      ` got ${showValue(value)}${hint}`
    );
  });
}

/**
 * Checks a medication list and returns clean copies (unknown `null` fields dropped), or
 * undefined when anything is wrong.
 */
function checkMedications(
  fact: Fact,
  value: unknown,
  path: readonly PathSegment[],
  asOf: string | undefined,
  issues: Issues,
): Medication[] | undefined {
  const shape = '{ atc, dose?, unit?, since?, doseIncreasedAt?, name?, uncertain? }';
  if (!Array.isArray(value)) {
    issues.add(
      'FACT_TYPE',
      path,
      value,
      `${describeFact(fact, 'en')} must be a list of ${shape}, got ${showValue(value)}`,
    );
    return undefined;
  }
  const before = issues.list.length;
  const result: Medication[] = [];
  // Paths are written as text, and only for an issue: a bad line's list of good entries
  // builds none (this is `formatPath` of the list's path and the entry's index and field).
  const list = formatPath(path);
  // The evaluation date as a packed date: packed dates order as the days do.
  const asOfPacked = packedDate(asOf);
  const count = value.length;
  for (let index = 0; index < count; index++) {
    // As forEach did: a hole in a list from JavaScript is passed over.
    if (!(index in value)) continue;
    const item: unknown = value[index];
    const at = `${list}[${index}]`;
    if (!isRecord(item)) {
      issues.addAt('FACT_TYPE', at, item, `a medication must be an object ${shape}`);
      continue;
    }
    for (const key of Object.keys(item)) {
      if (!(MEDICATION_KEYS as readonly string[]).includes(key)) {
        issues.addAt(
          'FACT_TYPE',
          `${at}.${key}`,
          item[key],
          `unknown medication field ${JSON.stringify(key)}${didYouMean(key, MEDICATION_KEYS)}` +
            ` (expected ${MEDICATION_KEYS.join(', ')})`,
        );
      }
    }
    const atc = medicationField(item, 'atc');
    const dose = medicationField(item, 'dose');
    const unit = medicationField(item, 'unit');
    const since = medicationField(item, 'since');
    const doseIncreasedAt = medicationField(item, 'doseIncreasedAt');
    const name = medicationField(item, 'name');
    const uncertain = checkUncertainty(medicationField(item, 'uncertain'), at, issues);
    // An uncertain entry may lack a code (that is often why it is uncertain); any other needs one.
    const atcAbsentOk = atc === undefined && uncertain !== undefined;
    const atcOk = isAtcCode(atc);
    if (!atcAbsentOk && !atcOk)
      issues.addAt('ATC_FORMAT', `${at}.atc`, atc, describeAtcProblem(atc));
    if (dose !== undefined) {
      if (typeof dose !== 'number' || !Number.isFinite(dose)) {
        issues.addAt(
          'FACT_TYPE',
          `${at}.dose`,
          dose,
          `dose must be a number, got ${showValue(dose)}`,
        );
      } else if (dose < 0) {
        issues.addAt('FACT_RANGE', `${at}.dose`, dose, `dose must be at least 0, got ${dose}`);
      }
    }
    if (unit !== undefined) {
      if (typeof unit !== 'string') {
        issues.addAt(
          'FACT_TYPE',
          `${at}.unit`,
          unit,
          `unit must be a string, got ${showValue(unit)}`,
        );
      } else if (!(MEDICATION_UNITS as readonly string[]).includes(unit)) {
        const hint = unit.replace('µ', 'u').replace('μ', 'u');
        const suggestion = (MEDICATION_UNITS as readonly string[]).includes(hint)
          ? `; did you mean ${hint}?`
          : didYouMean(unit, MEDICATION_UNITS);
        issues.addAt(
          'FACT_VALUE',
          `${at}.unit`,
          unit,
          `unit must be one of ${MEDICATION_UNITS.join(', ')}, got ${showValue(unit)}${suggestion}`,
        );
      }
    }
    const started = checkMedicationDate('since', since, at, asOf, asOfPacked, issues);
    const increased = checkMedicationDate(
      'doseIncreasedAt',
      doseIncreasedAt,
      at,
      asOf,
      asOfPacked,
      issues,
    );
    if (started >= 0 && increased >= 0 && increased < started) {
      issues.addAt(
        'FACT_RANGE',
        `${at}.doseIncreasedAt`,
        doseIncreasedAt,
        `the dose cannot be increased (${String(doseIncreasedAt)}) before the treatment started (${String(since)})`,
      );
    }
    if (name !== undefined && typeof name !== 'string') {
      issues.addAt(
        'FACT_TYPE',
        `${at}.name`,
        name,
        `name must be a string, got ${showValue(name)}`,
      );
    }
    // The copy is only returned when the whole list has no issue: not made once one is found
    // (a cohort's bad line with a long list comes here once per line). Fields are set one by
    // one, in this order (a small object spread per field showed in the profile of such
    // lines); the copy's keys keep the same order.
    if ((atcOk || atcAbsentOk) && issues.list.length === before) {
      const copy: { -readonly [K in keyof Medication]: Medication[K] } = {};
      if (atcOk) copy.atc = atc;
      if (typeof dose === 'number') copy.dose = dose;
      if (unit === 'mg/day' || unit === 'ug/h') copy.unit = unit;
      if (typeof since === 'string') copy.since = since;
      if (typeof doseIncreasedAt === 'string') copy.doseIncreasedAt = doseIncreasedAt;
      if (typeof name === 'string') copy.name = name;
      if (uncertain !== undefined) copy.uncertain = uncertain;
      result.push(copy);
    }
  }
  return issues.list.length === before ? result : undefined;
}

/**
 * A given medication list checked and copied exactly as {@link validateInput} checks the
 * value of medications fact `fact` on evaluation date `asOf` (unknown `null` fields dropped,
 * fields in one order), or undefined when validateInput would report an issue about it. For
 * the line reader, which reads the list itself and must keep what validateInput keeps.
 */
export function checkedMedications(
  fact: Fact,
  value: readonly unknown[],
  asOf: string,
): Medication[] | undefined {
  const path = ['facts', fact.name];
  return checkMedications(fact, value, path, isIsoDate(asOf) ? asOf : undefined, new Issues());
}

/** A medication's own field, `null` read as absent. */
function medicationField(
  item: Record<string, unknown>,
  key: (typeof MEDICATION_KEYS)[number],
): unknown {
  return Object.hasOwn(item, key) ? (item[key] ?? undefined) : undefined;
}

/**
 * Checks one of a medication's dates (the field `key` of the medication at `at`): a calendar
 * date, not after the evaluation date (`asOf`, packed as `asOfPacked`). Returns the date
 * packed ({@link packedDate}), or -1 when it is absent or not a calendar date.
 */
function checkMedicationDate(
  key: 'since' | 'doseIncreasedAt',
  value: unknown,
  at: string,
  asOf: string | undefined,
  asOfPacked: number,
  issues: Issues,
): number {
  if (value === undefined) return -1;
  const packed = packedDate(value);
  if (typeof value !== 'string') {
    issues.addAt('FACT_TYPE', `${at}.${key}`, value, `${key} must be a date as YYYY-MM-DD`);
  } else if (packed < 0) {
    issues.addAt(
      'DATE_FORMAT',
      `${at}.${key}`,
      value,
      `${key} must be a calendar date as YYYY-MM-DD`,
    );
  } else if (asOfPacked >= 0 && packed > asOfPacked) {
    const what = key === 'since' ? 'the medication starts' : 'the dose increase is';
    issues.addAt(
      'FACT_RANGE',
      `${at}.${key}`,
      value,
      `${what} after the evaluation date ${String(asOf)}`,
    );
  }
  return packed;
}

/**
 * Checks a medication's `uncertain` field (`{ reason, detail? }`) and returns a clean copy,
 * or undefined when it is absent or wrong (wrong adds an issue).
 */
function checkUncertainty(
  value: unknown,
  medication: string,
  issues: Issues,
): Uncertainty | undefined {
  if (value === undefined) return undefined;
  const path = `${medication}.uncertain`;
  const shape = `{ reason: ${UNCERTAINTY_REASONS.join(' | ')}, detail?: string }`;
  if (!isRecord(value)) {
    issues.addAt('FACT_TYPE', path, value, `uncertain must be an object ${shape}`);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!(UNCERTAINTY_KEYS as readonly string[]).includes(key)) {
      issues.addAt(
        'FACT_TYPE',
        `${path}.${key}`,
        value[key],
        `unknown field ${JSON.stringify(key)} in uncertain${didYouMean(key, UNCERTAINTY_KEYS)} (expected ${shape})`,
      );
      ok = false;
    }
  }
  const reason = value['reason'];
  const detail = value['detail'] ?? undefined;
  if (!(UNCERTAINTY_REASONS as readonly unknown[]).includes(reason)) {
    const hint = typeof reason === 'string' ? didYouMean(reason, UNCERTAINTY_REASONS) : '';
    issues.addAt(
      'FACT_VALUE',
      `${path}.reason`,
      reason,
      `uncertain.reason must be one of ${UNCERTAINTY_REASONS.join(', ')}, got ${showValue(reason)}${hint}`,
    );
    ok = false;
  }
  if (detail !== undefined && typeof detail !== 'string') {
    issues.addAt(
      'FACT_TYPE',
      `${path}.detail`,
      detail,
      `uncertain.detail must be a string, got ${showValue(detail)}`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  return {
    reason: reason as UncertaintyReason,
    ...(typeof detail === 'string' ? { detail } : {}),
  };
}
