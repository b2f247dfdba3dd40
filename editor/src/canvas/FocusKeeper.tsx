import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { keyboardStrings } from '../i18n/keyboard-strings';
import type { FlowNode, TransitionFlowEdge } from '../model/flow';
import { useEditor } from '../store/store';
import { focusCanvasElement, onFocusGivenUp, pendingFocus } from './focus-element';
import {
  drawnElementOf,
  focusIsLost,
  selectorOf,
  TabWatch,
  type DrawnElement,
} from './keyboard-place';
import { endOfTabOrder, nextInTabOrder, type CanvasElementRef } from './tab-order';
import './focus-keeper.css';

/** A focused element that is not drawn now, and its accessible name when it was. */
interface Held {
  readonly ref: CanvasElementRef;
  readonly label: string;
}

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

/** A press and release closer than this many pixels is a click on the pane, not a drag. */
const CLICK_SLOP = 4;

/**
 * Keeps the keyboard's place on a canvas that draws only what is in view (rendered inside
 * React Flow). Two things go wrong there without it:
 * - Tab from before the canvas (Shift+Tab from after it) would land on the first (last)
 *   element that happens to be drawn; it is sent to the first (last) element of the whole
 *   graph's keyboard order, as on a pathway drawn whole (`tab-order.ts`).
 * - A focused step or transition panned or zoomed out of view is no longer drawn, and the
 *   browser would drop the focus on the page's body. The focus goes instead to a stand-in at
 *   the top of the canvas that names the element and says it is out of view. Tab and
 *   Shift+Tab go on from the element as if it still had the focus; Enter, Space or an arrow
 *   key bring it back into view and focus it; it takes the focus back by itself when it is
 *   drawn again. A drag on the empty pane keeps the focus (a click there still puts it down).
 */
