/**
 * The keyboard's place on a large pathway (issue 18, Accessibility), where the canvas draws
 * only what is in view: Tab from before the canvas (Shift+Tab from after it) lands on the
 * first (last) element of the whole graph's keyboard order (the entry step; the last global
 * transition), drawn or not, as on a pathway
 * drawn whole; a focused step panned or zoomed out of view keeps the focus on a stand-in that
 * names it, and comes back with Enter; search and the side list bring a far step into view;
 * Delete asks; axe finds nothing serious.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Pathway } from '../../engine/model/types';
import { printPathway } from '../../engine/yaml/print';
import { keyboardOrder } from '../fixtures/keyboard-order';
import { gridLayout, ladderPathway } from '../fixtures/large-pathway';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

/**
 * 170 steps: the last one, `done`, sits in the middle of the grid's last row, so the global
 * transitions to it (the first elements of the keyboard order) are not drawn when the view
 * shows the grid's right-hand part.
 */
const STEPS = 170;

/** The id (`data-id`) of the canvas element that has the focus, or null. */
function focusedId(): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement?.closest<HTMLElement>('.react-flow__node, .react-flow__edge');
    return el?.dataset.id ?? null;
  });
}

/** Waits until the canvas element `id` has the focus. */
async function focusReaches(id: string): Promise<void> {
  await expect.poll(focusedId).toBe(id);
}

/** Whether React Flow has drawn the node or edge `id` now. */
function drawn(id: string): Promise<boolean> {
  return page.evaluate(
    (id) =>
      document.querySelector(
        `.react-flow__node[data-id="${CSS.escape(id)}"], .react-flow__edge[data-id="${CSS.escape(id)}"]`,
      ) !== null,
    id,
  );
}

/** The ids of the step nodes drawn now. */
function drawnSteps(): Promise<string[]> {
  return page
    .locator('.react-flow__node-step')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id ?? ''));
}

