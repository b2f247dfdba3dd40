import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session));

const node = (id: string): Locator => page.getByTestId(`rf__node-${id}`);
/** The transition 1.1.0 changed: primary-care-management's third, into primary-care-mmr. */
const changedEdge = 't:primary-care-management:2';

async function compare1_0With1_1(language: 'sv' | 'en'): Promise<void> {
  await page.goto(`${service.url}/?pathway=chronic-pain&version=1.0.0`);
  await node('intake-assessment').waitFor();
  await page.getByTestId('language').selectOption(language);
  await page.getByTestId('compare-with').selectOption('1.1.0');
  await page.getByTestId('compare-panel').waitFor();
}

describe('the compare view in a real browser', () => {
  it('shows 1.1.0 with exactly its changed transition and its new alert marked and listed', async () => {
    await compare1_0With1_1('en');
    await expect(page.getByTestId('compare-banner').textContent()).resolves.toContain(
      '1.0.0 → 1.1.0',
    );
    await expect(page.getByTestId('compare-headline').textContent()).resolves.toBe(
      'chronic-pain 1.0.0 → 1.1.0: 8 changes',
    );
    // The canvas shows the newer version: its transition label reads 8 weeks.
    const label = page.getByTestId(`edge-label-${changedEdge}`);
    await expect(label.getAttribute('data-diff')).resolves.toBe('changed');
    await expect(label.getAttribute('title')).resolves.toMatch(/8 weeks/);
    // Exactly one transition and no step is marked.
    await expect(page.locator('.edge-label[data-diff]').count()).resolves.toBe(1);
    await expect(page.locator('.react-flow__edge-path.diff-changed').count()).resolves.toBe(1);
    await expect(page.locator('.step-node[data-diff]').count()).resolves.toBe(0);
    // The new alert is marked in the side panel and listed in the diff.
    await expect(
      page.getByTestId('alert-item-opioid-gabapentinoid').getAttribute('data-diff'),
    ).resolves.toBe('added');
    await expect(page.locator('[data-testid^="alert-item-"][data-diff]').count()).resolves.toBe(1);
    const entries = page.locator('[data-testid^="diff-entry-"]');
    await expect(entries.count()).resolves.toBe(8);
    const alertEntry = page.locator('[data-kind="alert-added"]');
    await expect(alertEntry.textContent()).resolves.toContain('opioid-gabapentinoid (warning)');
    const transitionEntry = page.locator('[data-kind="transition-changed"]');
    await expect(transitionEntry.textContent()).resolves.toContain(
      'primary-care-management → primary-care-mmr (transition 3)',
    );
    await expect(transitionEntry.textContent()).resolves.toContain('weeksInStep ≥ 12 → ≥ 8');

    // Clicking the transition entry selects that edge and opens it in the side panel.
    await transitionEntry.locator('button').click();
    await expect.poll(() => label.getAttribute('data-selected')).toBe('true');
    await page.getByTestId('transition-panel').waitFor();
    await expect(page.locator('.edge-label[data-selected="true"]').count()).resolves.toBe(1);
    // Read-only while comparing.
    await expect(page.getByTestId('save').isDisabled()).resolves.toBe(true);
    // Clicking the alert entry opens the alert in the side panel.
    await alertEntry.locator('button').click();
    await expect(page.getByTestId('alert-panel').textContent()).resolves.toContain(
      'opioid-gabapentinoid',
    );

    // Closing brings back 1.0.0, unmarked.
    await page.getByTestId('close-compare').click();
    await page.getByTestId('compare-with').waitFor();
    await expect(page.locator('.edge-label[data-diff]').count()).resolves.toBe(0);
    await expect(label.getAttribute('title')).resolves.toMatch(/12 weeks/);
    expect(errors).toEqual([]);
  });

  it('speaks Swedish: the diff, the marks and the panel', async () => {
    await compare1_0With1_1('sv');
    await expect(page.getByTestId('compare-headline').textContent()).resolves.toBe(
      'chronic-pain 1.0.0 → 1.1.0: 8 ändringar',
    );
    await expect(page.locator('[data-kind="transition-changed"]').textContent()).resolves.toContain(
      '(övergång 3)',
    );
    await expect(page.getByTestId('tab-changes').textContent()).resolves.toContain('Ändringar');
    await expect(
      page.getByTestId('alert-item-opioid-gabapentinoid').textContent(),
    ).resolves.toContain('ny');
    expect(errors).toEqual([]);
  });
});
