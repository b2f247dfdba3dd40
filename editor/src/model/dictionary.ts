/**
 * Adding and removing entries of the fact dictionary, named conditions and alerts, as pure
 * edits of the document. Removing never touches what still refers to the entry: lint then
 * reports it (unknown-fact, unknown-condition), which is how the author sees what depends on it.
 */
import type { Language, Pathway } from '../../../engine/index';
import {
  type Alert,
  type Fact,
  FACT_TYPES,
  type NamedCondition,
  type Texts,
} from '../../../engine/editor';
import { newCondition } from './edit';

/** The kinds of named entry the side panel adds. */
export type EntryKind = 'fact' | 'condition' | 'alert';

/** Why a new name cannot be used. */
export type NameProblem = 'empty' | 'invalid' | 'duplicate';

/** Fact types, in the order the editor offers them. */
export const FACT_TYPE_CHOICES: readonly Fact['type'][] = FACT_TYPES;

/** Where a fact's value comes from (the dictionary's `source.kind`). */
export const SOURCE_KINDS = [
  'instrument',
  'register',
  'medication-list',
  'record',
  'clinician',
  'patient',
  'derived',
] as const satisfies readonly NonNullable<Fact['source']>['kind'][];

/** Alert severities, most severe first. */
export const SEVERITIES = [
  'critical',
  'warning',
  'info',
] as const satisfies readonly Alert['severity'][];

// The same patterns the schema enforces: fact and condition names are camelCase, alert and measure ids kebab-case.
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Every kind of named entry, measures included (they are renamed, not added, in the editor). */
export type NamedKind = EntryKind | 'measure';

function takenNames(pathway: Pathway, kind: NamedKind): Set<string> {
  switch (kind) {
    case 'measure':
      return new Set(pathway.measures.map((m) => m.id));
    case 'fact':
      return new Set(pathway.facts.map((f) => f.name));
    case 'condition':
      return new Set(pathway.conditions.map((c) => c.name));
    case 'alert':
      return new Set(pathway.alerts.map((a) => a.id));
  }
}

/** True when the document has an entry of `kind` named `name`. */
export function isTaken(pathway: Pathway, kind: NamedKind, name: string): boolean {
  return takenNames(pathway, kind).has(name);
}

/** Null when `name` can be used for a new entry of `kind`, else why not. */
export function checkNewName(pathway: Pathway, kind: NamedKind, name: string): NameProblem | null {
  if (name === '') return 'empty';
  if (!(kind === 'alert' || kind === 'measure' ? KEBAB : CAMEL).test(name)) return 'invalid';
  // Lookups use the first entry of a name, so a second one would be silently ignored.
  return takenNames(pathway, kind).has(name) ? 'duplicate' : null;
}

/** One text per language the pathway is written in: a placeholder the author then edits. */
export function placeholderTexts(pathway: Pathway, text: (language: Language) => string): Texts {
  const texts: Texts = {};
  for (const language of pathway.languages) texts[language] = text(language);
  return texts;
}

/** Adds a fact at the end of the dictionary, labelled with its name until the author edits it. */
export function addFact(pathway: Pathway, name: string, type: Fact['type']): Pathway {
  const fact: Fact = { name, type, label: placeholderTexts(pathway, () => name) };
  return { ...pathway, facts: [...pathway.facts, fact] };
}

/** Removes a fact from the dictionary (conditions naming it then show unknown-fact problems). */
export function removeFact(pathway: Pathway, name: string): Pathway {
  if (!pathway.facts.some((f) => f.name === name)) return pathway;
  return { ...pathway, facts: pathway.facts.filter((f) => f.name !== name) };
}

/** Replaces the fact `name` by `fn(fact)`. */
export function updateFact(pathway: Pathway, name: string, fn: (fact: Fact) => Fact): Pathway {
  if (!pathway.facts.some((f) => f.name === name)) return pathway;
  return { ...pathway, facts: pathway.facts.map((f) => (f.name === name ? fn(f) : f)) };
}

/** Adds a named condition that holds for nobody until the author edits it. */
export function addCondition(pathway: Pathway, name: string): Pathway {
  const named: NamedCondition = { name, when: newCondition() };
  return { ...pathway, conditions: [...pathway.conditions, named] };
}

/** Removes a named condition (conditions naming it then show unknown-condition problems). */
export function removeCondition(pathway: Pathway, name: string): Pathway {
  if (!pathway.conditions.some((c) => c.name === name)) return pathway;
  return { ...pathway, conditions: pathway.conditions.filter((c) => c.name !== name) };
}

/** Adds an alert with a never-true condition (it fires for nobody until edited) and a placeholder message. */
export function addAlert(
  pathway: Pathway,
  id: string,
  severity: Alert['severity'],
  message: Texts,
): Pathway {
  const alert: Alert = { id, severity, when: newCondition(), message };
  return { ...pathway, alerts: [...pathway.alerts, alert] };
}

/** Removes an alert. */
export function removeAlert(pathway: Pathway, id: string): Pathway {
  if (!pathway.alerts.some((a) => a.id === id)) return pathway;
  return { ...pathway, alerts: pathway.alerts.filter((a) => a.id !== id) };
}

/** Reads "a, b, 3" as fact values: numbers for number-like items, else strings; empty items dropped. */
export function parseValues(text: string, type: Fact['type']): (string | number)[] {
  const numeric = type === 'integer' || type === 'number';
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => (numeric && Number.isFinite(Number(v)) ? Number(v) : v));
}
