import { useStore } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import type { LabelLayer } from './canvas-view';

/** Below this zoom labels are unreadable and would cover the steps, so they are not drawn. */
const LABEL_MIN_ZOOM = 0.25;

/**
 * Tells the canvas where edge labels go (React Flow's label layer) and whether the zoom is
 * high enough to draw them. Its selectors return a boolean and the canvas's element, so it
 * re-renders only when the zoom crosses the threshold, never on every zoom or drag step.
 */
export function LabelLayerReporter({ onChange }: { onChange(layer: LabelLayer): void }) {
  const shown = useStore((s) => s.transform[2] >= LABEL_MIN_ZOOM);
  const domNode = useStore((s) => s.domNode);
  useLayoutEffect(() => {
    const element = domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null;
    onChange({ shown, element });
  }, [shown, domNode, onChange]);
  return null;
}
