/**
 * The outcome terms an indicator condition may read in a leaf's `fact` (see the header of
 * `types.ts`): reserved names starting with `$`, which no pathway fact can take. This module
 * only reads their names; `outcome-terms.ts` gives them their values for one patient.
 */
import type { Fact } from '../model/types';

/** What an outcome term names. */
export type OutcomeTerm =
  | { kind: 'step' }
  | { kind: 'status' }
  | { kind: 'visited'; id: string }
  | { kind: 'alert'; id: string }
  | { kind: 'followUp'; id: string };

/** The values `$status` takes. */
export const STATUS_VALUES = ['settled', 'needs-information'] as const;

/** The values `$followUp:<id>` takes when known. */
export const FOLLOW_UP_VALUES = ['not-applicable', 'upcoming', 'due', 'overdue'] as const;

/** True for a name written as an outcome term (starting with `$`), well-formed or not. */
export function isTermName(name: string): boolean {
  return name.startsWith('$');
}

/** The term a name stands for, or undefined when it is no (well-formed) outcome term. */
export function parseTerm(name: string): OutcomeTerm | undefined {
  if (name === '$step') return { kind: 'step' };
  if (name === '$status') return { kind: 'status' };
  const match = /^\$(visited|alert|followUp):(.+)$/.exec(name);
  if (match === null) return undefined;
  return { kind: match[1] as 'visited' | 'alert' | 'followUp', id: match[2] as string };
}

/**
 * An outcome term described as a fact of the dictionary would be (type and allowed values),
 * so checks over facts — lint's unsatisfiable conditions — can judge indicator leaves too.
 * Undefined for a name that is no outcome term.
 */
export function termAsFact(name: string, stepIds: readonly string[]): Fact | undefined {
  const term = parseTerm(name);
  if (term === undefined) return undefined;
  const label = { en: name };
  switch (term.kind) {
    case 'step':
      return { name, type: 'string', values: [...stepIds], label };
    case 'status':
      return { name, type: 'string', values: [...STATUS_VALUES], label };
    case 'followUp':
      return { name, type: 'string', values: [...FOLLOW_UP_VALUES], label };
    case 'visited':
    case 'alert':
      return { name, type: 'boolean', label };
  }
}
