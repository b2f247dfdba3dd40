/**
 * Input checking compiled per pathway: one generated function reads each dictionary fact by
 * name, checks it exactly as `validateInput` would accept it and stores it in its slot.
 *
 * It only ever *accepts* or *declines*: anything it is not sure about (an unknown or derived
 * fact, a value of the wrong type or out of range, an object with an unusual prototype) makes
 * it decline. A medication list with records its own check does not know (an uncertain entry,
 * a dose increase, a `null` field) is checked and copied by validateInput's own medication
 * check, so it holds what the reference would keep, or declines. On a decline the caller
 * runs the real `validateInput`, which produces the typed error (or, rarely, accepts after
 * all and the generic path takes over). So errors are the reference's own, and the fast path must only be right about what it
 * accepts: every accepted value passes `validateInput` unchanged.
 */
import { MEDICATION_UNITS } from '../facts/medication';
import { isPlainRecord } from '../model/plain-record';
import type { Fact, Pathway } from '../model/types';
import { checkedMedications } from '../facts/validate';
import { lastAsOf } from './as-of';
import { isoDay } from './dates';
import type { SlotLayout } from './layout';

/** Stores the facts of `facts` into `slots`; false means "decline: use the reference". */
export type Loader = (facts: Record<string, unknown>, slots: unknown[], asOfDay: number) => boolean;

function ownKeyCount(value: object): number {
  let n = 0;
  for (const _key in value) n++;
  return n;
}

function isUpper(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 65 && c <= 90;
}

function isDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}

/** The same test as `isAtcCode` (letter, 2 digits, 2 letters, 2 digits), without a regular expression. */
function isAtc(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 7) return false;
  return (
    isUpper(value, 0) &&
    isDigit(value, 1) &&
    isDigit(value, 2) &&
    isUpper(value, 3) &&
    isUpper(value, 4) &&
    isDigit(value, 5) &&
    isDigit(value, 6)
  );
}

/** A medication list exactly as `validateInput` accepts it, with no `null` fields. */
function medicationsOk(value: unknown, asOfDay: number): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value as unknown[]) {
    if (!isPlainRecord(item)) return false;
    let present = 0;
    const { atc, dose, unit, since, name } = item;
    if (!isAtc(atc)) return false;
    present++;
    if (dose !== undefined) {
      if (typeof dose !== 'number' || !Number.isFinite(dose) || dose < 0) return false;
      present++;
    }
    if (unit !== undefined) {
      if (!(MEDICATION_UNITS as readonly unknown[]).includes(unit)) return false;
      present++;
    }
    if (since !== undefined) {
      if (!(isoDay(since) <= asOfDay)) return false;
      present++;
    }
    if (name !== undefined) {
      if (typeof name !== 'string') return false;
      present++;
    }
    if (ownKeyCount(item) !== present) return false;
  }
  return true;
}

function stringsOk(value: unknown, allowed: readonly unknown[] | undefined): boolean {
  if (!Array.isArray(value)) return false;
  for (const element of value as unknown[]) {
    if (typeof element !== 'string') return false;
    if (allowed !== undefined && !allowed.includes(element)) return false;
  }
  return true;
}

/**
 * The generated test that a fact's value `v` is one the loader accepts (`return false`
 * otherwise): the one copy of these checks, shared with the line reader's generated code.
 * It reads `SA` (a list of strings), `D` (a date's day number), `M` (a medication list, with
 * `a` the evaluation day) and the constants it puts through `constant`.
 */
export function valueCheck(fact: Fact, constant: (v: unknown) => string): string {
  const bound = (): string => {
    const parts: string[] = [];
    const { min, max } = fact.range ?? {};
    const lit = (n: number): string => (Number.isFinite(n) ? JSON.stringify(n) : constant(n));
    if (min !== undefined) parts.push(`v<${lit(min)}`);
    if (max !== undefined) parts.push(`v>${lit(max)}`);
    if (fact.values !== undefined) parts.push(`!${constant(fact.values)}.includes(v)`);
    return parts.length === 0 ? '' : `if(${parts.join('||')})return false;`;
  };
  switch (fact.type) {
    case 'integer':
      return `if(typeof v!=="number"||!Number.isInteger(v))return false;${bound()}`;
    case 'number':
      return `if(typeof v!=="number"||!Number.isFinite(v))return false;${bound()}`;
    case 'boolean':
      return `if(typeof v!=="boolean")return false;`;
    case 'string':
      return `if(typeof v!=="string")return false;${fact.values === undefined ? '' : `if(!${constant(fact.values)}.includes(v))return false;`}`;
    case 'string[]':
      return `if(!SA(v,${fact.values === undefined ? 'undefined' : constant(fact.values)}))return false;`;
    case 'date':
      return `if(isNaN(D(v)))return false;`;
    case 'medications':
      return `if(!M(v,a))return false;`;
  }
}

