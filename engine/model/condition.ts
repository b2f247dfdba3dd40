/**
 * The one owner of the condition tree's shape. A condition is an `all` / `any` group, a
 * `not`, a `{ condition: name }` reference to a named condition, or a comparison leaf
 * (`fact` / `operator` / `value`). Everything that walks a tree (lint, diff, words,
 * compilation, the editor) asks this module which kind a node is and what its children
 * are, so a new node kind is added here once instead of in every walker.
 */
import type { PathSegment } from './path';
import type { Condition, LeafCondition, Pathway } from './types';

/** `{ all: [...] }`: true when every part is. */
export type AllCondition = Extract<Condition, { all: unknown }>;
/** `{ any: [...] }`: true when some part is. */
export type AnyCondition = Extract<Condition, { any: unknown }>;
/** `{ not: condition }`. */
export type NotCondition = Extract<Condition, { not: unknown }>;
/** `{ condition: name }`: the named condition of that name. */
export type ReferenceCondition = Extract<Condition, { condition: unknown }>;
/** An `all` or `any` group. */
export type GroupCondition = AllCondition | AnyCondition;

/** The five kinds of node, in the order they are recognised. */
export type ConditionKind = 'all' | 'any' | 'not' | 'reference' | 'leaf';

/**
 * The kind of a node, or undefined when `value` is no condition at all. Each shape is
 * checked rather than trusted, because the editor lints half-typed documents and a walk
 * over one must never throw. The first matching key wins, as in json-rules-engine.
 */
export function conditionKind(value: unknown): ConditionKind | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if ('all' in value && Array.isArray(value.all)) return 'all';
  if ('any' in value && Array.isArray(value.any)) return 'any';
  if ('not' in value) return 'not';
  if ('condition' in value && typeof value.condition === 'string') return 'reference';
  if (
    'fact' in value &&
    typeof value.fact === 'string' &&
    'operator' in value &&
    typeof value.operator === 'string' &&
    'value' in value
  )
    return 'leaf';
  return undefined;
}

/** The kind of a node that has children (`all`, `any`, `not`), or undefined for a leaf or reference. */
export type GroupKind = 'all' | 'any' | 'not';

/** {@link GroupKind} of a node, or undefined when it has no children. */
export function groupKind(value: unknown): GroupKind | undefined {
  const kind = conditionKind(value);
  return kind === 'all' || kind === 'any' || kind === 'not' ? kind : undefined;
}

/** True for `{ all: [...] }`. */
export function isAll(value: unknown): value is AllCondition {
  return conditionKind(value) === 'all';
}

/** True for `{ any: [...] }`. */
export function isAny(value: unknown): value is AnyCondition {
  return conditionKind(value) === 'any';
}

/** True for an `all` or `any` group. */
export function isGroup(value: unknown): value is GroupCondition {
  const kind = conditionKind(value);
  return kind === 'all' || kind === 'any';
}

/** True for `{ not: condition }`. */
export function isNot(value: unknown): value is NotCondition {
  return conditionKind(value) === 'not';
}

/** True for a `{ condition: name }` reference. */
export function isReference(value: unknown): value is ReferenceCondition {
  return conditionKind(value) === 'reference';
}

/** True for a comparison leaf. */
export function isLeaf(value: unknown): value is LeafCondition {
  return conditionKind(value) === 'leaf';
}

/** The children of a node in document order: a group's parts, a `not`'s one; none for the rest. */
export function conditionChildren(condition: Condition): readonly Condition[] {
  if ('all' in condition) return condition.all;
  if ('any' in condition) return condition.any;
  if ('not' in condition) return [condition.not];
  return [];
}

/** A group of `kind` with these parts (for `not`, the first part; an empty `not` is refused). */
export function makeGroup(kind: GroupKind, parts: readonly Condition[]): Condition {
  if (kind === 'all') return { all: [...parts] };
  if (kind === 'any') return { any: [...parts] };
  const [first] = parts;
  if (first === undefined) throw new RangeError('a not needs one part');
  return { not: first };
}

/** Named conditions by name; the first definition of a duplicated name wins, as in lint. */
export type NamedConditions = ReadonlyMap<string, Condition>;

/** The pathway's named conditions by name (first definition wins). */
export function namedConditions(pathway: Pick<Pathway, 'conditions'>): NamedConditions {
  const map = new Map<string, Condition>();
  for (const named of pathway.conditions) if (!map.has(named.name)) map.set(named.name, named.when);
  return map;
}

/**
 * What a fold does at each kind of node. Children are folded first, in document order,
 * and handed to their parent (a post-order fold).
 */
export interface ConditionFold<T> {
  all(parts: T[], node: AllCondition): T;
  any(parts: T[], node: AnyCondition): T;
  not(part: T, node: NotCondition): T;
  /**
   * `expanded` is the fold of the named condition's own tree when the fold was asked to
   * expand references (`named`) and the name is defined and not already being expanded
   * (a cycle); otherwise undefined.
   */
  reference(name: string, expanded: T | undefined, node: ReferenceCondition): T;
  leaf(leaf: LeafCondition): T;
}

