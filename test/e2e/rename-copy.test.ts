/**
 * Issue 18 in a real browser: renaming a fact in a new draft offers to copy the inherited test
 * patients that name it for the draft; the save writes the copies as new files rewritten with
 * the rename, the shared originals stay as they were, and `pathway test` passes the patient on
 * both the frozen version (original) and the draft (copy). The dialog is checked with axe-core.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import { parseScenario } from '../../engine/yaml/parse';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const ORIGINAL = 'early-intervention-self-efficacy-gain';
const scenarioFile = (name: string): string =>
  join(service.pathwaysDir, 'chronic-pain', 'scenarios', `${name}.yaml`);
const readIfThere = (file: string): Promise<string | null> =>
  readFile(file, 'utf8').catch(() => null);

/** `pathway test --json` over the service's folder: pass/fail by `name@version`. */
async function pathwayTest(): Promise<Map<string, boolean>> {
  const io = memoryIo(service.pathwaysDir);
  await main(['test', service.pathwaysDir, '--json'], io);
  const out = JSON.parse(io.stdout.join('\n')) as {
    scenarios: { name: string; version: string; passed: boolean }[];
  };
  return new Map(out.scenarios.map((s) => [`${s.name}@${s.version}`, s.passed]));
}

describe('copying inherited test patients in the rename dialog', () => {
  it('copies the inherited patient for the draft with the new name, leaving the original', async () => {
    const before = await readFile(scenarioFile(ORIGINAL), 'utf8');
    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.3.0`);
    await page.getByTestId('rf__node-intake-assessment').waitFor();
    await page.getByTestId('new-version').click();
    await page.getByTestId('new-draft-banner').waitFor();
    await page.getByTestId('language').selectOption('da');
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.getByTestId('fact-pseqGain').click();
    await page.getByTestId('fact-panel').waitFor();
    await page.getByTestId('rename-fact').click();
    const dialog = page.getByTestId('rename-dialog');
    await dialog.waitFor();
    await expect(page.getByTestId('rename-scenarios').textContent()).resolves.toContain(ORIGINAL);
    await page.getByTestId('rename-input').fill('pseqImprovement');
    const copy = page.getByTestId('rename-copy-shared');
    // Labelled in the interface language, and reachable from the keyboard.
    await expect(
      page
        .getByRole('checkbox', { name: /Kopiér den arvede testpatient til version 1\.4\.0/ })
        .count(),
    ).resolves.toBe(1);
    await copy.focus();
    await page.keyboard.press('Space');
    await expect(copy.isChecked()).resolves.toBe(true);
    expect(await seriousViolations(page, '[data-testid="rename-dialog"]')).toEqual([]);
    await page.getByTestId('confirm-rename').click();
    await expect.poll(() => dialog.count()).toBe(0);

    await page.getByTestId('save').click();
    const copied = scenarioFile(`${ORIGINAL}-1-4-0`);
    await expect.poll(() => readIfThere(copied), { timeout: 15_000 }).not.toBeNull();
    const scenario = parseScenario((await readIfThere(copied)) ?? '');
    expect(scenario.name).toBe(ORIGINAL);
    expect(scenario.versions).toEqual(['1.4.0']);
    expect(scenario.expect.facts).toEqual({ pseqImprovement: 7 });
    expect(await readFile(scenarioFile(ORIGINAL), 'utf8')).toBe(before);

    const run = await pathwayTest();
    expect(run.get(`${ORIGINAL}@1.3.0`)).toBe(true);
    expect(run.get(`${ORIGINAL}@1.4.0`)).toBe(true);
    expect(errors).toEqual([]);
  });
});
