/** Collects problems and notes once each, in the order found. */
import type { FhirNote, FhirProblem } from './types';

export class Report {
  readonly problems: FhirProblem[] = [];
  readonly notes: FhirNote[] = [];
  readonly #seen = new Set<string>();

  /** A malformed or unusable resource or value (skipped). */
  problem(resource: string, message: string, fact?: string): void {
    this.#push(this.problems, 'p', resource, message, fact);
  }

  /** A caveat about data that was used. */
  note(resource: string, message: string, fact?: string): void {
    this.#push(this.notes, 'n', resource, message, fact);
  }

  #push(
    list: FhirProblem[],
    tag: string,
    resource: string,
    message: string,
    fact: string | undefined,
  ): void {
    const key = JSON.stringify([tag, resource, message, fact ?? null]);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    list.push({ resource, ...(fact === undefined ? {} : { fact }), message });
  }
}
