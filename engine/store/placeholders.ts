/**
 * One placeholder style for both dialects: statements are written with `?`, which SQLite
 * takes as it is; PostgreSQL wants `$1`, `$2`, …. The conversion skips quoted text, quoted
 * names and comments, so a `?` inside them is left alone. Converted statements are cached.
 */

const converted = new Map<string, string>();
const CACHE_LIMIT = 1000;

/** `sql` with each `?` placeholder numbered as PostgreSQL wants it (`$1`, `$2`, …). */
export function toPostgresPlaceholders(sql: string): string {
  const cached = converted.get(sql);
  if (cached !== undefined) return cached;
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    let end = i + 1;
    if (c === "'" || c === '"') {
      // A quote inside is doubled ('it''s'), which this loop reads as two adjacent literals.
      end = sql.indexOf(c, i + 1) + 1 || sql.length;
    } else if (c === '-' && next === '-') {
      end = sql.indexOf('\n', i) + 1 || sql.length;
    } else if (c === '/' && next === '*') {
      end = sql.indexOf('*/', i + 2) + 2 || sql.length;
      if (end === 1) end = sql.length;
    } else if (c === '?') {
      out += `$${++n}`;
      i += 1;
      continue;
    }
    out += sql.slice(i, end);
    i = end;
  }
  if (converted.size >= CACHE_LIMIT) converted.clear();
  converted.set(sql, out);
  return out;
}

/** `count` placeholders separated by commas, for `IN (…)` lists: `?, ?, ?`. */
export function placeholderList(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
