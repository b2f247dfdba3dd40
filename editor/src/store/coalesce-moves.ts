/**
 * Coalesces layout-only changes (a node being dragged) for a store subscriber that does
 * costly work per change, such as writing the unsaved draft: without it every pointer move of
 * a drag serialised the whole document into localStorage. Any other change, and the page
 * being hidden or unloaded, delivers at once.
 */
import type { EditorState } from './types';

/** What `persistDrafts` subscribes to. */
export interface Subscribable {
  subscribe(listener: (state: EditorState, previous: EditorState) => void): () => void;
}

/** The page hooks the coalescing needs (window in the browser, a fake in tests). */
export interface CoalesceHost {
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
  addEventListener(type: 'pagehide', listener: () => void): void;
}

/** Layout moves are delivered at most once per this many milliseconds during a drag. */
export const MOVE_DELAY_MS = 250;

/**
 * A view of `store` whose subscribers hear layout-only changes at most once per
 * `MOVE_DELAY_MS` (with the state before the first and after the last), and every other
 * change at once (after any pending moves, in one call).
 */
export function coalesceMoves(
  store: Subscribable & { getState(): EditorState },
  host: CoalesceHost,
): Subscribable {
  return {
    subscribe(listener) {
      let since: EditorState | null = null;
      let timer: number | null = null;
      const flush = (): void => {
        if (timer !== null) host.clearTimeout(timer);
        timer = null;
        if (since === null) return;
        const previous = since;
        since = null;
        listener(store.getState(), previous);
      };
      host.addEventListener('pagehide', flush);
      return store.subscribe((state, previous) => {
        const moveOnly =
          state.layout !== previous.layout &&
          state.pathway === previous.pathway &&
          state.saved === previous.saved &&
          state.source === previous.source;
        since ??= previous;
        if (!moveOnly) flush();
        else timer ??= host.setTimeout(flush, MOVE_DELAY_MS);
      });
    },
  };
}
