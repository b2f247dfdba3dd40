/**
 * The parts not on the first screen load as chunks of their own (issue 18: 200 steps first
 * render; editor/src/parts/parts.ts): the first render runs one script, and each part still
 * opens as before, with a labelled loading state in the UI language while its chunk is on
 * its way.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session));

const node = (id: string): Locator => page.getByTestId(`rf__node-${id}`);

describe('parts loaded after the first screen', () => {
  it('draws the canvas with the entry script alone, then opens a step, the test patients and search', async () => {
    // The scripts the page had asked for when the first step node appeared.
    await page.addInitScript(() => {
      const w = window as unknown as { __scriptsAtFirstNode?: string[] };
      const observer = new MutationObserver(() => {
        if (document.querySelector('.react-flow__node-step') === null) return;
        observer.disconnect();
        w.__scriptsAtFirstNode = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.endsWith('.js'));
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.3.0`);
    await node('intake-assessment').waitFor();
    const scripts = await page.evaluate(
      () => (window as unknown as { __scriptsAtFirstNode?: string[] }).__scriptsAtFirstNode,
    );
    expect(scripts).toHaveLength(1);
    expect(scripts?.[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);

    await node('intake-assessment').click();
    await expect(page.getByTestId('step-id').inputValue()).resolves.toBe('intake-assessment');
    await page.getByTestId('tab-tests').click();
    await page.getByTestId('test-panel').waitFor();
    // The test patients came in a chunk of their own, after the first screen.
    const later = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    expect(later.some((path) => /^\/assets\/TestPanel-[\w-]+\.js$/.test(path))).toBe(true);
    await page.getByTestId('search-open').click();
    await page.getByTestId('search-dialog').waitFor();
    expect(errors).toEqual([]);
  });

  it('says "Laddar …" while a part is on its way, with no serious accessibility violation, then shows it', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/assets\/TestPanel-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.3.0`);
    await node('intake-assessment').waitFor();
    await page.getByTestId('tab-tests').click();
    const loading = page.getByTestId('part-loading');
    await loading.waitFor();
    await expect(loading.textContent()).resolves.toBe('Laddar …');
    await expect(loading.getAttribute('role')).resolves.toBe('status');
    expect(await seriousViolations(page)).toEqual([]);
    release();
    await page.getByTestId('test-panel').waitFor();
    await expect(loading.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
