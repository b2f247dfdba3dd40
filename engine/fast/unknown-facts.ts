/**
 * The facts whose absence leaves a condition unknown, found without building its evaluated
 * tree: the same walk as `unknownFacts` in `engine/reference/truth.ts` (only unknown branches
 * are followed; a leaf names its fact when that value is unknown, and the other fact of a
 * fact-to-fact comparison when that one is).
 *
 * Each condition's collector is generated straight-line code, as the recorders are (see
 * `recorder.ts`): every node's truth computed once into a variable, then nested tests that
 * descend only into unknown nodes. It pushes fact names (repeats allowed) onto an array the
 * caller reuses, so a patient whose walk stops on an unknown transition allocates nothing here.
 */
import {
  isAll,
  isGroup,
  isNot,
  isReference,
  conditionChildren,
  valueFact,
} from '../model/condition';
import { isLowerBound } from '../facts/bound';
import type { Condition } from '../model/types';
import { Generator, kleeneFold, T, U } from './codegen';
import type { SlotLayout } from './layout';

/** Pushes onto `out` the facts whose absence leaves the condition unknown (repeats allowed). */
export type CollectFn = (slots: readonly unknown[], out: string[]) => void;

/** Emits one condition's truths (post-order statements) and its collecting code. */
class Emitter {
  readonly statements: string[] = [];
  next = 0;
  /** The generated name of `isLowerBound`. */
  private readonly isBound: string;

  constructor(
    private readonly gen: Generator,
    private readonly named: ReadonlyMap<string, Condition>,
    private readonly layout: SlotLayout,
    private readonly name: (fact: string) => string,
  ) {
    this.isBound = gen.constant(isLowerBound);
  }

  /** Emits `condition` as node `this.next`; returns its number and its collecting code. */
  node(condition: Condition): { k: number; collect: string } {
    const k = this.next++;
    if (isGroup(condition)) {
      const all = isAll(condition);
      const children = conditionChildren(condition).map((c) => this.node(c));
      // An empty `all` is true and an empty `any` false, as in Kleene's logic.
      this.assign(
        k,
        children.length === 0
          ? String(all ? T : 0)
          : kleeneFold(
              children.map((c) => c.k),
              all,
            ),
      );
      return { k, collect: `if(v${k}===${U}){${children.map((c) => c.collect).join('')}}` };
    }
    if (isNot(condition)) {
      // `not` is unknown exactly when its part is: the part's code decides.
      const child = this.node(condition.not);
      this.assign(k, `${T}-v${child.k}`);
      return { k, collect: child.collect };
    }
    if (isReference(condition)) {
      const when = this.named.get(condition.condition);
      // compilePathway rejects unknown names before this runs; stay total anyway (unknown, no facts).
      if (when === undefined) {
        this.assign(k, String(U));
        return { k, collect: '' };
      }
      const child = this.node(when);
      this.assign(k, `v${child.k}`);
      return { k, collect: child.collect };
    }
    this.assign(k, this.gen.expr(condition));
    const unknownSlot = (fact: string): string => {
      const v = `s[${this.layout.slot(fact)}]`;
      // Fact names reach the code only as indexes into the names array `N`.
      // Only a lower bound is an object among the values a comparison can leave unknown.
      return `if(${v}===undefined||${v}===null||(typeof ${v}==="object"&&${this.isBound}(${v})))o.push(${this.name(fact)});`;
    };
    const other = valueFact(condition);
    const collect = unknownSlot(condition.fact) + (other === undefined ? '' : unknownSlot(other));
    return { k, collect: `if(v${k}===${U}){${collect}}` };
  }

  private assign(k: number, value: string): void {
    this.statements.push(`v${k}=${value};`);
  }
}

/**
 * Collectors for `conditions` (in order). Generated text holds only generated identifiers,
 * slot and node numbers, indexes into the fact names array and the truth generator's output
 * (itself free of file content).
 */
export function unknownFactCollectors(
  layout: SlotLayout,
  named: ReadonlyMap<string, Condition>,
  conditions: readonly Condition[],
): CollectFn[] {
  const gen = new Generator(layout, named);
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const name = (fact: string): string => {
    let i = nameIndex.get(fact);
    if (i === undefined) {
      i = names.length;
      names.push(fact);
      nameIndex.set(fact, i);
    }
    return `N[${i}]`;
  };
  const tops = conditions.map((condition, i) => {
    const emitter = new Emitter(gen, named, layout, name);
    const { collect } = emitter.node(condition);
    const vars = Array.from({ length: emitter.next }, (_, k) => `v${k}`).join(',');
    gen.functions.push(`function u${i}(s,o){var ${vars};${emitter.statements.join('')}${collect}}`);
    return `u${i}`;
  });
  const source = `"use strict";${gen.functions.join('\n')}\nreturn [${tops.join(',')}];`;
  // Generated from identifiers, numbers and JSON literals only (see above).
  const factory = new Function('K', 'N', source) as (
    constants: unknown[],
    factNames: readonly string[],
  ) => CollectFn[];
  return factory(gen.constants, names);
}
