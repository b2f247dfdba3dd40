/**
 * Node sizes React Flow measured. They are view state, not part of the file: kept here so
 * that the nodes the canvas renders (derived from the document) carry them back.
 */
import type { SliceCreator } from './types';

export interface CanvasSlice {
  measured: Record<string, { width: number; height: number }>;
  setMeasured(sizes: Record<string, { width: number; height: number }>): void;
}

export const createCanvasSlice: SliceCreator<CanvasSlice> = (set, get) => ({
  measured: {},
  setMeasured(sizes) {
    const current = get().measured;
    const changed = Object.entries(sizes).some(
      ([id, size]) => current[id]?.width !== size.width || current[id]?.height !== size.height,
    );
    if (changed) set({ measured: { ...current, ...sizes } });
  },
});
