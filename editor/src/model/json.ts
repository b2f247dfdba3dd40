/** Reading JSON the user typed or loaded, without ever throwing into the UI. */

/** The parsed value, or the parser's own message. */
export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses `text` as JSON; a syntax error becomes `{ ok: false, message }`. */
export function readJson(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
