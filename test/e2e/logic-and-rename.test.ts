/**
 * Issue 18 in a real browser: logic problems appear as the author types (a threshold changed
 * from 50 to 40 while the message still says "≥ 50"); a new alert starts never true and marked
 * "not written yet"; deleting the entry step asks and says what else changes; renaming a fact
 * lists where it is used, refuses a taken name and renames every use in one undoable edit.
 * Each new dialog and panel is checked with axe-core (no serious or critical violation).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const node = (id: string): Locator => page.getByTestId(`rf__node-${id}`);
const problems = (rule: string): Locator =>
  page.locator(`[data-testid="problems"] [data-rule="${rule}"]`);

/** Opens 1.3.0 and starts 1.4.0 from it, in Swedish. */
async function newDraft(): Promise<void> {
  await page.goto(`${service.url}/?pathway=chronic-pain&version=1.3.0`);
  await node('intake-assessment').waitFor();
  await page.getByTestId('new-version').click();
  await page.getByTestId('new-draft-banner').waitFor();
  await page.getByTestId('language').selectOption('sv');
}

async function toPathwayPanel(): Promise<void> {
  await page
    .getByTestId('canvas')
    .locator('.react-flow__pane')
    .click({ position: { x: 5, y: 5 } });
  await page.getByTestId('pathway-panel').waitFor();
}

describe('logic lint as you type', () => {
  it('flags a message that still says "≥ 50" once the threshold is 40, in every language', async () => {
    await newDraft();
    await toPathwayPanel();
    await page.getByTestId('alert-opioid-dose-high').click();
    await page.getByTestId('alert-panel').waitFor();
    await page.getByTestId('tab-problems').click();
    await expect(problems('message-threshold').count()).resolves.toBe(0);
    const value = page.getByTestId('alerts[6].when.all[0].value');
    await value.fill('40');
    await value.press('Tab');
    await expect.poll(() => problems('message-threshold').count()).toBe(3);
    await expect(problems('message-threshold').first().textContent()).resolves.toContain(
      'gränsvärde',
    );
    expect(errors).toEqual([]);
  });
});

describe('safe defaults', () => {
  it('starts a new critical alert never true, marked "not written yet", until the author writes it', async () => {
    await newDraft();
    await toPathwayPanel();
    await page.getByTestId('add-alert-name').fill('ny-varning');
    await page.getByTestId('add-alert-choice').selectOption('critical');
    await page.getByTestId('add-alert-submit').click();
    await page.getByTestId('alert-panel').waitFor();
    await expect(page.getByTestId('incomplete-badge').textContent()).resolves.toBe(
      'Inte skrivet ännu',
    );
    await page.getByTestId('tab-problems').click();
    await expect.poll(() => problems('incomplete-condition').count()).toBe(1);
    expect(await seriousViolations(page, '[data-testid="alert-panel"]')).toEqual([]);
    // It fires for nobody: no test patient gets it.
    await page.getByTestId('tab-tests').click();
    await page.getByTestId('test-panel').waitFor();
    await page.locator('[data-testid^="scenario-"] button').first().click();
    await page.getByTestId('result-alerts').waitFor();
    await expect(page.getByTestId('result-alerts').textContent()).resolves.not.toContain(
      'ny-varning',
    );
    // Writing it replaces the default with a first comparison to edit.
    await page.getByTestId('write-condition').click();
    await expect.poll(() => page.getByTestId('incomplete-badge').count()).toBe(0);
    await page.getByTestId('tab-problems').click();
    await expect.poll(() => problems('incomplete-condition').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('a new transition', () => {
  it('starts never true: its edge reads "not written yet" and its panel shows the badge', async () => {
    await newDraft();
    await page.getByTestId('language').selectOption('en');
    await node('intake-assessment').click();
    await page.getByTestId('step-panel').waitFor();
    const index = await page.locator('[data-testid^="step-transition-"]').count();
    await page.locator('select[aria-label="To step"]').selectOption('pathway-exit');
    await page.getByRole('button', { name: 'Add transition' }).click();
    await page.getByTestId('transition-panel').waitFor();
    await expect(page.getByTestId('incomplete-badge').textContent()).resolves.toBe(
      'Not written yet',
    );
    await expect
      .poll(() => page.getByTestId(`edge-label-t:intake-assessment:${index}`).getAttribute('title'))
      .toContain('not written yet (never true)');
    expect(await seriousViolations(page, '[data-testid="transition-panel"]')).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('deleting a step', () => {
  it('asks before deleting the entry step, says what else changes, and deletes only on yes', async () => {
    await newDraft();
    await node('intake-assessment').click();
    await page.getByTestId('step-panel').waitFor();
    await page.getByTestId('delete-step').click();
    const dialog = page.getByTestId('delete-step-dialog');
    await dialog.waitFor();
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe(
      'Ta bort steget intake-assessment?',
    );
    await expect(page.getByTestId('delete-step-effects').textContent()).resolves.toMatch(
      /blir nytt startsteg/,
    );
    expect(await seriousViolations(page, '[data-testid="delete-step-dialog"]')).toEqual([]);
    // Escape cancels: nothing is deleted.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect(node('intake-assessment').count()).resolves.toBe(1);
    // The Delete key asks too; confirming deletes.
    await node('intake-assessment').click();
    await page.keyboard.press('Delete');
    await dialog.waitFor();
    await page.getByTestId('confirm-delete-step').click();
    await expect.poll(() => node('intake-assessment').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('renaming', () => {
  it('renames a fact with a "used in" list, refuses a taken name, and undoes in one step', async () => {
    await newDraft();
    await toPathwayPanel();
    await page.getByTestId('fact-opioidMme').click();
    await page.getByTestId('fact-panel').waitFor();
    await page.getByTestId('rename-fact').click();
    const dialog = page.getByTestId('rename-dialog');
    await dialog.waitFor();
    await expect(page.getByTestId('rename-uses').locator('li').count()).resolves.toBeGreaterThan(5);
    await expect(page.getByTestId('rename-uses').textContent()).resolves.toContain(
      'meddelandet i varning opioid-dose-high (sv)',
    );
    expect(await seriousViolations(page, '[data-testid="rename-dialog"]')).toEqual([]);
    await page.getByTestId('rename-input').fill('age');
    await page.getByTestId('confirm-rename').click();
    await expect(page.getByTestId('rename-problem').textContent()).resolves.toBe(
      'Namnet finns redan.',
    );
    await page.getByTestId('rename-input').fill('opioidDoseMme');
    await page.getByTestId('rename-input').press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect(page.getByTestId('fact-panel').locator('h2').textContent()).resolves.toBe(
      'opioidDoseMme',
    );
    await page.getByTestId('tab-problems').click();
    await expect(problems('unknown-fact').count()).resolves.toBe(0);
    await expect(problems('alert-template').count()).resolves.toBe(0);
    // One undo brings the old name back everywhere.
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('Control+z');
    await toPathwayPanel();
    await expect.poll(() => page.getByTestId('fact-opioidMme').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
