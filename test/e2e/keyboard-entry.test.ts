/**
 * The canvas's keyboard order (issue 18, Accessibility; `canvas/tab-order.ts`): Tab from the
 * toolbar side enters at the entry step, then walks each step and its transitions in pathway
 * order, Shift+Tab the reverse, and past either end Tab leaves the canvas — the same on a
 * small pathway drawn whole and on a large one drawn in part, and from the out-of-view
 * stand-in holding the first or last element. The side list focuses a step on the canvas.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Pathway } from '../../engine/model/types';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { keyboardOrder as expectedOrder } from '../fixtures/keyboard-order';
import { gridLayout, ladderPathway } from '../fixtures/large-pathway';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

/** The id (`data-id`) of the canvas element that has the focus, or null. */
function focusedId(): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement?.closest<HTMLElement>('.react-flow__node, .react-flow__edge');
    return el?.dataset.id ?? null;
  });
}

async function focusReaches(id: string): Promise<void> {
  await expect.poll(focusedId).toBe(id);
}

/** The selector of a canvas element's focusable element. */
const selectorOf = (id: string): string =>
  `.react-flow__node[data-id="${id}"], .react-flow__edge[data-id="${id}"]`;

function drawn(id: string): Promise<boolean> {
  return page.evaluate((s) => document.querySelector(s) !== null, selectorOf(id));
}

/** Marks the element just before the canvas in the page's Tab order, focuses it, and names it. */
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
    for (const el of document.querySelectorAll('[data-before-canvas]'))
      el.removeAttribute('data-before-canvas');
    last.setAttribute('data-before-canvas', '');
    last.focus();
  });
}

/** Whether the focus is on the element {@link focusJustBeforeCanvas} marked. */
function focusIsBeforeCanvas(): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.hasAttribute('data-before-canvas') === true);
}

/** Whether the focus is on one of the canvas's zoom and minimap buttons (after the graph). */
function focusIsOnControls(): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.closest('.react-flow__controls') !== null);
}

/** The focus ring of a focused step (its inner box's outline). */
function ringOf(id: string): Promise<string> {
  return page
    .getByTestId(`rf__node-${id}`)
    .locator('.step-node')
    .evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
}

async function openSmall(): Promise<Pathway> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${service.url}/?pathway=chronic-pain&version=1.3.0`);
  await page.getByTestId('rf__node-intake-assessment').waitFor();
  await page.waitForTimeout(200);
  return parsePathway(
    await readFile(join(service.pathwaysDir, 'chronic-pain', '1.3.0.yaml'), 'utf8'),
  );
}

/** 170 steps in a grid; the entry step `step-0` sits at its top left. */
async function openLarge(edit: (pathway: Pathway) => Pathway = (p) => p): Promise<Pathway> {
  const pathway = edit(ladderPathway(170));
  await mkdir(join(service.pathwaysDir, 'bench'), { recursive: true });
  await writeFile(join(service.pathwaysDir, 'bench', '0.1.0.yaml'), printPathway(pathway));
  await writeFile(join(service.pathwaysDir, 'bench', '0.1.0.layout.json'), gridLayout(pathway));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${service.url}/?pathway=bench&version=0.1.0`);
  await page.waitForFunction(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-step')];
    return nodes.length > 0 && nodes.every((n) => n.style.visibility === 'visible');
  });
  await page.waitForTimeout(300);
  return pathway;
}

/** A point of the canvas with the empty pane under it. */
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

async function panBy(dx: number, dy: number): Promise<void> {
  const { x, y } = await emptyPanePoint();
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}

/** Zooms in with the wheel at the corner of the canvas farthest from the element `id`. */
async function zoomInAwayFrom(id: string): Promise<void> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const box = await page.locator(selectorOf(id)).first().boundingBox();
  const left = box!.x + box!.width / 2 > pane!.x + pane!.width / 2;
  const top = box!.y + box!.height / 2 > pane!.y + pane!.height / 2;
  await page.mouse.move(
    left ? pane!.x + 20 : pane!.x + pane!.width - 20,
    top ? pane!.y + 20 : pane!.y + pane!.height - 20,
  );
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -400);
  await page.waitForTimeout(400);
}

