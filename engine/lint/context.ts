/**
 * What every rule needs, computed once per lint run: lookups by name and the walked
 * conditions. The first definition of a duplicated name wins; `duplicate-id` reports the rest.
 */
import { MME_TABLES } from '../facts/mme';
import type { Fact, NamedCondition, Pathway, Step } from '../model/types';
import type { LintIssue, LintOptions, PathwayLintRule } from './types';
import { conditionNodes, type ConditionNode } from './walk';

/** The MME table ids known when the caller does not say (the engine's default table). */
/** The MME tables the engine knows; a pathway naming another one cannot be evaluated. */
export const DEFAULT_MME_TABLES: readonly string[] = Object.keys(MME_TABLES);

/** A definition and its index in its list. */
export interface Indexed<T> {
  readonly item: T;
  readonly index: number;
}

/** The shared, read-only view of one document that rules check. */
export interface LintContext {
  readonly doc: Pathway;
  readonly facts: ReadonlyMap<string, Indexed<Fact>>;
  readonly steps: ReadonlyMap<string, Indexed<Step>>;
  readonly conditions: ReadonlyMap<string, Indexed<NamedCondition>>;
  readonly measureIds: ReadonlySet<string>;
  readonly referenceIds: ReadonlySet<string>;
  readonly mmeTables: ReadonlySet<string>;
  /** Every leaf and `{ condition }` reference of the document, in document order. */
  readonly nodes: readonly ConditionNode[];
}

/** A rule over one document. */
export interface PathwayRule {
  readonly rule: PathwayLintRule;
  check(context: LintContext): LintIssue[];
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, Indexed<T>> {
  const map = new Map<string, Indexed<T>>();
  items.forEach((item, index) => {
    const name = key(item);
    if (!map.has(name)) map.set(name, { item, index });
  });
  return map;
}

/** Builds the context for one lint run. */
export function createContext(doc: Pathway, options: LintOptions = {}): LintContext {
  return {
    doc,
    facts: byKey(doc.facts, (f) => f.name),
    steps: byKey(doc.steps, (s) => s.id),
    conditions: byKey(doc.conditions, (c) => c.name),
    measureIds: new Set(doc.measures.map((m) => m.id)),
    referenceIds: new Set(doc.references.map((r) => r.id)),
    mmeTables: new Set(options.mmeTables ?? DEFAULT_MME_TABLES),
    nodes: conditionNodes(doc),
  };
}
