/**
 * Keeps the keyboard's place on a canvas that draws only what is in view: the DOM listeners
 * behind `FocusKeeper` (which renders the stand-in). See `FocusKeeper` for what it does and
 * docs/editor.md ("The keyboard's place on a large pathway") for why.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowNode, TransitionFlowEdge } from '../model/flow';
import {
  focusCanvasElement,
  onFocusGivenUp,
  pendingFocus,
  serveCanvasFocus,
} from './focus-element';
import {
  drawnElementOf,
  focusIsLost,
  selectorOf,
  TabWatch,
  type DrawnElement,
} from './keyboard-place';
import { endOfTabOrder, nextInTabOrder, type CanvasElementRef } from './tab-order';
import { tabGraphOf } from './tab-graph';

/** A focused element that is not drawn now, and its accessible name when it was. */
export interface Held {
  readonly ref: CanvasElementRef;
  readonly label: string;
}

/** The stand-in that holds the focus for an element out of view, as the component shows it. */
export interface StandIn {
  /** The stand-in's element, or null while it is not shown. */
  element(): HTMLElement | null;
  /** Shows the stand-in for `held` (it takes the focus once shown), or hides it (null). */
  show(held: Held | null): void;
}

/** A running keeper of the keyboard's place. */
export interface PlaceKeeper {
  /** Sends the focus to a canvas element, bringing it into view first if need be. */
  send(target: CanvasElementRef): void;
  /** Removes every listener. */
  stop(): void;
}

/** A press and release closer than this many pixels is a click on the pane, not a drag. */
const CLICK_SLOP = 4;

/** Starts keeping the keyboard's place on the React Flow canvas `root`. */
export function keepKeyboardPlace(
  root: HTMLElement,
  flow: ReactFlowInstance<FlowNode, TransitionFlowEdge>,
  standIn: StandIn,
): PlaceKeeper {
  // The drawn element that has the keyboard's place.
  let place: (DrawnElement & { label: string }) | null = null;
  const tab = new TabWatch();
  const exists = (ref: CanvasElementRef): boolean =>
    ref.kind === 'node' ? flow.getNode(ref.id) !== undefined : flow.getEdge(ref.id) !== undefined;
  let heldNow: Held | null = null;
  const hold = (next: Held | null): void => {
    heldNow = next;
    standIn.show(next);
  };
  // Watched only while a canvas element has the place: a pan adds and removes many nodes.
  let watching = false;
  const check = (): void => {
    // The focus is on its way to another element: the one it left may vanish meanwhile.
    if (pendingFocus() !== null) return;
    const now = heldNow;
    if (now !== null) {
      // Drawn again (panned back): it takes the focus back from the stand-in.
      const back = root.querySelector<HTMLElement | SVGElement>(selectorOf(now.ref));
      if (back !== null && document.activeElement === standIn.element())
        back.focus({ preventScroll: true });
      else if (!exists(now.ref)) hold(null);
      return;
    }
    const at = place;
    if (at === null || at.element.isConnected || !focusIsLost()) return;
    if (!exists(at.ref)) {
      // Deleted, not out of view: nothing to hold.
      place = null;
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
  const send = (target: CanvasElementRef): void => focusCanvasElement(flow, root, target);
  // Given up (never drawn in time): whatever had the focus may have vanished meanwhile.
  const stopHearing = onFocusGivenUp(check);
  // The side list sends the focus to a step the same way.
  const stopServing = serveCanvasFocus(send);
  const isOurs = (target: EventTarget | null): boolean =>
    drawnElementOf(root, target) !== undefined || (target !== null && target === standIn.element());
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
      const end = enters ? endOfTabOrder(tabGraphOf(flow), press.backwards) : undefined;
      if (end !== undefined && (end.kind !== drawn?.ref.kind || end.id !== drawn.ref.id)) {
        send(end);
        if (drawn === undefined) return;
      }
    }
    if (drawn !== undefined) {
      // Already sent on to another element (a focus change inside this one): that one counts.
      if (document.activeElement !== drawn.element) return;
      const label = drawn.element.getAttribute('aria-label') ?? drawn.ref.id;
      place = { ...drawn, label };
      if (heldNow !== null) hold(null);
      watch(true);
    } else if (event.target !== standIn.element()) {
      place = null;
      if (heldNow !== null) hold(null);
      watch(false);
    }
  };
  // Focus put down on purpose (a click on the empty pane) is not lost: forget the place.
  const onFocusOut = (event: FocusEvent): void => {
    if (event.relatedTarget !== null || !isOurs(event.target)) return;
    const left = event.target;
    window.setTimeout(() => {
      if (pendingFocus() !== null || !focusIsLost()) return;
      if (left === standIn.element()) {
        if (heldNow !== null) hold(null);
      } else if (place?.element !== left || !(left as Element).isConnected) return;
      place = null;
      watch(false);
    }, 0);
  };
  // A drag on the empty pane pans the canvas and keeps the focus where it is (the browser
  // would put it down on the body at the press); a click without a drag still puts it down.
  const onMouseDown = (event: MouseEvent): void => {
    const active = document.activeElement;
    const keeps = active === standIn.element() || active === place?.element;
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
    const next = nextInTabOrder(tabGraphOf(flow), going, event.shiftKey);
    send(next ?? going);
  };
  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('keydown', tab.onKeyDown, true);
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', onFocusOut);
  root.addEventListener('mousedown', onMouseDown, true);
  return {
    send,
    stop: () => {
      root.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('keydown', tab.onKeyDown, true);
      stopHearing();
      stopServing();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      observer.disconnect();
    },
  };
}
