/** Writing CSV: one record per line, a field quoted when it holds a comma, quote or line break. */

/** One field, quoted when needed (quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record and its line end. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
