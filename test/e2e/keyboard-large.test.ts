/**
 * From 100 steps on the canvas draws only what is in view (issue 18, "1 000 steps usable");
 * every step and transition must still be reached by keyboard: Tab follows the whole graph's
 * order, brings a step that is not drawn into view, focuses it with a visible ring, and Enter
 * opens it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { printPathway } from '../../engine/yaml/print';
import { keyboardOrder } from '../fixtures/keyboard-order';
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

/** The ids of the step nodes drawn now. */
function drawnSteps(): Promise<string[]> {
  return page
    .locator('.react-flow__node-step')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id ?? ''));
}

/** Opens a ladder of `count` steps; returns its step ids and its keyboard order. */
async function openLarge(count: number): Promise<string[] & { order: string[] }> {
  const pathway = ladderPathway(count);
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
  return Object.assign(
    pathway.steps.map((s) => s.id),
    { order: keyboardOrder(pathway) },
  );
}

describe('a large pathway by keyboard', () => {
  it('draws only the steps in view', async () => {
    const steps = await openLarge(400);
    const drawn = await drawnSteps();
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(steps.length);
    expect(errors).toEqual([]);
  });

  it('reaches a step that is not drawn with Tab, shows it focused and opens it with Enter', async () => {
    const steps = await openLarge(400);
    const drawn = new Set(await drawnSteps());
    const { order } = steps;
    // A drawn step whose two transitions come next in the keyboard order and then a step that
    // is not drawn.
    const at = order.findIndex(
      (id, i) =>
        drawn.has(id) &&
        order[i + 1] === `t:${id}:0` &&
        order[i + 2] === `t:${id}:1` &&
        steps.includes(order[i + 3] ?? '') &&
        !drawn.has(order[i + 3] ?? ''),
    );
    expect(at).toBeGreaterThanOrEqual(0);
    const from = order[at] ?? '';
    const far = order[at + 3] ?? '';
    await page.getByTestId(`rf__node-${from}`).focus();
    // Shift+Tab then Tab: a keyboard focus (focus-visible), back on `from`.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(focusedId()).resolves.toBe(from);
    await page.keyboard.press('Tab');
    await expect.poll(focusedId).toBe(`t:${from}:0`);
    await page.keyboard.press('Tab');
    await expect.poll(focusedId).toBe(`t:${from}:1`);
    await page.keyboard.press('Tab');
    await page.waitForFunction((id) => {
      const el = document.activeElement?.closest<HTMLElement>('.react-flow__node');
      return el?.dataset.id === id;
    }, far);
    const node = page.getByTestId(`rf__node-${far}`);
    // In view, ringed and named in the interface language.
    const box = await node.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    const ring = await node
      .locator('.step-node')
      .evaluate(
        (el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth,
      );
    expect(ring).toBe('solid 3px');
    await expect(node.getAttribute('aria-label')).resolves.toMatch(/^Steg \d+/);
    await page.keyboard.press('Enter');
    await page.getByTestId('step-panel').waitFor();
    await expect(page.getByTestId('side-panel').textContent()).resolves.toContain(
      `Steg ${far.replace('step-', '')}`,
    );
    // Back again with Shift+Tab, through the transition that leads here, to the step it
    // came from, drawn or not.
    await page.keyboard.press('Escape');
    await page.getByTestId('pathway-panel').waitFor();
    await page.waitForFunction((id) => {
      const el = document.activeElement?.closest<HTMLElement>('.react-flow__node');
      return el?.dataset.id === id;
    }, far);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focusedId).toBe(`t:${from}:1`);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction((id) => {
      const el = document.activeElement?.closest<HTMLElement>('.react-flow__node');
      return el?.dataset.id === id;
    }, from);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reaches the last step of the keyboard order from a drawn one by Tab alone', async () => {
    const steps = await openLarge(120);
    const last = [...steps.order].reverse().find((id) => steps.includes(id)) ?? '';
    const drawn = await drawnSteps();
    const first = steps.order.find((id) => drawn.includes(id)) ?? '';
    expect(drawn).not.toContain(last);
    await page.getByTestId(`rf__node-${first}`).focus();
    // Each step is followed by its transitions (about two a step) in the keyboard order.
    for (let i = 0; i < steps.length * 3 + 5; i++) {
      if ((await focusedId()) === last) break;
      await page.keyboard.press('Tab');
      await page.waitForTimeout(20);
    }
    await expect(focusedId()).resolves.toBe(last);
    expect(errors).toEqual([]);
  });
});
