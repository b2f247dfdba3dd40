/**
 * A limit on how deeply arrays and objects may nest in input (a request body, a batch or
 * cohort line). Nothing the engine reads needs more than a few levels, while ten thousand
 * levels overflow the stack of every recursive reader downstream (schemas, the audit log's
 * serialiser), so the depth is checked first, before any other work, without recursion.
 */
import { PathwayError } from '../errors';
import { formatPath, type PathSegment } from './path';

/** The deepest nesting accepted: the outermost object or array is level 1. */
export const MAX_NESTING = 64;

/** A link in the chain from the root to a container, kept only to name a path on failure. */
interface Link {
  segment: PathSegment;
  parent: Link | undefined;
}

interface Frame {
  value: unknown;
  depth: number;
  link: Link | undefined;
}

/** True for what JSON.parse makes of `[…]` and `{…}` (a stream or a Buffer is left alone). */
function isJsonContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The path from the root to `link`, cut after its last named field (`facts.x`, not `facts.x[0][0]…`). */
function namedPath(link: Link | undefined): PathSegment[] {
  const segments: PathSegment[] = [];
  for (let at = link; at !== undefined; at = at.parent) segments.push(at.segment);
  segments.reverse();
  let end = segments.length;
  while (end > 0 && typeof segments[end - 1] === 'number') end--;
  return segments.slice(0, end);
}

/**
 * The path of the field where `value` nests deeper than `max` levels, or undefined when it
 * does not. The path ends at the last named field above the limit, so nesting made of lists
 * (`{"facts":{"x":[[[…]]]}}`) is named by its field, `facts.x`. Costs one visit per value.
 */
export function tooDeep(value: unknown, max: number = MAX_NESTING): string | undefined {
  const stack: Frame[] = [{ value, depth: 1, link: undefined }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (!isJsonContainer(frame.value)) continue;
    if (frame.depth > max) return formatPath(namedPath(frame.link));
    const { depth, link } = frame;
    if (Array.isArray(frame.value)) {
      frame.value.forEach((item: unknown, index) => {
        if (isJsonContainer(item))
          stack.push({ value: item, depth: depth + 1, link: { segment: index, parent: link } });
      });
    } else {
      for (const [key, item] of Object.entries(frame.value)) {
        if (isJsonContainer(item))
          stack.push({ value: item, depth: depth + 1, link: { segment: key, parent: link } });
      }
    }
  }
  return undefined;
}

/**
 * Throws when `value` nests deeper than {@link MAX_NESTING}.
 * @param what how the message names the value: `the body`, `line 3`.
 * @param line the line number, for a line of a patients file.
 * @throws PathwayError INVALID_INPUT whose issue names the field where the nesting starts.
 */
export function checkNesting(value: unknown, what: string, line?: number): void {
  const path = tooDeep(value);
  if (path === undefined) return;
  const where = path === '' ? '' : ` at ${path}`;
  const message = `${what} nests arrays and objects deeper than ${MAX_NESTING} levels${where}`;
  throw new PathwayError('INVALID_INPUT', message, [
    { code: 'INVALID_INPUT', message, path, ...(line === undefined ? {} : { line }) },
  ]);
}