export function FocusKeeper() {
  const flow = useReactFlow<FlowNode, TransitionFlowEdge>();
  const root = useStore((s) => s.domNode);
  const language = useEditor((s) => s.language);
  const [held, setHeld] = useState<Held | null>(null);
  const holder = useRef<HTMLButtonElement>(null);
  // The same as `held`, for the DOM listeners, which outlive a render.
  const heldNow = useRef<Held | null>(null);
  // The drawn element that has the keyboard's place.
  const place = useRef<(DrawnElement & { label: string }) | null>(null);
  // Sends the focus to an element, drawing it first if need be (set by the effect below).
  const sendFocus = useRef<(target: CanvasElementRef) => void>(() => undefined);

  useEffect(() => {
    if (root === null) return;
    const tab = new TabWatch();
    const exists = (ref: CanvasElementRef): boolean =>
      ref.kind === 'node' ? flow.getNode(ref.id) !== undefined : flow.getEdge(ref.id) !== undefined;
    const hold = (next: Held | null): void => {
      heldNow.current = next;
      setHeld(next);
    };
    // Watched only while a canvas element has the place: a pan adds and removes many nodes.
    let watching = false;
    const check = (): void => {
      // The focus is on its way to another element: the one it left may vanish meanwhile.
      if (pendingFocus() !== null) return;
      const now = heldNow.current;
      if (now !== null) {
        // Drawn again (panned back): it takes the focus back from the stand-in.
        const back = root.querySelector<HTMLElement | SVGElement>(selectorOf(now.ref));
        if (back !== null && document.activeElement === holder.current)
          back.focus({ preventScroll: true });
        else if (!exists(now.ref)) hold(null);
        return;
      }
      const at = place.current;
      if (at === null || at.element.isConnected || !focusIsLost()) return;
      if (!exists(at.ref)) {
        // Deleted, not out of view: nothing to hold.
        place.current = null;
        return;
      }
      // Drawn anew (React Flow mounted it again), or not drawn at all: then the stand-in.
      const again = root.querySelector<HTMLElement | SVGElement>(selectorOf(at.ref));
      if (again !== null) again.focus({ preventScroll: true });
      else hold({ ref: at.ref, label: at.label });
    };
    const observer = new MutationObserver(check);
    const watch = (on: boolean): void => {
      if (on === watching) return;
      watching = on;
      if (on) observer.observe(root, { childList: true, subtree: true });
      else observer.disconnect();
    };
    sendFocus.current = (target) => focusCanvasElement(flow, root, target);
    // Given up (never drawn in time): whatever had the focus may have vanished meanwhile.
    const stopHearing = onFocusGivenUp(check);
    const isOurs = (target: EventTarget | null): boolean =>
      drawnElementOf(root, target) !== undefined || (target !== null && target === holder.current);
    const inCanvas = (target: EventTarget | null): boolean =>
      target instanceof Node && root.contains(target);

    const onFocusIn = (event: FocusEvent): void => {
      const drawn = drawnElementOf(root, event.target);
      const press = tab.current;
      // A focus sent to an element (by Tab inside the canvas, or below) is never an entry.
      if (press !== null && pendingFocus() === null && !isOurs(event.relatedTarget)) {
        // Tab came from outside the graph: onto a drawn element, onto the canvas's controls
        // past a view with nothing drawn, or (Shift+Tab) out of the controls past it.
        const enters =
          drawn !== undefined ||
          (!press.backwards && inCanvas(event.target) && !inCanvas(event.relatedTarget)) ||
          (press.backwards && !inCanvas(event.target) && inCanvas(event.relatedTarget));
        const end = enters
          ? endOfTabOrder(flow.getNodes(), flow.getEdges(), press.backwards)
          : undefined;
        if (end !== undefined && (end.kind !== drawn?.ref.kind || end.id !== drawn.ref.id)) {
          sendFocus.current(end);
          if (drawn === undefined) return;
        }
      }
      if (drawn !== undefined) {
        // Already sent on to another element (a focus change inside this one): that one counts.
        if (document.activeElement !== drawn.element) return;
        const label = drawn.element.getAttribute('aria-label') ?? drawn.ref.id;
        place.current = { ...drawn, label };
        if (heldNow.current !== null) hold(null);
        watch(true);
      } else if (event.target !== holder.current) {
        place.current = null;
        if (heldNow.current !== null) hold(null);
        watch(false);
      }
    };
    // Focus put down on purpose (a click on the empty pane) is not lost: forget the place.
    const onFocusOut = (event: FocusEvent): void => {
      if (event.relatedTarget !== null || !isOurs(event.target)) return;
      const left = event.target;
      window.setTimeout(() => {
        if (pendingFocus() !== null || !focusIsLost()) return;
        if (left === holder.current) {
          if (heldNow.current !== null) hold(null);
        } else if (place.current?.element !== left || !(left as Element).isConnected) return;
        place.current = null;
        watch(false);
      }, 0);
    };
    // A drag on the empty pane pans the canvas and keeps the focus where it is (the browser
    // would put it down on the body at the press); a click without a drag still puts it down.
    const onMouseDown = (event: MouseEvent): void => {
      const active = document.activeElement;
      const keeps = active === holder.current || active === place.current?.element;
      if (!keeps || !(event.target instanceof Element)) return;
      if (!event.target.classList.contains('react-flow__pane')) return;
      event.preventDefault();
      const onMouseUp = (up: MouseEvent): void => {
        window.removeEventListener('mouseup', onMouseUp, true);
        const moved = Math.hypot(up.clientX - event.clientX, up.clientY - event.clientY);
        if (moved < CLICK_SLOP && document.activeElement === active) (active as HTMLElement).blur();
      };
      window.addEventListener('mouseup', onMouseUp, true);
    };
    // Tab pressed again before the element Tab is going to has been drawn: go on from that
    // element, not from wherever the browser's focus happens to be meanwhile.
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      const going = pendingFocus();
      const active = document.activeElement;
      if (going === null || (!focusIsLost() && !(active instanceof Node && root.contains(active))))
        return;
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      event.stopPropagation();
      const next = nextInTabOrder(flow.getNodes(), flow.getEdges(), going, event.shiftKey);
      sendFocus.current(next ?? going);
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('keydown', tab.onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    root.addEventListener('mousedown', onMouseDown, true);
    return () => {
      root.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('keydown', tab.onKeyDown, true);
      stopHearing();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      observer.disconnect();
      sendFocus.current = () => undefined;
    };
  }, [root, flow]);

  // The stand-in takes the focus as soon as it is shown.
  useEffect(() => {
    if (held !== null) holder.current?.focus({ preventScroll: true });
  }, [held]);

  if (held === null) return null;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    let target: CanvasElementRef | undefined;
    if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey)
      target =
        nextInTabOrder(flow.getNodes(), flow.getEdges(), held.ref, event.shiftKey) ?? held.ref;
    else if (BRING_BACK.has(event.key)) target = held.ref;
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    sendFocus.current(target);
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
        onClick={() => sendFocus.current(held.ref)}
      >
        {text}
      </button>
    </Panel>
  );
}
