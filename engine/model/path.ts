/** Schema paths as people read them: `steps[3].transitions[0].when.all[1].operator`. */
export type PathSegment = string | number;

/** Formats a path of keys and indexes; an empty path is the document root (''). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