/** Options of {@link foldCondition}. */
export interface FoldOptions {
  /** Expand `{ condition: name }` references through these definitions. */
  readonly named?: NamedConditions;
}

/**
 * Folds a tree bottom-up. With `named`, a reference is folded into its definition too,
 * and a name met again inside its own expansion is left unexpanded, so a cycle in the
 * document ends the walk rather than the stack.
 */
export function foldCondition<T>(
  condition: Condition,
  fold: ConditionFold<T>,
  options: FoldOptions = {},
): T {
  const { named } = options;
  const expanding: string[] = [];
  const visit = (node: Condition): T => {
    if ('all' in node) return fold.all(node.all.map(visit), node);
    if ('any' in node) return fold.any(node.any.map(visit), node);
    if ('not' in node) return fold.not(visit(node.not), node);
    if ('condition' in node) {
      const definition = named?.get(node.condition);
      if (definition === undefined || expanding.includes(node.condition))
        return fold.reference(node.condition, undefined, node);
      expanding.push(node.condition);
      const expanded = visit(definition);
      expanding.pop();
      return fold.reference(node.condition, expanded, node);
    }
    return fold.leaf(node);
  };
  return visit(condition);
}

/** One node met by {@link walkCondition}, with its schema path. */
export interface ConditionVisit {
  readonly node: Condition;
  readonly kind: ConditionKind;
  readonly path: readonly PathSegment[];
}

/** Deeper than any pathway needs; bounds a bug in a half-typed document instead of the stack. */
const MAX_DEPTH = 200;

/**
 * Calls `visit` for every well-formed node of `root`, parents before children, in
 * document order, with each node's path below `basePath`. Malformed nodes (of a
 * half-typed document) are skipped with their subtree; this walk never throws.
 */
export function walkCondition(
  root: unknown,
  visit: (entry: ConditionVisit) => void,
  basePath: readonly PathSegment[] = [],
): void {
  const step = (value: unknown, path: readonly PathSegment[], depth: number): void => {
    const kind = conditionKind(value);
    if (kind === undefined || depth > MAX_DEPTH) return;
    const node = value as Condition;
    visit({ node, kind, path });
    // Children of an untrusted `all` / `any` may be anything: each is checked when visited.
    if (kind === 'all' || kind === 'any') {
      const parts: unknown[] =
        kind === 'all' ? (node as AllCondition).all : (node as AnyCondition).any;
      parts.forEach((child, i) => step(child, [...path, kind, i], depth + 1));
    } else if (kind === 'not') step((node as NotCondition).not, [...path, 'not'], depth + 1);
  };
  step(root, basePath, 0);
}

/**
 * Rebuilds a tree bottom-up: each node is rebuilt from its mapped children, then given to
 * `f`. `mapCondition(c, (n) => n)` equals `c`.
 */
export function mapCondition(
  condition: Condition,
  f: (node: Condition) => Condition,
  options: FoldOptions = {},
): Condition {
  return foldCondition<Condition>(
    condition,
    {
      all: (parts) => f({ all: parts }),
      any: (parts) => f({ any: parts }),
      not: (part) => f({ not: part }),
      // An expanded reference is replaced by its (mapped) definition: the tree then has no names.
      reference: (name, expanded) => expanded ?? f({ condition: name }),
      leaf: (leaf) => f(leaf),
    },
    options,
  );
}

/** The leaves of a tree in document order (through named conditions when `named` is given). */
export function conditionLeaves(condition: Condition, options: FoldOptions = {}): LeafCondition[] {
  return foldCondition<LeafCondition[]>(
    condition,
    {
      all: (parts) => parts.flat(),
      any: (parts) => parts.flat(),
      not: (part) => part,
      reference: (_name, expanded) => expanded ?? [],
      leaf: (leaf) => [leaf],
    },
    options,
  );
}

/**
 * The named conditions a tree refers to, each once, in order of first mention. With
 * `named`, also those referred to through them (a definition's own references follow it).
 */
export function referencedConditions(condition: Condition, options: FoldOptions = {}): string[] {
  const names = foldCondition<string[]>(
    condition,
    {
      all: (parts) => parts.flat(),
      any: (parts) => parts.flat(),
      not: (part) => part,
      reference: (name, expanded) => [name, ...(expanded ?? [])],
      leaf: () => [],
    },
    options,
  );
  return [...new Set(names)];
}

/** The `{ fact }` a leaf compares with, if its value names a fact. */
export function valueFact(leaf: LeafCondition): string | undefined {
  const value: unknown = leaf.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return 'fact' in value && typeof value.fact === 'string' ? value.fact : undefined;
}

/**
 * The facts a tree reads, each once, in order of first mention: every leaf's `fact` and
 * any `value: { fact }` it is compared with. With `named`, also through named conditions.
 */
export function referencedFacts(condition: Condition, options: FoldOptions = {}): string[] {
  const facts = conditionLeaves(condition, options).flatMap((leaf) => {
    const other = valueFact(leaf);
    return other === undefined ? [leaf.fact] : [leaf.fact, other];
  });
  return [...new Set(facts)];
}
