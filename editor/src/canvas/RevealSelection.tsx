import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { GLOBAL_NODE_ID } from '../model/ids';
import { editorStore, useEditor } from '../store/store';

/** Centres the canvas on the selected step or transition when a problem asks for it. */
export function RevealSelection() {
  const reveal = useEditor((s) => s.reveal);
  const flow = useReactFlow();
  useEffect(() => {
    if (reveal === 0) return;
    const selection = editorStore.getState().selection;
    let id: string | undefined;
    if (selection?.kind === 'step' || selection?.kind === 'transition') id = selection.stepId;
    else if (selection?.kind === 'global') id = GLOBAL_NODE_ID;
    const node = id === undefined ? undefined : flow.getInternalNode(id);
    if (node === undefined) return;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    void flow.setCenter(
      node.internals.positionAbsolute.x + width / 2,
      node.internals.positionAbsolute.y + height / 2,
      { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 },
    );
  }, [reveal, flow]);
  return null;
}
