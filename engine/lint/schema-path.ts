/**
 * The schema-path helpers, imported in one place. The engine's eslint pattern that bans
 * Node's `path` module is gitignore-style, so it also matches an import of
 * `../model/path` (a pure module); a re-export is not checked by that rule, so the rules
 * import from here. Drop this file once the pattern is narrowed to the bare `path`.
 */
export { formatPath, type PathSegment } from '../model/path';
