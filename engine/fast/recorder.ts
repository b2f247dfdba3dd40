/**
 * Recorded traces for the population path. A recorder is generated code that evaluates a
 * condition's whole tree (every child, as the trace shows every child) and writes each node's
 * Kleene truth (0 false, 1 unknown, 2 true) into a byte buffer, in pre-order, named conditions
 * expanded in place — the same nodes, in the same order, as the evaluated tree `evaluate()`
 * returns. It returns the condition's truth, so the walk decides with the very values recorded.
 *
 * A patient's trace is then a run of bytes; `trace-view.ts` turns it back into trace nodes for
 * the one patient someone wants to read. Leaves reuse the truth generator's leaf functions, so
 * a leaf is decided by the same code with and without a trace.
 */
import {
  conditionChildren,
  foldCondition,
  isAll,
  isGroup,
  isNot,
  isReference,
} from '../model/condition';
import type { Condition } from '../model/types';
import { Generator, kleeneFold, T } from './codegen';
import type { SlotLayout } from './layout';

/** Records one condition's tree at offset `o` of `b` and returns its truth. */
export type RecordFn = (slots: readonly unknown[], b: Uint8Array, o: number) => number;

/** How many nodes the evaluated tree of `condition` has (named conditions expanded). */
export function nodeCount(condition: Condition, named: ReadonlyMap<string, Condition>): number {
  const sum = (parts: number[]): number => parts.reduce((n, p) => n + p, 1);
  return foldCondition<number>(
    condition,
    {
      all: sum,
      any: sum,
      not: (part) => 1 + part,
      // An undefined name is refused at compilation; as a node it would be an empty `all`.
      reference: (_name, expanded) => 1 + (expanded ?? 1),
      leaf: () => 1,
    },
    { named },
  );
}

/** Emits straight-line statements for one tree; node `k` keeps its truth in variable `v<k>`. */
class Emitter {
  readonly statements: string[] = [];
  next = 0;

  constructor(
    private readonly gen: Generator,
    private readonly named: ReadonlyMap<string, Condition>,
  ) {}

  /** Emits `condition` as node number `this.next`, returning that number. */
  node(condition: Condition): number {
    const k = this.next++;
    // Pre-order numbering (a node before its children), so a fold (post-order) does not fit.
    if (isGroup(condition)) {
      const all = isAll(condition);
      const children = conditionChildren(condition).map((c) => this.node(c));
      // An empty `all` is true and an empty `any` false, as in Kleene's logic.
      this.assign(k, children.length === 0 ? String(all ? T : 0) : kleeneFold(children, all));
    } else if (isNot(condition)) {
      const child = this.node(condition.not);
      this.assign(k, `${T}-v${child}`);
    } else if (isReference(condition)) {
      const when = this.named.get(condition.condition);
      const child = when === undefined ? this.node({ all: [] }) : this.node(when);
      this.assign(k, `v${child}`);
    } else this.assign(k, this.gen.expr(condition));
    return k;
  }

  private assign(k: number, value: string): void {
    this.statements.push(`v${k}=${value};b[o+${k}]=v${k};`);
  }
}

/**
 * Compiles recorders for `conditions` (in order). Generated text holds only generated
 * identifiers, node numbers and the truth generator's output (itself free of file content).
 */
export function generateRecorders(
  layout: SlotLayout,
  named: ReadonlyMap<string, Condition>,
  conditions: readonly Condition[],
): RecordFn[] {
  const gen = new Generator(layout, named);
  const tops = conditions.map((condition, i) => {
    const emitter = new Emitter(gen, named);
    emitter.node(condition);
    const vars = Array.from({ length: emitter.next }, (_, k) => `v${k}`).join(',');
    gen.functions.push(
      `function r${i}(s,b,o){var ${vars};${emitter.statements.join('')}return v0;}`,
    );
    return `r${i}`;
  });
  const source = `"use strict";${gen.functions.join('\n')}\nreturn [${tops.join(',')}];`;
  // Generated from identifiers, node numbers and JSON literals only (see the file comment).
  const factory = new Function('K', source) as (constants: unknown[]) => RecordFn[];
  return factory(gen.constants);
}
