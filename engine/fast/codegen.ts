/**
 * Conditions compiled to generated JavaScript: one small function per named condition and
 * per keyed condition, returning Kleene truth as a number (0 false, 1 unknown, 2 true, so that
 * `and` is a minimum, `or` a maximum and `not` is `2 - x`).
 *
 * The generated text contains only identifiers generated here, slot numbers and finite number
 * or boolean literals written with `JSON.stringify`; every other value (strings, lists, the
 * operator functions) is passed in through the constants array `K`, so nothing read from a
 * pathway file is ever spliced into code. Known values are compared with the very functions
 * json-rules-engine registers (`COMPARISONS`); the inline forms used for numbers and booleans
 * are exactly what those functions do for such values.
 */
import { isAll, isAny, isNot, isReference } from '../model/condition';
import type { Condition, Operator } from '../model/types';
import { leafTruth } from '../evaluate/operators';
import type { SlotLayout } from './layout';

/** Kleene truth as generated code returns it. */
export const F = 0;
export const U = 1;
export const T = 2;

/** A compiled condition: slots in, truth out. */
/**
 * Generated code for the truth of an `all` (`all` true) or `any` over node variables
 * `v<k>`: Kleene `and` is the minimum and `or` the maximum of 0 < 1 < 2, folded pairwise.
 */
export function kleeneFold(children: readonly number[], all: boolean): string {
  const [first, ...rest] = children;
  let value = `v${String(first)}`;
  for (const child of rest) value = `(v${child}${all ? '<' : '>'}${value}?v${child}:${value})`;
  return value;
}

export type TruthFn = (slots: readonly unknown[]) => number;

const NUMERIC: Partial<Record<Operator, string>> = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};

/** Builds the source text of all functions, collecting constants as it goes. */
export class Generator {
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];
  private readonly namedIds = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly layout: SlotLayout,
    private readonly named: ReadonlyMap<string, Condition>,
  ) {}

  /** Passes `value` into the generated code through the constants array; returns its name there. */
  constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  private literal(value: unknown): string {
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
      return JSON.stringify(value);
    return this.constant(value);
  }

  /** The generated name of a named condition's function, generating it on first use. */
  namedFunction(name: string): string {
    let id = this.namedIds.get(name);
    if (id === undefined) {
      id = `n${this.namedIds.size}`;
      this.namedIds.set(name, id);
      const when = this.named.get(name);
      // compilePathway rejects unknown references before this runs; stay total anyway.
      this.functions.push(`function ${id}(s){return ${when === undefined ? U : this.expr(when)};}`);
    }
    return id;
  }

  private group(parts: readonly Condition[], kind: 'all' | 'any'): string {
    const id = `g${this.counter++}`;
    // `all` stops at the first false part and `any` at the first true one: conditions are pure.
    const stop = kind === 'all' ? F : T;
    const body = parts
      .map((p) => `t=${this.expr(p)};if(t===${stop})return ${stop};if(t===${U})r=${U};`)
      .join('');
    this.functions.push(`function ${id}(s){var t,r=${kind === 'all' ? T : F};${body}return r;}`);
    return `${id}(s)`;
  }

  private compare(operator: Operator, left: string, right: string, rightIsNumber: boolean): string {
    const symbol = NUMERIC[operator];
    // Anything but a plain number or boolean comparison (lists, strings, lower bounds) goes
    // through `leafTruth`, which answers a truth code itself.
    const slow = `${this.constant(leafTruth)}(${this.literal(operator)},${left},${right})`;
    if (symbol !== undefined) {
      const guard = rightIsNumber
        ? `typeof ${left}==="number"`
        : `typeof ${left}==="number"&&typeof ${right}==="number"`;
      return `(${guard}?(${left}${symbol}${right}?${T}:${F}):${slow})`;
    }
    if (operator === 'equal' || operator === 'notEqual') {
      const [hit, miss] = operator === 'equal' ? [T, F] : [F, T];
      // A lower bound is an object: only objects can need more than `===`.
      const plain = `typeof ${left}!=="object"&&typeof ${right}!=="object"`;
      return `(${plain}?(${left}===${right}?${hit}:${miss}):${slow})`;
    }
    return slow;
  }

  /** A JavaScript expression (over slots `s`) giving the Kleene truth of `condition`. */
  expr(condition: Condition): string {
    // The shape is asked of engine/model/condition once per node at compile time; the
    // generated code itself has no dispatch left.
    if (isAll(condition)) return this.group(condition.all, 'all');
    if (isAny(condition)) return this.group(condition.any, 'any');
    if (isNot(condition)) return `(${T}-${this.expr(condition.not)})`;
    if (isReference(condition)) return `${this.namedFunction(condition.condition)}(s)`;
    const { fact, operator, value } = condition;
    const v = `s[${this.layout.slot(fact)}]`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const w = `s[${this.layout.slot(value.fact)}]`;
      const id = `l${this.counter++}`;
      this.functions.push(
        `function ${id}(s){var v=${v},w=${w};if(v===undefined||v===null||w===undefined||w===null)return ${U};return ${this.compare(operator, 'v', 'w', false)};}`,
      );
      return `${id}(s)`;
    }
    if (value === null || value === undefined) return `${U}`;
    const right = this.literal(value);
    const id = `l${this.counter++}`;
    this.functions.push(
      `function ${id}(s){var v=${v};if(v===undefined||v===null)return ${U};return ${this.compare(operator, 'v', right, typeof value === 'number' && Number.isFinite(value))};}`,
    );
    return `${id}(s)`;
  }
}

/**
 * Compiles `conditions` (in order) into truth functions sharing one generated module.
 * `named` resolves `{ condition: name }` references.
 */
export function generateConditions(
  layout: SlotLayout,
  named: ReadonlyMap<string, Condition>,
  conditions: readonly Condition[],
): TruthFn[] {
  const gen = new Generator(layout, named);
  const tops = conditions.map((c, i) => {
    gen.functions.push(`function c${i}(s){return ${gen.expr(c)};}`);
    return `c${i}`;
  });
  const source = `"use strict";${gen.functions.join('\n')}\nreturn [${tops.join(',')}];`;
  // Generated from identifiers and JSON literals only (see the file comment).
  const factory = new Function('K', source) as (constants: unknown[]) => TruthFn[];
  return factory(gen.constants);
}