/** The element's box lies within the 1440×900 window. */
async function inView(id: string): Promise<void> {
  const box = await page.locator(selectorOf(id)).first().boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x + box!.width).toBeGreaterThan(0);
  expect(box!.y + box!.height).toBeGreaterThan(0);
  expect(box!.x).toBeLessThan(1440);
  expect(box!.y).toBeLessThan(900);
}

describe('the keyboard order on a small pathway (drawn whole)', () => {
  it('enters at the entry step and walks each step and its transitions in pathway order, Shift+Tab back', async () => {
    const pathway = await openSmall();
    const order = expectedOrder(pathway);
    expect(order[0]).toBe('intake-assessment');
    await focusJustBeforeCanvas();
    await page.keyboard.press('Tab');
    await focusReaches('intake-assessment');
    // A visible focus ring on the entry step, its name unchanged.
    expect(await ringOf('intake-assessment')).toBe('solid 3px');
    await expect(
      page.getByTestId('rf__node-intake-assessment').getAttribute('aria-label'),
    ).resolves.toMatch(/^Första bedömning och smärtanalys, Primärvård, start/);
    const seen: string[] = [];
    for (let i = 0; i < order.length; i++) {
      seen.push((await focusedId()) ?? '');
      if (i < order.length - 1) await page.keyboard.press('Tab');
    }
    expect(seen).toEqual(order);
    // Back along the same order.
    const back: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab');
      back.push((await focusedId()) ?? '');
    }
    expect(back).toEqual(order.slice(-7, -1).reverse());
    expect(errors).toEqual([]);
  });

  it('leaves the canvas past either end: to the zoom buttons after the last, to before it from the entry step', async () => {
    const pathway = await openSmall();
    const order = expectedOrder(pathway);
    const last = order[order.length - 1] ?? '';
    await focusJustBeforeCanvas();
    await page.keyboard.press('Tab');
    await focusReaches('intake-assessment');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focusIsBeforeCanvas).toBe(true);
    // Shift+Tab from after the canvas enters at the last element; Tab from it leaves again.
    await page.locator('.react-flow__controls button').first().focus();
    await page.keyboard.press('Shift+Tab');
    await focusReaches(last);
    await page.keyboard.press('Tab');
    await expect.poll(focusIsOnControls).toBe(true);
    expect(await focusedId()).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('the keyboard order on a large pathway (drawn in part)', () => {
  it('enters at the entry step with Tab from before the canvas, not drawn, and goes on to its transitions', async () => {
    const pathway = await openLarge();
    const order = expectedOrder(pathway);
    expect(order.slice(0, 3)).toEqual(['step-0', 't:step-0:0', 't:step-0:1']);
    // Show the grid's right-hand part: the entry step is not drawn.
    await panBy(-900, 0);
    expect(await drawn('step-0')).toBe(false);
    await focusJustBeforeCanvas();
    await page.keyboard.press('Tab');
    await focusReaches('step-0');
    await inView('step-0');
    expect(await ringOf('step-0')).toBe('solid 3px');
    await page.keyboard.press('Tab');
    await focusReaches('t:step-0:0');
    await page.keyboard.press('Tab');
    await focusReaches('t:step-0:1');
    // Then the next step a patient can meet, and back.
    await page.keyboard.press('Tab');
    await focusReaches(order[3] ?? '');
    await page.keyboard.press('Shift+Tab');
    await focusReaches('t:step-0:1');
    expect(errors).toEqual([]);
  });

  it('leaves the canvas from the stand-in holding the entry step (Shift+Tab), without bringing it back', async () => {
    await openLarge();
    await focusJustBeforeCanvas();
    await page.keyboard.press('Tab');
    await focusReaches('step-0');
    await zoomInAwayFrom('step-0');
    const keeper = page.getByTestId('focus-keeper');
    await keeper.waitFor();
    await expect(keeper.getAttribute('data-held')).resolves.toBe('step-0');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focusIsBeforeCanvas).toBe(true);
    await page.waitForTimeout(300);
    expect(await drawn('step-0')).toBe(false);
    await expect(keeper.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('leaves the canvas from the stand-in holding the last element (Tab), without bringing it back', async () => {
    const pathway = await openLarge();
    const order = expectedOrder(pathway);
    const last = order[order.length - 1] ?? '';
    expect(last).toMatch(/^g:/);
    await page.locator('.react-flow__controls button').first().focus();
    await page.keyboard.press('Shift+Tab');
    await focusReaches(last);
    // Far below the grid (a drag keeps the focus): nothing drawn, the stand-in holds it.
    await panBy(0, -2000);
    const keeper = page.getByTestId('focus-keeper');
    await keeper.waitFor();
    await expect(keeper.getAttribute('data-held')).resolves.toBe(last);
    await page.keyboard.press('Tab');
    await expect.poll(focusIsOnControls).toBe(true);
    await page.waitForTimeout(300);
    expect(await drawn(last)).toBe(false);
    await expect(keeper.count()).resolves.toBe(0);
    // From the stand-in not at an end, Tab still goes on in the order (as before).
    expect(errors).toEqual([]);
  });
});

describe('the side list links to the canvas', () => {
  it("focuses a follow-up's step on the canvas; its fields are behind the button beside it", async () => {
    await openSmall();
    const list = page.getByTestId('side-list');
    await list.getByTestId('side-follow-up-pcm-12-weeks').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('step-panel').waitFor();
    await focusReaches('primary-care-management');
    await expect(
      page
        .getByTestId('rf__node-primary-care-management')
        .locator('.step-node')
        .getAttribute('class'),
    ).resolves.toMatch(/is-selected/);
    // Enter on the focused step keeps its panel; Tab goes on in the keyboard order.
    await page.keyboard.press('Tab');
    await focusReaches('t:primary-care-management:0');
    // The fields: the button beside the line, named in Swedish, opens the follow-up's form in
    // the step's panel (a published version: read only, so nothing there takes the focus).
    const edit = list.getByTestId('side-follow-up-pcm-12-weeks-edit');
    await expect(edit.getAttribute('aria-label')).resolves.toMatch(/^Redigera uppföljningen /);
    await edit.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.getByTestId('follow-up-pcm-12-weeks').evaluate((d) => (d as HTMLDetailsElement).open),
      )
      .toBe(true);
    await expect(
      list.getByTestId('side-follow-up-pcm-12-weeks').getAttribute('aria-current'),
    ).resolves.toBe('true');
    // An alert's "in step" line focuses that step too.
    await list
      .getByTestId('side-alert-specialist-assessment-overdue-step-specialist-pain-assessment')
      .click();
    await focusReaches('specialist-pain-assessment');
    await expect(seriousViolations(page, '[data-testid="side-list"]')).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });

  it('centres and focuses a far step of a large pathway', async () => {
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
    await panBy(-900, 0);
    expect(await drawn(farId)).toBe(false);
    await page.getByTestId('side-follow-up-far-review').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('step-panel').waitFor();
    await focusReaches(farId);
    await inView(farId);
    expect(await ringOf(farId)).toBe('solid 3px');
    expect(errors).toEqual([]);
  });
});

describe('drug names without a Swedish name', () => {
  it('says beside hydrocodone in the Swedish form that the name is the international one', async () => {
    await openSmall();
    await page.getByTestId('tab-tests').click();
    await page.getByTestId('test-panel').waitFor();
    await page.getByTestId('scenario-alert-anxiolytic-28-days').locator('button').click();
    await page.getByTestId('patient-editor').waitFor();
    await page.getByTestId('patient-fact-medications-search').fill('hydroco');
    const note = page.getByTestId('atc-R05DA03-international');
    await expect(note.textContent()).resolves.toMatch(/internationellt namn, inget svenskt namn/);
    // A drug with a cited Swedish name carries no such note.
    await page.getByTestId('patient-fact-medications-search').fill('oxikodon');
    await page.getByTestId('atc-N02AA05').waitFor();
    await expect(page.getByTestId('atc-N02AA05-international').count()).resolves.toBe(0);
    await page.getByTestId('patient-fact-medications-search').fill('hydroco');
    await page.getByTestId('atc-R05DA03').click();
    await expect(
      page
        .locator('[data-testid$="-international"][data-testid^="patient-fact-medications-"]')
        .count(),
    ).resolves.toBe(1);
    expect(await seriousViolations(page, '[data-testid="patient-editor"]')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
