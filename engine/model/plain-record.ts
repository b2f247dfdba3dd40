/**
 * True for a plain object as `JSON.parse` makes it (prototype `Object.prototype` or null), not
 * an array, a class instance or a boxed value. The one test the fast accept-or-decline checks
 * (the loader, the input's shape, the HTTP body) share: anything else they decline.
 */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
