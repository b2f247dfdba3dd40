import { describe, expect, it } from 'vitest';
import { GroupInsert } from '../../engine/audit/group-insert';
import { StoreError } from '../../engine/store/errors';
import type { SqlValue } from '../../engine/store/types';

/** A writer that records the groups it is given and numbers the rows from 1. */
function recordingWriter(): {
  groups: SqlValue[][][];
  write: (rows: readonly SqlValue[][]) => Promise<number[]>;
} {
  const groups: SqlValue[][][] = [];
  let id = 0;
  return {
    groups,
    write: async (rows) => {
      groups.push([...rows]);
      return rows.map(() => ++id);
    },
  };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('group insert that gathers (SQLite)', () => {
  it('writes the rows asked for in one turn of the event loop together, each with its own id', async () => {
    const { groups, write } = recordingWriter();
    const group = new GroupInsert(write, { gather: true });
    const first = [group.add(['a']), group.add(['b']), group.add(['c'])];
    expect(groups).toHaveLength(0);
    expect(await Promise.all(first)).toEqual([1, 2, 3]);
    await nextTurn();
    expect(await group.add(['d'])).toBe(4);
    expect(groups).toEqual([[['a'], ['b'], ['c']], [['d']]]);
  });

  it('answers a row only once its group is written', async () => {
    let release = (): void => {};
    const written = new Promise<void>((resolve) => (release = resolve));
    const group = new GroupInsert(
      async (rows) => {
        await written;
        return rows.map((_, i) => i + 1);
      },
      { gather: true },
    );
    let answered = false;
    const id = group.add(['a']).then((n) => {
      answered = true;
      return n;
    });
    await nextTurn();
    await nextTurn();
    expect(answered).toBe(false);
    release();
    expect(await id).toBe(1);
  });

  it('fails only the row the database refuses, trying the others of its group one by one', async () => {
    const group = new GroupInsert(
      async (rows) => {
        if (rows.some((r) => r[0] === 'bad')) throw new StoreError('constraint', 'refused');
        return rows.map(() => 7);
      },
      { gather: true },
    );
    const outcomes = await Promise.allSettled([
      group.add(['a']),
      group.add(['bad']),
      group.add(['c']),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails the whole group alike when the database is unavailable', async () => {
    const group = new GroupInsert(
      async () => {
        throw new StoreError('unavailable', 'disk full');
      },
      { gather: true },
    );
    const outcomes = await Promise.allSettled([group.add(['a']), group.add(['b'])]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
