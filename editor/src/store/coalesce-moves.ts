/**
 * Coalesces layout-only changes (a node being dragged) for a store subscriber that does
 * costly work per change, such as writing the unsaved draft: without it every pointer move of
 * a drag serialised the whole document into localStorage. A drag is delivered once it has
 * rested for {@link MOVE_DELAY_MS}, so no write lands between two of its frames; any other
 * change of the document, and the page being hidden or unloaded, delivers at once. Changes
 * that leave the document, layout, saved state and source as they are (selection, focus,
 * zoom) are not the subscriber's concern and neither deliver nor end a pending drag.
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

/** Layout moves are delivered once no move came for this many milliseconds. */
export const MOVE_DELAY_MS = 250;

/**
 * A view of `store` whose subscribers hear a run of layout-only changes once, `MOVE_DELAY_MS`
 * after the last (with the state before the first and after the last), and every other change
 * of the document at once (after any pending moves, in one call).
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
        const same =
          state.pathway === previous.pathway &&
          state.saved === previous.saved &&
          state.source === previous.source;
        if (same && state.layout === previous.layout) return;
        since ??= previous;
        if (!same) {
          flush();
          return;
        }
        if (timer !== null) host.clearTimeout(timer);
        timer = host.setTimeout(flush, MOVE_DELAY_MS);
      });
    },
  };
}
