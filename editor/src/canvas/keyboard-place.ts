/**
 * Where the keyboard is on the canvas, read from the DOM: which node or edge an element is,
 * and how focus arrived. React Flow draws only what is in view on a large pathway, so the
 * DOM alone cannot say where Tab should go; these helpers let `FocusKeeper` correct it.
 */
import type { CanvasElementRef } from './tab-order';

/** A canvas node or edge as drawn: its id and the element that takes focus. */
export interface DrawnElement {
  readonly ref: CanvasElementRef;
  readonly element: HTMLElement | SVGElement;
}

/**
 * The node or edge of the canvas `root` that `target` is (the focusable element itself, not
 * something inside it), or undefined.
 */
export function drawnElementOf(
  root: Element,
  target: EventTarget | null,
): DrawnElement | undefined {
  if (!(target instanceof HTMLElement || target instanceof SVGElement)) return undefined;
  if (!root.contains(target)) return undefined;
  const isNode = target.classList.contains('react-flow__node');
  if (!isNode && !target.classList.contains('react-flow__edge')) return undefined;
  const id = target.dataset.id;
  if (id === undefined) return undefined;
  return { ref: { kind: isNode ? 'node' : 'edge', id }, element: target };
}

/** The selector of a canvas element's focusable DOM element. */
export function selectorOf(ref: CanvasElementRef): string {
  return `.react-flow__${ref.kind}[data-id="${CSS.escape(ref.id)}"]`;
}

/** Whether nothing in particular has the focus (the browser put it on the body). */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

/**
 * Tab and Shift+Tab pressed just now, anywhere on the page. The browser moves the focus
 * during the key's default action, before any timer runs, so a focus change seen while this
 * is set was made by that key.
 */
export class TabWatch {
  private pressed: { backwards: boolean } | null = null;

  /** Notes a key press (listen on the document, capture phase). */
  readonly onKeyDown = (
    event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>,
  ): void => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const pressed = { backwards: event.shiftKey };
    this.pressed = pressed;
    setTimeout(() => {
      if (this.pressed === pressed) this.pressed = null;
    }, 0);
  };

  /** The Tab press that is moving the focus now, if any. */
  get current(): { backwards: boolean } | null {
    return this.pressed;
  }
}
