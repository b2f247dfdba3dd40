import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session));

const file = (version: string): string =>
  join(service.pathwaysDir, 'chronic-pain', `${version}.yaml`);

/**
 * A saved draft 1.4.0: 1.3.0 without its red-flag alert, from 2027-06-01. Two inherited
 * scenarios expect that alert, and two scenario patients lose it.
 */
async function draftWithoutRedFlagAlert(): Promise<void> {
  const base = parsePathway(await readFile(file('1.3.0'), 'utf8'), '1.3.0.yaml');
  const draft = {
    ...base,
    version: '1.4.0',
    status: 'draft' as const,
    effective: { from: '2027-06-01' },
    alerts: base.alerts.filter((a) => a.id !== 'red-flag'),
  };
  delete draft.supersedes;
  await writeFile(file('1.4.0'), printPathway(draft));
}

describe('publishing in the editor', () => {
  it('starts a new version from the version on screen and says which one it copies', async () => {
    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.1.0`);
    await page.getByTestId('rf__node-intake-assessment').waitFor();
    // The version list has loaded (the new version is numbered after the latest in it).
    await page.getByTestId('open-chronic-pain-1.3.0').waitFor();
    const before = await page.locator('.react-flow__node').count();
    await page.getByTestId('new-version').click();
    await page.waitForURL(/version=1\.4\.0/);
    await expect(page.getByTestId('new-draft-banner').textContent()).resolves.toContain('1.1.0');
    // 1.1.0's three global transitions (the first: red flags), not 1.3.0's four (the first: age).
    await expect(page.getByTestId('edge-label-g:0').textContent()).resolves.toMatch(
      /varningsflaggor/i,
    );
    await expect(page.getByTestId('edge-label-g:3').count()).resolves.toBe(0);
    await expect(page.locator('.react-flow__node').count()).resolves.toBe(before);
    expect(errors).toEqual([]);
  });

  it('shows lint, failing scenarios and the impact, needs each acknowledged, then freezes the version', async () => {
    await draftWithoutRedFlagAlert();
    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.4.0`);
    await page.getByTestId('rf__node-intake-assessment').waitFor();
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    // The checks run again once the scenarios have loaded.
    await expect
      .poll(() => dialog.getByTestId('publish-scenarios').textContent(), { timeout: 60_000 })
      .toMatch(/126 godkända, 2 underkända/);
    await expect(dialog.getByTestId('publish-lint').getAttribute('data-blocking')).resolves.toBe(
      'false',
    );
    await expect(dialog.getByTestId('publish-scenarios').textContent()).resolves.toMatch(
      /126 godkända, 2 underkända/,
    );
    await expect(dialog.getByTestId('publish-failing').textContent()).resolves.toContain(
      'intake-red-flag-cauda-equina',
    );
    await expect(dialog.getByTestId('impact-summary-scenarios').textContent()).resolves.toMatch(
      /^2 av 128 patienter/,
    );
    expect(await seriousViolations(page, '[data-testid="publish-dialog"]')).toEqual([]);

    const confirm = dialog.getByTestId('publish-confirm');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByTestId('ack-scenarios').check();
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(/Jag har sett att 2 patienter/).check();
    await dialog.getByTestId('publish-note').fill('Red-flag alert moves to the EHR');
    await confirm.click();
    await page.getByTestId('frozen-banner').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('publish-dialog').count()).toBe(0);
    await expect(page.getByTestId('notice').textContent()).resolves.toMatch(
      /1\.4\.0 är publicerad/,
    );

    const published = parsePathway(await readFile(file('1.4.0'), 'utf8'), '1.4.0.yaml');
    expect(published.status).toBe('active');
    expect(published.effective.from).toBe('2027-06-01');
    expect(published.publication).toMatchObject({
      failingScenarios: [
        'global-red-flag-before-dependence-and-declining',
        'intake-red-flag-cauda-equina',
      ],
      impact: { against: '1.3.0', evaluated: 128, differ: 2 },
      note: 'Red-flag alert moves to the EHR',
    });
    const lock = JSON.parse(await readFile(join(service.pathwaysDir, 'frozen.lock.json'), 'utf8'));
    expect(lock['chronic-pain/1.4.0.yaml']).toMatch(/^sha256:/);
    expect(errors).toEqual([]);
  });

  it('closes with Escape and does not publish', async () => {
    await draftWithoutRedFlagAlert();
    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.4.0`);
    await page.getByTestId('rf__node-intake-assessment').waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('publish-dialog').count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).resolves.toBe('publish');
    expect(parsePathway(await readFile(file('1.4.0'), 'utf8'), '1.4.0.yaml').status).toBe('draft');
  });
});
