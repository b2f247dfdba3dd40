/**
 * The canvas by keyboard and at every zoom (issue 18, "Reading" and "Accessibility"): every
 * step and transition is reached with Tab, shows a focus ring, opens its panel with Enter or
 * Space and closes with Escape; nodes and edges are named in the interface language; far out
 * a step shows its title alone in a font legible on screen, close in its details; edge labels
 * lie above the steps; alerts are counted on their steps; the toolbar keeps one row at
 * 1440×900; and the Swedish interface shows none of the English words it used to.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { printPathway } from '../../engine/yaml/print';
import { gridLayout, ladderPathway } from '../fixtures/large-pathway';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const node = (id: string): Locator => page.getByTestId(`rf__node-${id}`);

async function open(version = '1.2.0', size = { width: 1440, height: 900 }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(`${service.url}/?pathway=chronic-pain&version=${version}`);
  await node('intake-assessment').waitFor();
}

/** The id (`data-id`) of the canvas element that has the focus, or null. */
function focusedId(): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement?.closest<HTMLElement>('.react-flow__node, .react-flow__edge');
    return el?.dataset.id ?? null;
  });
}

/** React Flow's zoom factor now. */
function zoom(): Promise<number> {
  return page.evaluate(() => {
    const t = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? NaN);
  });
}

/** Zooms with the canvas's zoom-in button until the band is reached. */
async function zoomInTo(band: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    if ((await page.getByTestId('canvas').getAttribute('data-zoom-band')) === band) return;
    await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(120);
  }
  throw new Error(`the canvas never reached the ${band} band`);
}

describe('the canvas by keyboard', () => {
  it('reaches every step and transition with Tab, in order, with a visible focus ring', async () => {
    await open();
    const steps = await page
      .locator('.react-flow__node-step')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id ?? ''));
    const edges = await page
      .locator('.react-flow__edge')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id ?? ''));
    expect(steps.length).toBeGreaterThan(8);
    expect(edges.length).toBeGreaterThan(15);
    // From the entry step, first in the keyboard order (the DOM has the edges first).
    await node('intake-assessment').focus();
    const seen = new Set<string>();
    for (let i = 0; i < steps.length + edges.length + 2; i++) {
      const id = await focusedId();
      if (id !== null) seen.add(id);
      await page.keyboard.press('Tab');
    }
    for (const id of [...steps, ...edges]) expect(seen, id).toContain(id);

    await node('follow-up').focus();
    // Focused by keyboard (focus-visible): a 3 px ring around the step.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(focusedId()).resolves.toBe('follow-up');
    const ring = await node('follow-up')
      .locator('.step-node')
      .evaluate(
        (el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth,
      );
    expect(ring).toBe('solid 3px');
    expect(errors).toEqual([]);
  });

  it('opens a step with Enter and a transition with Space, and closes them with Escape', async () => {
    await open();
    await node('specialist-mmr').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('step-panel').waitFor();
    await expect(page.getByTestId('side-panel').textContent()).resolves.toContain(
      'Multimodal rehabilitering, specialistnivå',
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('pathway-panel').waitFor();
    // Escape closes the panel but leaves the focus on the step.
    await expect(focusedId()).resolves.toBe('specialist-mmr');

    const edge = page.getByTestId('rf__edge-t:intake-assessment:0');
    await edge.focus();
    await page.keyboard.press(' ');
    await page.getByTestId('transition-panel').waitFor();
    await expect(
      page.getByTestId('edge-label-t:intake-assessment:0').getAttribute('data-selected'),
    ).resolves.toBe('true');
    // The focused transition's label shows the focus too (it lies in another layer).
    await expect(
      page.getByTestId('edge-label-t:intake-assessment:0').getAttribute('class'),
    ).resolves.toContain('is-focused');
    await page.keyboard.press('Escape');
    await page.getByTestId('pathway-panel').waitFor();
    await expect(focusedId()).resolves.toBe('t:intake-assessment:0');
    expect(errors).toEqual([]);
  });

  it('names steps and transitions for screen readers by their titles, in the interface language', async () => {
    await open();
    const step = node('intake-assessment');
    await expect(step.getAttribute('aria-label')).resolves.toMatch(
      /^Första bedömning och smärtanalys, Primärvård, start/,
    );
    await expect(step.getAttribute('aria-roledescription')).resolves.toBe('steg');
    const edge = page.getByTestId('rf__edge-t:intake-assessment:0');
    const name = (await edge.getAttribute('aria-label')) ?? '';
    expect(name).toMatch(/^Övergång 1 från Första bedömning och smärtanalys till /);
    expect(name).not.toMatch(/Edge from|intake-assessment/);
    await expect(edge.getAttribute('aria-roledescription')).resolves.toBe('övergång');
    await expect(page.getByTestId('rf__edge-g:0').getAttribute('aria-label')).resolves.toMatch(
      /^Global övergång 1 till /,
    );

    await page.getByTestId('language').selectOption('da');
    await expect(step.getAttribute('aria-roledescription')).resolves.toBe('trin');
    await expect(edge.getAttribute('aria-label')).resolves.toMatch(/^Overgang 1 fra /);
    await expect(
      page.locator('.react-flow__controls-zoomin').getAttribute('aria-label'),
    ).resolves.toBe('Zoom ind');
    expect(errors).toEqual([]);
  });
});

