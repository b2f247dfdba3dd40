/**
 * The one compile cache: compiled pathways by content hash, least recently used dropped
 * first. A version whose bytes are the same compiles once, whichever entrance asks.
 */
import { PathwayError } from '../errors';
import { compilePathway, type CompiledPathway } from '../evaluate/compile';
import type { VersionFile } from './versions';

/** Default number of compiled versions kept. */
export const DEFAULT_COMPILE_CACHE_SIZE = 64;

/** Compiled versions by content hash. */
export class CompileCache {
  private readonly byHash = new Map<string, CompiledPathway>();

  constructor(private readonly size = DEFAULT_COMPILE_CACHE_SIZE) {}

  /**
   * The compiled form of a version.
   * @throws PathwayError PATHWAY_NOT_EVALUABLE (with the compiler's issues) for a version that
   * does not compile, such as a broken draft.
   */
  compiled(version: VersionFile): CompiledPathway {
    const hit = this.byHash.get(version.hash);
    if (hit !== undefined) {
      // Least recently used goes first: move the hit to the end.
      this.byHash.delete(version.hash);
      this.byHash.set(version.hash, hit);
      return hit;
    }
    let compiled: CompiledPathway;
    try {
      compiled = compilePathway(version.pathway);
    } catch (error) {
      if (!(error instanceof PathwayError)) throw error;
      throw new PathwayError(
        'PATHWAY_NOT_EVALUABLE',
        `${version.key} cannot be evaluated: ${error.message}`,
        error.issues.map((i) => ({
          code: i.code,
          message: i.message,
          ...(i.path === undefined ? {} : { path: i.path }),
        })),
        version.pathway.id,
      );
    }
    this.byHash.set(version.hash, compiled);
    while (this.byHash.size > this.size) {
      const oldest = this.byHash.keys().next().value;
      if (oldest === undefined) break;
      this.byHash.delete(oldest);
    }
    return compiled;
  }
}
