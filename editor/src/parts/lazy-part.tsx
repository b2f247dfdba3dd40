import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useT } from '../store/hooks';

/** A part of the editor that is not on the first screen, in a chunk of its own. */
export interface LazyPart<P extends object> {
  /** Draws the part: at once when its chunk is loaded, else "Loading …" until it is. */
  Component: ComponentType<P>;
  /** Loads the chunk (once), so that the part opens at once when it is first asked for. */
  prefetch(): Promise<void>;
}

/** The loading state a user may see for a moment while a part's chunk arrives (sv/da/en). */
function PartLoading() {
  const t = useT();
  return (
    <p className="muted small" role="status" data-testid="part-loading">
      {t.loading}
    </p>
  );
}

/**
 * A component that is fetched on first use rather than with the editor's entry bundle, which
 * every first render has to download, compile and run (docs/editor.md, speed). `load` is a
 * dynamic `import()`, so Vite puts the module in its own chunk.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let ready: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = (): Promise<ComponentType<P>> =>
    (pending ??= load().then((component) => (ready = component)));
  const Lazy = lazy(() => fetchOnce().then((component) => ({ default: component })));
  function Part(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component while
    // mounted would remount it and lose its state and focus.
    const [Loaded] = useState(() => ready);
    if (Loaded !== null) return <Loaded {...props} />;
    return (
      <Suspense fallback={<PartLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return { Component: Part, prefetch: () => fetchOnce().then(() => undefined) };
}
