import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isPathwayError } from '../../engine/errors';
import type { IndicatorRun } from '../../engine/indicators/types';
import { openResultsStore, type ResultsStore } from '../../engine/results/store';
import { DATABASES, dropTestSchemas, freshSqliteFile } from '../store/databases';
import { counts, sampleRun } from './store-fixtures';

const tempFile = freshSqliteFile;

const opened: ResultsStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
afterAll(() => dropTestSchemas());

async function open(target: string, create = true): Promise<ResultsStore> {
  const store = await openResultsStore(target, { create });
  opened.push(store);
  return store;
}

/** The run as the store gives it back: with its id. */
const stored = (run: IndicatorRun, id: number): IndicatorRun => ({ id, ...run });

describe.each(DATABASES)('the results store in $name', (kind) => {
  const test = it.skipIf(kind.skip !== undefined);

  test('reads back every count, step and indicator text it stored, with increasing ids', async () => {
    const store = await open(await kind.target());
    const run = sampleRun('2026-01-31');
    const first = await store.append(run);
    const second = await store.append(sampleRun('2026-02-28', { shift: 3 }));
    expect(second).toBeGreaterThan(first);
    const [back] = await store.runs();
    expect(back).toEqual(stored(run, first));
  });

  test('answers runs oldest first by as-of date, whatever order they were appended in', async () => {
    const store = await open(await kind.target());
    await store.append(sampleRun('2026-03-31'));
    await store.append(sampleRun('2026-01-31'));
    await store.append(sampleRun('2026-02-28'));
    expect((await store.runs()).map((r) => r.asOf)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
    ]);
  });

  test('filters by pathway and by an inclusive as-of range', async () => {
    const store = await open(await kind.target());
    for (const asOf of ['2026-01-31', '2026-02-28', '2026-03-31'])
      await store.append(sampleRun(asOf));
    await store.append(sampleRun('2026-02-28', { pathwayId: 'other' }));
    const runs = await store.runs({
      pathwayId: 'chronic-pain',
      from: '2026-02-28',
      to: '2026-03-31',
    });
    expect(runs.map((r) => [r.pathwayId, r.asOf])).toEqual([
      ['chronic-pain', '2026-02-28'],
      ['chronic-pain', '2026-03-31'],
    ]);
    expect(await store.runs({ pathwayId: 'nobody' })).toEqual([]);
  });

  test('keeps its runs for another instance opened on the same store', async () => {
    const target = await kind.target();
    const store = await open(target);
    const id = await store.append(sampleRun('2026-01-31', { version: '1.2.0' }));
    const reader = await open(target, false);
    expect((await reader.runs()).map((r) => [r.id, r.version])).toEqual([[id, '1.2.0']]);
  });

  test('refuses a run grouped by patient id and stores nothing of it', async () => {
    const store = await open(await kind.target());
    const run = { ...sampleRun('2026-01-31'), by: 'id' };
    await expect(store.append(run)).rejects.toMatchObject({
      code: 'SCHEMA',
      issues: [{ path: 'by' }],
    });
    expect(await store.runs()).toEqual([]);
  });

  test('refuses contradictory counts and leaves no half-written run behind', async () => {
    const store = await open(await kind.target());
    const run = sampleRun('2026-01-31');
    const south = run.groups['Södra VC'];
    if (south === undefined) throw new Error('fixture');
    south.indicators.screened = counts(10, 9, { numeratorUnknown: 2 });
    await expect(store.append(run)).rejects.toMatchObject({
      code: 'SCHEMA',
      issues: [{ path: 'groups.Södra VC.indicators.screened' }],
    });
    const negative = sampleRun('2026-01-31');
    negative.groups.all = { ...negative.groups.all!, patients: -1 };
    await expect(store.append(negative)).rejects.toMatchObject({ code: 'SCHEMA' });
    expect(await store.runs()).toEqual([]);
  });

  test('rolls the whole run back when a row fails half-way', async () => {
    const store = await open(await kind.target());
    const run = sampleRun('2026-01-31');
    // The checks read the groups once and pass; the second read, while the rows are written
    // after the run row went in, fails as a lost disk would.
    let reads = 0;
    const zeta = run.groups['Norra VC'];
    Object.defineProperty(run.groups, 'Zeta', {
      enumerable: true,
      get() {
        reads += 1;
        if (reads > 1) throw new Error('disk gone');
        return zeta;
      },
    });
    await expect(store.append(run)).rejects.toThrow('disk gone');
    expect(reads).toBe(2);
    expect(await store.runs()).toEqual([]);
  });

  test('does not keep fields a run does not declare (no patient list can slip in)', async () => {
    const store = await open(await kind.target());
    const run = sampleRun('2026-01-31');
    const withPatients = { ...run, worklist: [{ id: 'patient-17' }] } as IndicatorRun;
    const id = await store.append(withPatients);
    const [back] = await store.runs();
    expect(back).toEqual(stored(run, id));
    expect(JSON.stringify(back)).not.toContain('patient-17');
  });
});

describe('opening a results store', () => {
  it('says there is no such store when a reader names a missing file', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'results-store-')), 'nope.sqlite');
    const error: unknown = await openResultsStore(missing, { create: false }).catch(
      (e: unknown) => e,
    );
    expect(isPathwayError(error) && error.code).toBe('FILE_READ');
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toContain('no such file');
  });

  it('says a file is not a database, and a database without runs is not a results store', async () => {
    const text = tempFile();
    writeFileSync(text, 'hello, this is not SQLite at all'.repeat(10));
    await expect(openResultsStore(text, { create: false })).rejects.toThrow(
      /not a SQLite database/,
    );
    const empty = tempFile();
    await (await openResultsStore(empty)).close();
    const other = join(mkdtempSync(join(tmpdir(), 'results-store-')), 'audit.sqlite');
    const { default: Database } = await import('better-sqlite3');
    new Database(other).exec('CREATE TABLE audit (id INTEGER)');
    await expect(openResultsStore(other, { create: false })).rejects.toThrow(/not a results store/);
  });

  it('hides the password of a database URL it cannot reach', async () => {
    const error = (await openResultsStore('postgres://user:s3cret@127.0.0.1:1/none').then(
      () => new Error('opened'),
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('user:***@');
    expect(error.message).not.toContain('s3cret');
  });
});
