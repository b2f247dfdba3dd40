/**
 * Canvas view state that is not part of the file: the node sizes React Flow measured (so the
 * nodes the canvas renders, derived from the document, carry them back) and the zoom band
 * that semantic zoom draws by.
 */
import type { SliceCreator } from './types';

/**
 * How much a step shows at the current zoom: `overview` and `far` the title only (in a larger
 * font, so it stays readable on screen), `near` the level, title and id, `detail` also the
 * description and the number of actions and follow-ups.
 */
export type ZoomBand = 'overview' | 'far' | 'near' | 'detail';

/** The lowest zoom of each band, highest first. */
const BANDS: readonly (readonly [ZoomBand, number])[] = [
  ['detail', 1.4],
  ['near', 0.75],
  ['far', 0.45],
  ['overview', 0],
];

/** The band a zoom factor falls in. */
export function zoomBandOf(zoom: number): ZoomBand {
  return BANDS.find(([, from]) => zoom >= from)?.[0] ?? 'overview';
}

export interface CanvasSlice {
  measured: Record<string, { width: number; height: number }>;
  /** The zoom band; changes only when the zoom crosses a band's edge, not on every step. */
  zoomBand: ZoomBand;
  setMeasured(sizes: Record<string, { width: number; height: number }>): void;
  /** The edge that has keyboard focus, so its label (in another layer) shows the focus too. */
  focusedEdge: string | null;
  setFocusedEdge(id: string | null): void;
  /**
   * Sets the zoom band (the canvas reports it when React Flow's zoom crosses a band's edge)
   * and forgets the sizes measured in the band before.
   */
  setZoomBand(band: ZoomBand): void;
}

export const createCanvasSlice: SliceCreator<CanvasSlice> = (set, get) => ({
  measured: {},
  zoomBand: 'near',
  focusedEdge: null,
  setMeasured(sizes) {
    const current = get().measured;
    const changed = Object.entries(sizes).some(
      ([id, size]) => current[id]?.width !== size.width || current[id]?.height !== size.height,
    );
    if (changed) set({ measured: { ...current, ...sizes } });
  },
  setFocusedEdge(focusedEdge) {
    if (focusedEdge !== get().focusedEdge) set({ focusedEdge });
  },
  setZoomBand(zoomBand) {
    // A step's size depends on the band: sizes measured in another band are dropped, so a
    // node not drawn since is placed by its estimate for this band (canvas/node-size.ts).
    if (zoomBand !== get().zoomBand) set({ zoomBand, measured: {} });
  },
});
