import { describe, expect, it } from 'vitest';
import { placeholderList, toPostgresPlaceholders } from '../../engine/store/placeholders';

describe('placeholders for PostgreSQL', () => {
  it('numbers each ? in order', () => {
    expect(toPostgresPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe(
      'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)',
    );
  });

  it('leaves a ? alone inside quoted text, quoted names and comments', () => {
    expect(
      toPostgresPlaceholders(
        `SELECT 'why?', 'it''s?', "odd?name" FROM t -- really?\nWHERE a = ? /* b = ? */ AND c = ?`,
      ),
    ).toBe(
      `SELECT 'why?', 'it''s?', "odd?name" FROM t -- really?\nWHERE a = $1 /* b = ? */ AND c = $2`,
    );
  });

  it('lists placeholders for IN lists', () => {
    expect(placeholderList(3)).toBe('?, ?, ?');
    expect(placeholderList(0)).toBe('');
  });
});