async function openLarge(edit: (pathway: Pathway) => Pathway = (p) => p): Promise<Pathway> {
  const pathway = edit(ladderPathway(STEPS));
  await mkdir(join(service.pathwaysDir, 'bench'), { recursive: true });
  await writeFile(join(service.pathwaysDir, 'bench', '0.1.0.yaml'), printPathway(pathway));
  await writeFile(join(service.pathwaysDir, 'bench', '0.1.0.layout.json'), gridLayout(pathway));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${service.url}/?pathway=bench&version=0.1.0`);
  // Drawn and measured, and no longer the first render of every node.
  await page.waitForFunction(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-step')];
    return nodes.length > 0 && nodes.every((n) => n.style.visibility === 'visible');
  });
  await page.waitForTimeout(300);
  return pathway;
}

/** A point of the canvas where the empty pane (no step, no transition) is under the mouse. */
async function emptyPanePoint(): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const box = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (box === undefined) return null;
    for (let y = box.top + 40; y < box.bottom - 40; y += 17)
      for (let x = box.left + 40; x < box.right - 40; x += 23)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') === true)
          return { x, y };
    return null;
  });
  if (point === null) throw new Error('no empty spot on the canvas');
  return point;
}

/** Pans the canvas by dragging the empty pane by (dx, dy) screen pixels. */
async function panBy(dx: number, dy: number): Promise<void> {
  const { x, y } = await emptyPanePoint();
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}

/** The focusable element just before the canvas in the page's Tab order, focused. */
async function focusJustBeforeCanvas(): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="canvas"]');
    if (canvas === null) throw new Error('no canvas');
    const before = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]',
      ),
    ].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !el.hasAttribute('disabled') &&
        el.getClientRects().length > 0 &&
        (canvas.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0,
    );
    const last = before[before.length - 1];
    if (last === undefined) throw new Error('nothing focusable before the canvas');
    last.focus();
  });
}

/**
 * Gives a drawn step the keyboard focus (focus-visible): one whose element before it in the
 * keyboard order is drawn too, so Shift+Tab and Tab go there and back without moving the view.
 * Returns its id.
 */
async function focusDrawnStep(pathway: Pathway): Promise<string> {
  const order = keyboardOrder(pathway);
  const steps = new Set(pathway.steps.map((s) => s.id));
  const now = new Set(
    await page
      .locator('.react-flow__node, .react-flow__edge')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id ?? '')),
  );
  const at = order.findIndex(
    (id, i) => i > 0 && steps.has(id) && now.has(id) && now.has(order[i - 1] ?? ''),
  );
  const id = order[at] ?? '';
  await page.getByTestId(`rf__node-${id}`).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await focusReaches(id);
  return id;
}

/** Zooms in with the mouse wheel at the side of the canvas away from the step `id`. */
async function zoomInAwayFrom(id: string): Promise<{ x: number; y: number }> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const node = await page.getByTestId(`rf__node-${id}`).boundingBox();
  const left = node!.x + node!.width / 2 > pane!.x + pane!.width / 2;
  const at = { x: left ? pane!.x + 30 : pane!.x + pane!.width - 30, y: pane!.y + 30 };
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
  await page.waitForTimeout(400);
  return at;
}

/** The element's box lies within the 1440×900 window. */
async function inView(selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
  expect(box!.y + box!.height).toBeLessThanOrEqual(900);
}

describe('entering a large canvas by keyboard', () => {
  it('lands on the first element of the keyboard order with Tab from before the canvas, drawn or not', async () => {
    await openLarge();
    // Show the grid's right-hand part: the entry step (first in the order) is not drawn.
    await panBy(-700, 0);
    expect(await drawn('step-0')).toBe(false);
    expect((await drawnSteps()).length).toBeGreaterThan(0);
    await focusJustBeforeCanvas();
    await page.keyboard.press('Tab');
    await focusReaches('step-0');
    await inView('[data-testid="rf__node-step-0"]');
    // The next Tab goes on in the keyboard order: the entry step's first transition.
    await page.keyboard.press('Tab');
    await focusReaches('t:step-0:0');
    expect(errors).toEqual([]);
  });

  it('lands on the last element with Shift+Tab from after the canvas, past its controls', async () => {
    const pathway = await openLarge();
    // The last element: the last global transition (the "any step" node's come last).
    const count = pathway.globalTransitions.length;
    expect(count).toBeGreaterThan(1);
    const last = `g:${count - 1}`;
    // Far below the grid: nothing drawn.
    await panBy(0, -2000);
    expect(await drawn(last)).toBe(false);
    await page.getByTestId('tab-problems').focus();
    // The canvas's controls come after its elements, as on a small pathway.
    for (let i = 0; i < 8 && (await focusedId()) === null; i++) {
      await page.keyboard.press('Shift+Tab');
      await page.waitForTimeout(50);
    }
    await focusReaches(last);
    await page.keyboard.press('Shift+Tab');
    await focusReaches(`g:${count - 2}`);
    expect(errors).toEqual([]);
  });

  it('enters at the first element when nothing is drawn in the view', async () => {
    await openLarge();
    // Far below the grid: no step or transition drawn.
    await panBy(0, -2000);
    expect(await drawnSteps()).toEqual([]);
    await focusJustBeforeCanvas();
    await page.keyboard.press('Tab');
    await focusReaches('step-0');
    expect(errors).toEqual([]);
  });
});

describe('a focused element out of view', () => {
  it('keeps the focus on a stand-in naming the step, and Enter brings the step back focused', async () => {
    const pathway = await openLarge();
    const first = await focusDrawnStep(pathway);
    // Zoom in far from the step (the mouse wheel leaves the focus where it is).
    await zoomInAwayFrom(first);
    expect(await drawn(first)).toBe(false);
    // Not the body: a stand-in that says which step has the focus, in Swedish.
    const keeper = page.getByTestId('focus-keeper');
    await keeper.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('focus-keeper');
    await expect(keeper.getAttribute('data-held')).resolves.toBe(first);
    await expect(keeper.textContent()).resolves.toMatch(/^Fokus: Steg \d+.*utanför bilden/);
    expect(await seriousViolations(page)).toEqual([]);
    // Escape (close the panel) leaves the focus on the stand-in.
    await page.keyboard.press('Escape');
    await expect(keeper.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Enter brings it back into view, focused with its ring; the stand-in goes.
    await page.keyboard.press('Enter');
    await focusReaches(first);
    await inView(`[data-testid="rf__node-${first}"]`);
    const ring = await page
      .getByTestId(`rf__node-${first}`)
      .locator('.step-node')
      .evaluate(
        (el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth,
      );
    expect(ring).toBe('solid 3px');
    await expect(keeper.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('goes on with Tab from where the focus was, and takes the focus back when panned back', async () => {
    const pathway = await openLarge();
    const order = keyboardOrder(pathway);
    const first = await focusDrawnStep(pathway);
    // After the step and its two transitions, the next step a patient can meet.
    const next = order[order.indexOf(first) + 3] ?? '';
    await zoomInAwayFrom(first);
    await page.getByTestId('focus-keeper').waitFor();
    // Tab: the element after the one that had the focus (its first transition), brought into
    // view; two more, past its second transition, the next step.
    await page.keyboard.press('Tab');
    await focusReaches(`t:${first}:0`);
    await page.keyboard.press('Tab');
    await focusReaches(`t:${first}:1`);
    await page.keyboard.press('Tab');
    await focusReaches(next);
    await inView(`[data-testid="rf__node-${next}"]`);

    // Out of view again by dragging the canvas, then dragged back: the step takes the focus back.
    const pane = await page.locator('.react-flow__pane').boundingBox();
    const box = await page.getByTestId(`rf__node-${next}`).boundingBox();
    const dx = box!.x + box!.width / 2 < pane!.x + pane!.width / 2 ? -900 : 900;
    await panBy(dx, 0);
    await page.getByTestId('focus-keeper').waitFor();
    await expect(page.getByTestId('focus-keeper').getAttribute('data-held')).resolves.toBe(next);
    await panBy(-dx, 0);
    await focusReaches(next);
    await expect(page.getByTestId('focus-keeper').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps the focus on a step while the canvas is dragged, and a click on the pane puts it down', async () => {
    const pathway = await openLarge();
    const first = await focusDrawnStep(pathway);
    // A short drag that leaves the step in view: it keeps the focus.
    await panBy(-40, 0);
    await focusReaches(first);
    // A click on the empty pane puts the focus down, as on a small pathway.
    const { x, y } = await emptyPanePoint();
    await page.mouse.click(x, y);
    await expect.poll(focusedId).toBeNull();
    await expect(page.getByTestId('focus-keeper').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('reaching a far step on a large pathway', () => {
  it('opens a far step from search (Ctrl+K) in view and focused; Enter opens it; Delete asks', async () => {
    const pathway = await openLarge();
    const drawnNow = new Set(await drawnSteps());
    const far = pathway.steps.find((s) => !drawnNow.has(s.id) && s.id !== 'done');
    expect(far).toBeDefined();
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-dialog').waitFor();
    await page.keyboard.type(far!.id);
    await expect
      .poll(() => page.getByTestId('search-results').getByRole('option').count())
      .toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.getByTestId('step-panel').waitFor();
    await focusReaches(far!.id);
    await inView(`[data-testid="rf__node-${far!.id}"]`);
    await page.keyboard.press('Escape');
    await page.getByTestId('pathway-panel').waitFor();
    await focusReaches(far!.id);
    await page.keyboard.press('Enter');
    await page.getByTestId('step-panel').waitFor();
    await expect(page.getByTestId('side-panel').textContent()).resolves.toContain(
      far!.title.sv ?? '',
    );
    // Delete asks (other steps point to it), as on a small pathway.
    await page.getByTestId(`rf__node-${far!.id}`).focus();
    await page.keyboard.press('Delete');
    await page.getByTestId('delete-step-effects').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('brings a far step into view from the side list', async () => {
    // Top left of the grid: not drawn in the opening view.
    const farId = 'step-2';
    await openLarge((p) => ({
      ...p,
      steps: p.steps.map((s) =>
        s.id === farId
          ? {
              ...s,
              followUps: [
                {
                  id: 'far-review',
                  title: { sv: 'Uppföljning långt bort', da: 'Opfølgning langt væk', en: 'Far' },
                  measures: ['nrs'],
                  at: { weeks: 6 },
                  windowDays: 14,
                },
              ],
            }
          : s,
      ),
    }));
    expect(await drawn(farId)).toBe(false);
    await page.getByTestId('side-follow-up-far-review').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('step-panel').waitFor();
    await expect.poll(() => drawn(farId)).toBe(true);
    await inView(`[data-testid="rf__node-${farId}"]`);
    // The focus goes to the step on the canvas (keyboard-entry.test.ts), not to a field.
    await focusReaches(farId);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
