import { describe, expect, it } from 'vitest';
import { unpackPrefetch } from '../../engine/cds/prefetch';
import type { PrefetchKey } from '../../engine/cds/services';

const KEYS: PrefetchKey[] = ['patient', 'medicationStatements', 'medicationRequests'];
const patient = { resourceType: 'Patient', id: 'p1' };
const statement = {
  resourceType: 'MedicationStatement',
  id: 'ms1',
  status: 'active',
  subject: { reference: 'Patient/p1' },
};
const searchset = (entry: unknown[], link?: unknown[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  ...(link === undefined ? {} : { link }),
  entry,
});
const stateOf = (lists: { source?: string; state: string }[], key: string) =>
  lists.find((l) => l.source === key)?.state;

describe('unpackPrefetch', () => {
  it('gives each medication list a state: complete, null as complete, and not-sent for a missing key', () => {
    const out = unpackPrefetch(
      { patient, medicationStatements: searchset([{ resource: statement }]) },
      KEYS,
    );
    expect(stateOf(out.lists, 'medicationStatements')).toBe('complete');
    expect(stateOf(out.lists, 'medicationRequests')).toBe('not-sent');
    expect(out.notProvided).toEqual(['medicationRequests']);
    const none = unpackPrefetch({ patient, medicationStatements: null }, KEYS);
    expect(stateOf(none.lists, 'medicationStatements')).toBe('complete');
    expect(none.completeTypes).toContain('MedicationStatement');
  });

  it('marks a Bundle with a next link as paged, not complete', () => {
    const out = unpackPrefetch(
      {
        patient,
        medicationStatements: searchset(
          [{ resource: statement }],
          [{ relation: 'next', url: 'https://fhir.example.se/r4/MedicationStatement?page=2' }],
        ),
      },
      KEYS,
    );
    expect(stateOf(out.lists, 'medicationStatements')).toBe('paged');
    expect(out.completeTypes).not.toContain('MedicationStatement');
  });

  it('marks a list answered by an OperationOutcome, or holding an outcome entry, as withheld', () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'not allowed' }],
    };
    const out = unpackPrefetch(
      {
        patient,
        medicationStatements: searchset([
          { resource: statement, search: { mode: 'match' } },
          {
            resource: {
              resourceType: 'OperationOutcome',
              issue: [{ severity: 'information', code: 'suppressed' }],
            },
            search: { mode: 'outcome' },
          },
        ]),
        medicationRequests: outcome,
      },
      KEYS,
    );
    expect(out.lists.filter((l) => l.type.startsWith('Medication'))).toEqual([
      {
        type: 'MedicationStatement',
        state: 'withheld',
        source: 'medicationStatements',
        message: 'suppressed',
      },
      {
        type: 'MedicationRequest',
        state: 'withheld',
        source: 'medicationRequests',
        message: 'forbidden: not allowed',
      },
    ]);
    expect(out.completeTypes).toEqual([]);
  });

  it('keeps a list whole when its only outcome entry is purely informational', () => {
    const out = unpackPrefetch(
      {
        patient,
        medicationStatements: searchset([
          { resource: statement },
          {
            resource: {
              resourceType: 'OperationOutcome',
              issue: [{ severity: 'information', code: 'informational' }],
            },
            search: { mode: 'outcome' },
          },
        ]),
      },
      KEYS,
    );
    expect(stateOf(out.lists, 'medicationStatements')).toBe('complete');
  });

  it('passes Bundles on with their fullUrls and without their outcome entries', () => {
    const bundle = searchset([
      { fullUrl: 'urn:uuid:1', resource: statement, search: { mode: 'match' } },
      {
        fullUrl: 'urn:uuid:2',
        resource: { resourceType: 'Medication', id: 'm1' },
        search: { mode: 'include' },
      },
      { resource: { resourceType: 'OperationOutcome', issue: [] }, search: { mode: 'outcome' } },
    ]);
    const out = unpackPrefetch({ patient, medicationStatements: bundle }, KEYS);
    expect(out.resources).toEqual([patient, { ...bundle, entry: bundle.entry.slice(0, 2) }]);
  });
});
