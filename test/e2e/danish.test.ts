/**
 * The editor's interface in Danish (issue 17, "Danish throughout"): chosen in the language
 * menu beside Swedish and English, kept after a reload, and Danish in the toolbar, the side
 * panel, status badges and the problems list (lint findings included, which the engine words
 * in English: the list shows what the rule finds in Danish, the engine's detail on hover).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const node = (id: string): Locator => page.getByTestId(`rf__node-${id}`);

describe('the editor in Danish', () => {
  it('offers Svenska, Dansk and English, and shows the toolbar, a panel and a problem in Danish', async () => {
    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.2.0`);
    await node('intake-assessment').waitFor();
    await expect(page.getByTestId('language').locator('option').allTextContents()).resolves.toEqual(
      ['Svenska', 'Dansk', 'English'],
    );
    await page.getByTestId('new-version').click();
    await page.getByTestId('new-draft-banner').waitFor();
    await page.getByTestId('language').selectOption('da');

    // The toolbar.
    await expect(page.getByTestId('save').textContent()).resolves.toBe('Gem');
    await expect(page.getByTestId('add-step').textContent()).resolves.toBe('Nyt trin');
    await expect(page.getByTestId('new-version').textContent()).resolves.toBe('Ny version');
    await expect(page.getByTestId('status-badge').textContent()).resolves.toBe('kladde');
    await expect(page.locator('label.language').textContent()).resolves.toContain('Sprog');

    // A new step is unreachable: a panel and a problem to read.
    await page.getByTestId('add-step').click();
    await node('new-step').waitFor();
    const side = await page.getByTestId('side-panel').textContent();
    expect(side).toContain('Behandlingsniveau');
    expect(side).toContain('Tilføj overgang');
    expect(side).not.toMatch(/Level of care|Add transition|Vårdnivå/);
    await page.getByTestId('tab-problems').click();
    const problem = page.locator('[data-testid="problems"] [data-rule="unreachable-step"]').first();
    await expect.poll(() => problem.count()).toBe(1);
    await expect(problem.locator('.problem-message').textContent()).resolves.toBe(
      'Trinnet kan ikke nås fra start.',
    );
    await expect(problem.locator('.severity').textContent()).resolves.toMatch(/^(fejl|advarsel)$/);
    // The engine's own wording stays available on hover.
    await expect(problem.locator('.problem-message').getAttribute('title')).resolves.toMatch(
      /new-step/,
    );
    await expect(page.getByTestId('tab-problems').textContent()).resolves.toContain('Problemer');

    // Swedish shows the same problem in Swedish.
    await page.getByTestId('language').selectOption('sv');
    await expect(problem.locator('.problem-message').textContent()).resolves.toBe(
      'Steget kan inte nås från start.',
    );
    expect(errors).toEqual([]);
  });

  it('keeps Danish after a reload', async () => {
    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.1.0`);
    await node('intake-assessment').waitFor();
    await page.getByTestId('language').selectOption('da');
    await page.reload();
    await node('intake-assessment').waitFor();
    await expect(page.getByTestId('language').inputValue()).resolves.toBe('da');
    await expect(page.getByTestId('status-badge').textContent()).resolves.toBe('aktiv');
    await expect(page.getByTestId('pathway-picker').textContent()).resolves.toContain(
      'Forløbsprogrammer',
    );
    expect(errors).toEqual([]);
  });
});
