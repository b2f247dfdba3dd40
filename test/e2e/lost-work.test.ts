import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { seriousViolations } from './axe';
import { useBrowserSession, watchErrors, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
// Reloading with unsaved work asks first; these tests reload on purpose.
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const file = (version: string): string =>
  join(service.pathwaysDir, 'chronic-pain', `${version}.yaml`);

/** A saved draft 1.4.0 on disk, copied from 1.3.0. */
async function savedDraft(): Promise<void> {
  const base = parsePathway(await readFile(file('1.3.0'), 'utf8'), '1.3.0.yaml');
  const draft = {
    ...base,
    version: '1.4.0',
    status: 'draft' as const,
    effective: { from: '2027-06-01' },
  };
  delete draft.supersedes;
  await writeFile(file('1.4.0'), printPathway(draft));
}

async function open(p: Page): Promise<void> {
  await p.goto(`${service.url}/?pathway=chronic-pain&version=1.4.0`);
  await p.getByTestId('rf__node-intake-assessment').waitFor();
}

const nodes = (p: Page): Promise<number> => p.locator('.react-flow__node').count();

describe('no lost work', () => {
  it('keeps two tabs’ unsaved work apart, and offers the other tab’s work after a reload', async () => {
    await savedDraft();
    await open(page);
    const steps = await nodes(page);
    const other = await page.context().newPage();
    other.on('dialog', (d) => void d.accept());
    const otherErrors = watchErrors(other);
    await open(other);
    // Tab A adds one step; tab B adds two.
    await page.getByTestId('add-step').click();
    await other.getByTestId('add-step').click();
    await other.getByTestId('add-step').click();
    await expect.poll(() => nodes(other)).toBe(steps + 2);
    await page.reload();
    await page.getByTestId('rf__node-intake-assessment').waitFor();
    // A's own work, not B's.
    await expect.poll(() => nodes(page)).toBe(steps + 1);
    await page.getByTestId('offered-drafts').waitFor();
    await expect(page.getByTestId('offered-draft').count()).resolves.toBe(1);
    expect(await seriousViolations(page, '[data-testid="offered-drafts"]')).toEqual([]);
    // Taking B's work needs A's own to be saved or gone first.
    await expect(page.getByTestId('take-offered-draft').isDisabled()).resolves.toBe(true);
    await page.getByTestId('discard-offered-draft').click();
    await expect(page.getByTestId('offered-drafts').count()).resolves.toBe(0);
    expect([...errors, ...otherErrors]).toEqual([]);
  });

  it('keeps the undo history across a reload', async () => {
    await savedDraft();
    await open(page);
    const steps = await nodes(page);
    await page.getByTestId('add-step').click();
    await page.getByTestId('add-step').click();
    await expect.poll(() => nodes(page)).toBe(steps + 2);
    await page.reload();
    await page.getByTestId('rf__node-intake-assessment').waitFor();
    await expect.poll(() => nodes(page)).toBe(steps + 2);
    await expect(page.getByTestId('undo').isDisabled()).resolves.toBe(false);
    await page.getByTestId('undo').click();
    await expect.poll(() => nodes(page)).toBe(steps + 1);
    await page.getByTestId('undo').click();
    await expect.poll(() => nodes(page)).toBe(steps);
    expect(errors).toEqual([]);
  });

  it('shows a save conflict as the other change, per part, and saves the merge', async () => {
    await savedDraft();
    await open(page);
    const steps = await nodes(page);
    await page.getByTestId('add-step').click();
    // Meanwhile someone else retitles the pathway on disk.
    const onDisk = parsePathway(await readFile(file('1.4.0'), 'utf8'), '1.4.0.yaml');
    await writeFile(
      file('1.4.0'),
      printPathway({ ...onDisk, title: { ...onDisk.title, sv: 'Långvarig smärta (deras titel)' } }),
    );
    await page.getByTestId('save').click();
    await page.getByTestId('show-conflict').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.getByTestId('conflict-title').waitFor();
    await expect(dialog.getByTestId('conflict-title').textContent()).resolves.toContain(
      'deras titel',
    );
    expect(await seriousViolations(page, '[data-testid="conflict-dialog"]')).toEqual([]);
    // Only they changed the title: theirs is offered first. Mine is the new step.
    await expect(dialog.getByTestId('take-theirs-title').isChecked()).resolves.toBe(true);
    await dialog.getByTestId('save-merge').click();
    await expect.poll(() => page.getByTestId('conflict-dialog').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('save-state').getAttribute('data-dirty'))
      .toBe('false');
    const merged = parsePathway(await readFile(file('1.4.0'), 'utf8'), '1.4.0.yaml');
    expect(merged.title.sv).toBe('Långvarig smärta (deras titel)');
    expect(merged.steps.length).toBe(onDisk.steps.length + 1);
    await expect.poll(() => nodes(page)).toBe(steps + 1);
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
  });
});
