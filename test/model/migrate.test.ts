import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { MIGRATIONS, migratePathway, type Migration } from '../../engine/model/migrate';
import { CURRENT_SCHEMA_VERSION } from '../../engine/model/schema';

/** Catches the PathwayError a call throws. */
function thrown(run: () => unknown): PathwayError {
  try {
    run();
  } catch (error) {
    if (error instanceof PathwayError) return error;
    throw error;
  }
  throw new Error('expected a PathwayError');
}

/** A synthetic format change: version 0 called the title `name`. */
const renameName: Migration = {
  from: 0,
  to: 1,
  migrate: ({ name, ...rest }) => ({ ...rest, title: name }),
};

describe('migratePathway', () => {
  it('has no migrations yet, because version 1 is the first format', () => {
    expect(MIGRATIONS).toEqual([]);
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
  });

  it('returns a current document unchanged', () => {
    const doc = { schemaVersion: 1, id: 'x' };
    expect(migratePathway(doc)).toBe(doc);
  });

  it('applies a migration to an older document and stamps the new version', () => {
    const doc = { schemaVersion: 0, id: 'x', name: { en: 'X' } };
    expect(migratePathway(doc, [renameName])).toEqual({
      schemaVersion: 1,
      id: 'x',
      title: { en: 'X' },
    });
  });

  it("never changes the caller's document", () => {
    const doc = { schemaVersion: 0, name: { en: 'X' } };
    const mutating: Migration = {
      from: 0,
      to: 1,
      migrate: (d) => {
        d['name'] = 'changed';
        return d;
      },
    };
    migratePathway(doc, [mutating]);
    expect(doc).toEqual({ schemaVersion: 0, name: { en: 'X' } });
  });

  it('applies migrations one step at a time, in order, up to the target', () => {
    const seen: number[] = [];
    const step = (from: number): Migration => ({
      from,
      to: from + 1,
      migrate: (d) => {
        seen.push(from);
        return { ...d, [`step${from}`]: true };
      },
    });
    const result = migratePathway({ schemaVersion: 1 }, [step(3), step(1), step(2)], 4);
    expect(seen).toEqual([1, 2, 3]);
    expect(result).toEqual({ schemaVersion: 4, step1: true, step2: true, step3: true });
  });

  it('rejects a missing schemaVersion, naming the field', () => {
    const error = thrown(() => migratePathway({ id: 'x' }));
    expect(error.code).toBe('SCHEMA_VERSION');
    expect(error.issues[0]).toMatchObject({ code: 'SCHEMA_VERSION', path: 'schemaVersion' });
    expect(error.message).toContain("missing required key 'schemaVersion'");
  });

  it('rejects a schemaVersion that is not a whole number', () => {
    for (const bad of ['1', 1.5, true, null]) {
      const error = thrown(() => migratePathway({ schemaVersion: bad }));
      expect(error.code).toBe('SCHEMA_VERSION');
      expect(error.issues[0]).toMatchObject({ path: 'schemaVersion', value: bad });
    }
  });

  it('rejects a document written by a newer engine, asking for an upgrade', () => {
    const error = thrown(() => migratePathway({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 }));
    expect(error.code).toBe('SCHEMA_VERSION');
    expect(error.message).toBe(
      'schemaVersion 2 was written by a newer engine (this one reads up to 1); upgrade the engine',
    );
  });

  it('rejects an older document when a migration step is missing', () => {
    const error = thrown(() => migratePathway({ schemaVersion: 0 }));
    expect(error.code).toBe('SCHEMA_VERSION');
    expect(error.message).toContain('no migration from format 0 to 1');
  });
});
