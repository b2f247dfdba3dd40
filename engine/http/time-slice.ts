/**
 * Cooperative time slicing for long work on the event loop. A batch evaluates line after line
 * without waiting on I/O when its input is already buffered; without a pause every request
 * that arrives meanwhile waits for the whole batch. A slicer lets such a loop run for a
 * bounded slice, then gives the event loop a full turn (I/O, timers) before it goes on.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Returns `pause()`: await it once per unit of work. It resolves at once while the current
 * slice is shorter than `sliceMs`, else after one turn of the event loop (`setImmediate`,
 * which runs after pending I/O), and starts a new slice. `sliceMs` 0 yields every time.
 */
export function timeSlicer(sliceMs: number): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart < sliceMs) return undefined;
    return nextTurn().then(() => {
      sliceStart = performance.now();
    });
  };
}
