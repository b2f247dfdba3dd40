/**
 * The fast loader (the JSON route of `PatientBatch.add`, the one the evaluate route takes)
 * loads medication lists with every record form itself: a list with an uncertain entry, a
 * dose increase or a `null` field holds exactly validateInput's checked copy, and a list
 * validateInput refuses is declined, so the reference words its error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateInput } from '../../engine/facts/validate';
import { readAsOf } from '../../engine/fast/as-of';
import { compilePopulation } from '../../engine/fast/index';
import { findVersion, loadRepository } from '../../engine/node/repository';

const AS_OF = '2026-11-23';
const repo = await loadRepository(join(process.cwd(), 'pathways'));
const compiled = compilePopulation(
  findVersion(repo, 'chronic-pain', { version: '1.3.0', asOf: AS_OF }).pathway,
);
const slot = compiled.layout.slot('medications');

/** The fast loader's slots for `facts`, or undefined when it declines. */
function load(facts: Record<string, unknown>): unknown[] | undefined {
  const slots = new Array<unknown>(compiled.layout.size).fill(undefined);
  const { day } = readAsOf(AS_OF);
  return compiled.loader(facts, slots, day) ? slots : undefined;
}

describe('the fast loader’s medication lists', () => {
  it('holds validateInput’s own copy of a list with uncertain entries, increases and nulls', () => {
    const lists: unknown[][] = [
      [{ name: 'diazepam', uncertain: { detail: 'x|1', reason: 'unclassified-code' } }],
      [
        { since: '2026-01-01', atc: 'N02AA05', dose: 40, unit: 'mg/day' },
        { uncertain: { reason: 'list-incomplete', detail: null } },
      ],
      [{ atc: 'N02AA05', dose: null, since: '2026-01-01', doseIncreasedAt: '2026-10-01' }],
    ];
    for (const medications of lists) {
      const slots = load({ age: 52, medications });
      const validated = validateInput(
        compiled.pathway,
        { facts: { medications } },
        { asOf: AS_OF },
      );
      expect(slots).toBeDefined();
      expect(JSON.stringify(slots?.[slot])).toBe(JSON.stringify(validated.facts['medications']));
    }
  });

  it('declines a list validateInput refuses, and a plain list stays as given', () => {
    expect(load({ medications: [{ uncertain: { reason: 'lost' } }] })).toBeUndefined();
    expect(
      load({ medications: [{ atc: 'N02AA05', doseIncreasedAt: '2099-01-01' }] }),
    ).toBeUndefined();
    const plain = [{ dose: 40, atc: 'N02AA05' }];
    expect(load({ medications: plain })?.[slot]).toBe(plain);
  });
});
