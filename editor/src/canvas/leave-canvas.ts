/**
 * Tab out of the canvas. The canvas's keyboard order (`tab-order.ts`) is not React Flow's DOM
 * order, so past its last (or before its first) element the browser's own Tab would land on
 * some other step or transition that happens to follow in the DOM. For that one key press
 * every drawn step and transition is taken out of the sequential focus order, so the browser
 * moves the focus to what comes after (before) the graph: the zoom buttons after it, the
 * toolbar or the pathway list before it, from an element or from the out-of-view stand-in.
 */

/** The steps and transitions React Flow drew, as they take focus. */
const ELEMENTS = '.react-flow__node, .react-flow__edge';

/**
 * Call from a Tab keydown handler that does not prevent the default action: the browser then
 * moves the focus out of the canvas `root`, past every step and transition. Their tab stops
 * come back once the key's default action is done.
 */
export function leaveCanvasOnThisTab(root: Element): void {
  const taken: { element: Element; value: string }[] = [];
  for (const element of root.querySelectorAll<HTMLElement | SVGElement>(ELEMENTS)) {
    const value = element.getAttribute('tabindex');
    if (value === null || Number(value) < 0) continue;
    taken.push({ element, value });
    element.setAttribute('tabindex', '-1');
  }
  // The browser moves the focus during the key's default action, before any timer runs.
  window.setTimeout(() => {
    for (const { element, value } of taken)
      if (element.getAttribute('tabindex') === '-1') element.setAttribute('tabindex', value);
  }, 0);
}
