import { useStore } from '@xyflow/react';
import { useEffect } from 'react';
import { zoomBandOf } from '../store/canvas';
import { editorStore } from '../store/store';

/**
 * Copies React Flow's zoom into the editor store as a band (semantic zoom). The selector
 * returns the band, so this re-renders only when the zoom crosses a band's edge, and the
 * nodes, which read the band through the canvas's class, never re-render on zoom.
 */
export function ZoomBandReporter() {
  const band = useStore((s) => zoomBandOf(s.transform[2]));
  useEffect(() => {
    editorStore.getState().setZoomBand(band);
  }, [band]);
  return null;
}