describe('the canvas at every zoom', () => {
  it('shows titles alone, legible, when far out and details when close; labels lie above the steps', async () => {
    await open();
    const band = await page.getByTestId('canvas').getAttribute('data-zoom-band');
    expect(['far', 'overview']).toContain(band);
    const title = node('intake-assessment').locator('.step-title');
    const onScreen = async (): Promise<number> =>
      (await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))) * (await zoom());
    // At fit-to-view the title is at least 11 px on screen (it was 6–7 px).
    expect(await onScreen()).toBeGreaterThanOrEqual(11);
    await expect(node('intake-assessment').locator('.step-id').isVisible()).resolves.toBe(false);
    await expect(
      page.getByTestId('edge-label-t:intake-assessment:0').locator('.edge-order').isVisible(),
    ).resolves.toBe(true);

    // No label hides under a step: the label is what lies on top at its own centre.
    const labels = await page.locator('.edge-label').all();
    for (const label of labels) {
      const box = await label.boundingBox();
      if (box === null) continue;
      const onTop = await page.evaluate(
        ({ x, y }) => (document.elementFromPoint(x, y)?.closest('.edge-label') ?? null) !== null,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(onTop, (await label.getAttribute('data-testid')) ?? '').toBe(true);
    }

    await zoomInTo('near');
    await expect(node('intake-assessment').locator('.step-id').isVisible()).resolves.toBe(true);
    await expect(
      page.getByTestId('edge-label-t:intake-assessment:0').locator('.edge-text').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByTestId('step-details-intake-assessment').count()).resolves.toBe(0);
    await zoomInTo('detail');
    const details = page.getByTestId('step-details-intake-assessment');
    await details.waitFor();
    await expect(details.textContent()).resolves.toMatch(/Åtgärder: \d+ · Uppföljningar: \d+/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('counts on each step the alerts that name it, and the rest once for the whole pathway', async () => {
    await open();
    const badge = page.getByTestId('step-alerts-specialist-pain-assessment');
    await expect(badge.textContent()).resolves.toMatch(/⚠ [1-9]/);
    await expect(badge.getAttribute('title')).resolves.toMatch(/gäller detta steg$/);
    await expect(page.getByTestId('pathway-alerts').textContent()).resolves.toMatch(
      /^⚠ \d+ varningar gäller alla steg$/,
    );
    expect(errors).toEqual([]);
  });

  it('opens a 200-step pathway with legible steps, not the whole pathway shrunk to dots', async () => {
    const pathway = ladderPathway(200);
    await mkdir(join(service.pathwaysDir, 'bench'), { recursive: true });
    await writeFile(join(service.pathwaysDir, 'bench', '0.1.0.yaml'), printPathway(pathway));
    await writeFile(join(service.pathwaysDir, 'bench', '0.1.0.layout.json'), gridLayout(pathway));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${service.url}/?pathway=bench&version=0.1.0`);
    // Only the steps in view are drawn; wait until they are measured and shown.
    await page.waitForFunction(() => {
      const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-step')];
      return nodes.length > 0 && nodes.every((n) => n.style.visibility === 'visible');
    });
    expect(await zoom()).toBeGreaterThanOrEqual(0.35);
    const box = await page.locator('.react-flow__node-step').first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(80);
    const px = await page
      .locator('.react-flow__node-step .step-title')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px * (await zoom())).toBeGreaterThanOrEqual(11);
    expect(errors).toEqual([]);
  });
});

describe('the toolbar and the words', () => {
  it('keeps one row at 1440×900 in Swedish, Danish and English; automatic layout is in "More"', async () => {
    await open();
    await page.getByTestId('new-version').click();
    await page.getByTestId('new-draft-banner').waitFor();
    for (const language of ['sv', 'da', 'en'] as const) {
      await page.getByTestId('language').selectOption(language);
      const rows = await page.evaluate(() => {
        const bar = document.querySelector('.toolbar')!;
        // Every drawn tool lies within one row's height of the first.
        const boxes = [...bar.children]
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.height > 2);
        const spread =
          Math.max(...boxes.map((r) => r.bottom)) - Math.min(...boxes.map((r) => r.top));
        return { oneRow: spread <= 32, overflow: bar.scrollWidth - bar.clientWidth };
      });
      expect(rows, language).toEqual({ oneRow: true, overflow: 0 });
    }
    await page.getByTestId('language').selectOption('sv');
    await page.getByTestId('toolbar-more').locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('auto-layout').click();
    await expect(page.getByTestId('undo').isDisabled()).resolves.toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows none of the known English words in the Swedish interface', async () => {
    const ENGLISH =
      /\b(Edge from|Press enter|Zoom In|Zoom Out|Fit View|Control Panel|Mini Map|Handle|fact|operator|node|edge|draft|active|retired|critical|warning|error|years|months|weeks|days|string\[\]|integer|boolean|medications)\b/;
    await open();
    await page.getByTestId('new-version').click();
    await page.getByTestId('new-draft-banner').waitFor();
    const screens: [string, () => Promise<void>][] = [
      ['canvas', async () => undefined],
      ['step', () => node('primary-care-management').click()],
      ['transition', () => page.getByTestId('edge-label-t:intake-assessment:0').click()],
      [
        'fact',
        async () => {
          await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
          await page.locator('[data-testid^="fact-"]').first().click();
        },
      ],
      [
        'alert',
        async () => {
          await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
          await page.locator('[data-testid^="alert-"]').first().click();
        },
      ],
      ['pathway', () => page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })],
      [
        'problems',
        async () => {
          await page.getByTestId('add-step').click();
          await page.getByTestId('tab-problems').click();
        },
      ],
      [
        'tests',
        async () => {
          await page.getByTestId('tab-tests').click();
          await page.getByTestId('run-all').click();
          await page.locator('[data-testid^="scenario-"]').first().click();
        },
      ],
    ];
    for (const [name, show] of screens) {
      await show();
      await page.waitForTimeout(200);
      const words = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
          const el = n.parentElement;
          // Ids and names as written in the file (code), Monaco's JSON and the pathway's own
          // texts being edited in each language (textarea) are not interface words.
          if (
            el === null ||
            el.closest('textarea, code, .monaco-editor, .step-id, [data-testid^="scenario-"] .name')
          )
            continue;
          out.push(n.textContent ?? '');
        }
        // A scenario's description is the scenario file's own text (not the interface's).
        for (const el of document.querySelectorAll(
          ':is([aria-label], [title], [aria-roledescription]):not([data-testid^="scenario-"] *)',
        ))
          for (const a of ['aria-label', 'title', 'aria-roledescription'])
            out.push(el.getAttribute(a) ?? '');
        return out.filter((s) => s.trim() !== '');
      });
      // Ids as written in the file (follow-ups, alerts: `pcm-6-weeks`) are names, not words.
      const ID = /^[a-z0-9]+(-[a-z0-9]+)+( \((sv|da|en)\))?$/;
      const english = words.filter((w) => ENGLISH.test(w) && !ID.test(w.trim()));
      expect(english, name).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});
