import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { keyboardStrings } from '../i18n/keyboard-strings';
import type { FlowNode, TransitionFlowEdge } from '../model/flow';
import { useEditor } from '../store/store';
import { keepKeyboardPlace, type Held, type PlaceKeeper } from './keep-place';
import { leaveCanvasOnThisTab } from './leave-canvas';
import { nextInTabOrder, type CanvasElementRef } from './tab-order';
import { tabGraphOf } from './tab-graph';
import './focus-keeper.css';

/** Keys on the stand-in that bring the held element back into view and focus it. */
const BRING_BACK = new Set([
  'Enter',
  ' ',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
]);

/**
 * Keeps the keyboard's place on a canvas that draws only what is in view (rendered inside
 * React Flow). Two things go wrong there without it:
 * - Tab from before the canvas (Shift+Tab from after it) would land on the first (last)
 *   element that happens to be drawn or comes first in the DOM; it is sent to the first
 *   (last) element of the whole graph's keyboard order, the entry step (`tab-order.ts`).
 * - A focused step or transition panned or zoomed out of view is no longer drawn, and the
 *   browser would drop the focus on the page's body. The focus goes instead to a stand-in at
 *   the top of the canvas that names the element and says it is out of view. Tab and
 *   Shift+Tab go on from the element as if it still had the focus (past the last or first
 *   element they leave the canvas, as from the element itself); Enter, Space or an arrow
 *   key bring it back into view and focus it; it takes the focus back by itself when it is
 *   drawn again. A drag on the empty pane keeps the focus (a click there still puts it down).
 */
export function FocusKeeper() {
  const flow = useReactFlow<FlowNode, TransitionFlowEdge>();
  const root = useStore((s) => s.domNode);
  const language = useEditor((s) => s.language);
  const [held, setHeld] = useState<Held | null>(null);
  const holder = useRef<HTMLButtonElement>(null);
  const keeper = useRef<PlaceKeeper | null>(null);

  useEffect(() => {
    if (root === null) return;
    const running = keepKeyboardPlace(root, flow, {
      element: () => holder.current,
      show: setHeld,
    });
    keeper.current = running;
    return () => {
      running.stop();
      keeper.current = null;
    };
  }, [root, flow]);

  // The stand-in takes the focus as soon as it is shown.
  useEffect(() => {
    if (held !== null) holder.current?.focus({ preventScroll: true });
  }, [held]);

  if (held === null) return null;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    let target: CanvasElementRef | undefined;
    if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      target = nextInTabOrder(tabGraphOf(flow), held.ref, event.shiftKey);
      // The held element is the last (first) one: Tab leaves the canvas as it would from
      // the element, without bringing it back first.
      if (target === undefined && root !== null) leaveCanvasOnThisTab(root);
    } else if (BRING_BACK.has(event.key)) target = held.ref;
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    keeper.current?.send(target);
  };
  const text = keyboardStrings(language).outOfView(held.label);
  return (
    <Panel position="top-center">
      <button
        ref={holder}
        type="button"
        tabIndex={-1}
        className="focus-keeper"
        data-testid="focus-keeper"
        data-held={held.ref.id}
        onKeyDown={onKeyDown}
        onClick={() => keeper.current?.send(held.ref)}
      >
        {text}
      </button>
    </Panel>
  );
}