/**
 * The slot a given value of `fact` goes to: its own, or for a time-in-step fact (which the
 * engine may replace) its `given:` slot; undefined for a derived fact, which may not be given.
 */
export function inputSlot(fact: Fact, layout: SlotLayout): number | undefined {
  if (fact.derived === undefined) return layout.slot(fact.name);
  return fact.derived.kind === 'timeInStep' ? layout.givenSlot(fact.name) : undefined;
}

/**
 * Generates the loader of `pathway`: one pass over the object's own keys with a `switch` on
 * the name (each case label written by `JSON.stringify`). Iterating the keys costs the same
 * whatever combination of facts a patient has, whereas reading every dictionary name would
 * miss V8's inline caches on each new object shape. Values go to the fact's slot, or for a
 * time-in-step fact (which the engine may replace) to its `given:` slot.
 */
export function buildLoader(pathway: Pathway, layout: SlotLayout): Loader {
  const constants: unknown[] = [];
  const constant = (value: unknown): string => {
    constants.push(value);
    return `K[${constants.length - 1}]`;
  };
  const cases = pathway.facts.map((fact) => {
    const label = `case ${JSON.stringify(fact.name)}:`;
    const slot = inputSlot(fact, layout);
    if (slot === undefined) return `${label}if(v!==undefined&&v!==null)return false;break;`;
    if (fact.type === 'medications')
      // A list with records the loader's check does not know (an uncertain entry, a dose
      // increase, a null field): validateInput's own check and copy, as the reference keeps it.
      return `${label}if(v===undefined||v===null)break;if(!M(v,a)){v=CM(${constant(fact)},v,a);if(v===undefined)return false;}s[${slot}]=v;break;`;
    return `${label}if(v===undefined||v===null)break;${valueCheck(fact, constant)}s[${slot}]=v;break;`;
  });
  const source = `"use strict";return function load(f,s,a){var v;for(var k in f){v=f[k];switch(k){${cases.join('\n')}\ndefault:return false;}}return true;};`;
  // Generated from slot numbers, JSON-written names and constants only (see the file comment).
  const factory = new Function('K', 'SA', 'D', 'M', 'CM', source) as (...args: unknown[]) => Loader;
  return factory(constants, stringsOk, isoDay, medicationsOk, checkedList);
}

/**
 * validateInput's checked copy of medication list `value` of `fact` on the evaluation day
 * `asOfDay`, or undefined (decline) when it finds an issue. The day's text is the one read
 * last by `readAsOf`, which the batch calls for this patient just before loading; a day that
 * is not that one declines rather than check against another date.
 */
function checkedList(fact: Fact, value: unknown, asOfDay: number): unknown[] | undefined {
  if (!Array.isArray(value) || lastAsOf.day !== asOfDay || !hasOtherForm(value)) return undefined;
  return checkedMedications(fact, value, lastAsOf.text);
}

/**
 * True when a record of `list` has a field the loader's own check does not take (an
 * `uncertain`, a `doseIncreasedAt`, a `null`). A list without one that the loader's check
 * refused goes to the reference as before (validateInput refuses it, unless its records
 * are objects of another kind): a bad list is not checked twice on its way there.
 */
function hasOtherForm(list: readonly unknown[]): boolean {
  for (const item of list) {
    if (!isPlainRecord(item)) continue;
    for (const key in item)
      if (key === 'uncertain' || key === 'doseIncreasedAt' || item[key] === null) return true;
  }
  return false;
}

export { medicationsOk, ownKeyCount, stringsOk };
