import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { layoutSchema } from '../../engine/model/layout';
import { parsePathway } from '../../engine/yaml/parse';
import { printPathway } from '../../engine/yaml/print';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
// The unload guard asks before leaving with unsaved work; tests that reload accept.
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const node = (id: string): Locator => page.getByTestId(`rf__node-${id}`);
const scenario = (name: string): Locator => page.getByTestId(`scenario-${name}`);
/** The value of the dependence threshold in 1.1.0's global transition to addiction care. */
const dependenceThreshold = (): Locator =>
  page.getByTestId('globalTransitions[1].when.any[1].value');
/** The value of the age limit in the first global transition since 1.2.0 (children leave the pathway). */
const ageLimit = (): Locator => page.getByTestId('globalTransitions[0].when.value');

async function open(version: string): Promise<void> {
  await page.goto(`${service.url}/?pathway=chronic-pain&version=${version}`);
  await node('intake-assessment').waitFor();
}

/** Opens the latest version, 1.3.0, and starts version 1.4.0 from it, as a clinical lead would. */
async function newDraft(): Promise<void> {
  await open('1.3.0');
  await page.getByTestId('new-version').click();
  await page.getByTestId('new-draft-banner').waitFor();
  await page.waitForURL(/version=1\.4\.0/);
}

async function selectGlobalTransition(index: number): Promise<void> {
  await page.getByTestId(`edge-label-g:${index}`).click();
  await page.getByTestId('transition-panel').waitFor();
}

async function openTests(): Promise<void> {
  await page.getByTestId('tab-tests').click();
  await page.getByTestId('test-panel').waitFor();
}

describe('the pathway editor in a real browser', () => {
  it('opens the chronic pain pathway from the list and draws each step as a node named by its step id', async () => {
    await page.goto(service.url);
    await page.getByTestId('open-chronic-pain-1.1.0').click();
    await node('intake-assessment').waitFor();
    expect(page.url()).toContain('?pathway=chronic-pain&version=1.1.0');
    const source = await readFile(join(service.pathwaysDir, 'chronic-pain', '1.1.0.yaml'), 'utf8');
    for (const step of parsePathway(source).steps)
      await expect(node(step.id).count()).resolves.toBe(1);
    await expect(page.getByTestId('edge-label-g:0').textContent()).resolves.toMatch(
      /varningsflaggor/i,
    );
    await expect(
      page.locator('[data-testid="rf__node-specialist-mmr"] .step-node').getAttribute('data-level'),
    ).resolves.toBe('specialist-care');
    expect(errors).toEqual([]);
  });

  it('opens an active version read-only with a clear banner, and refuses edits', async () => {
    await open('1.1.0');
    await expect(page.getByTestId('frozen-banner').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('save').isDisabled()).resolves.toBe(true);
    await node('follow-up').click();
    await expect(page.getByTestId('step-level').isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Delete');
    await expect(node('follow-up').count()).resolves.toBe(1);
    await selectGlobalTransition(1);
    await expect(dependenceThreshold().isDisabled()).resolves.toBe(true);
  });

  it('runs a scenario and highlights its walk, final step, alerts and explanation on the canvas', async () => {
    await open('1.1.0');
    await openTests();
    await expect
      .poll(() => scenario('global-dependence-3-criteria').getAttribute('data-status'))
      .toBe('pass');
    await scenario('global-dependence-3-criteria').locator('button').click();
    await page.getByTestId('scenario-details').waitFor();
    await expect(page.getByTestId('result-step').textContent()).resolves.toContain(
      'substance-use-care',
    );
    await expect(
      page
        .locator('[data-testid="rf__node-substance-use-care"] .step-node')
        .getAttribute('data-final'),
    ).resolves.toBe('true');
    await expect(page.getByTestId('edge-label-g:1').getAttribute('data-taken')).resolves.toBe(
      'true',
    );
    await expect(page.getByTestId('edge-label-g:0').getAttribute('data-taken')).resolves.toBe(
      'false',
    );
    await expect(page.getByTestId('result-explanation').textContent()).resolves.toMatch(
      /Beroendevård/,
    );
  });

  it('starts a new version, edits a threshold and sees a scenario flip from pass to fail and back with undo', async () => {
    await newDraft();
    await openTests();
    await expect.poll(() => scenario('v12-age-18-stays').getAttribute('data-status')).toBe('pass');
    await selectGlobalTransition(0);
    await ageLimit().fill('19');
    await expect.poll(() => scenario('v12-age-18-stays').getAttribute('data-status')).toBe('fail');
    await expect(page.getByTestId('edge-label-g:0').getAttribute('title')).resolves.toContain(
      '< 19',
    );
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => scenario('v12-age-18-stays').getAttribute('data-status')).toBe('pass');
    await expect(page.getByTestId('edge-label-g:0').getAttribute('title')).resolves.toContain(
      '< 18',
    );
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => scenario('v12-age-18-stays').getAttribute('data-status')).toBe('fail');
    expect(errors).toEqual([]);
  });

  it('saves the draft as a canonical file with its layout, and after a reload shows what was saved', async () => {
    await newDraft();
    await selectGlobalTransition(0);
    await ageLimit().fill('20');
    const box = await node('follow-up').boundingBox();
    if (box === null) throw new Error('follow-up is not on screen');
    // From the node's centre: at fit-to-view a node may be smaller than any fixed offset.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 50, box.y + box.height / 2 + 80, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Sparat');

    const file = join(service.pathwaysDir, 'chronic-pain', '1.4.0.yaml');
    const text = await readFile(file, 'utf8');
    const saved = parsePathway(text);
    expect(text).toBe(printPathway(saved));
    expect(saved).toMatchObject({ version: '1.4.0', status: 'draft' });
    expect(saved.globalTransitions[0]?.when).toEqual({
      fact: 'age',
      operator: 'lessThan',
      value: 20,
    });
    const layout = layoutSchema.parse(
      JSON.parse(
        await readFile(join(service.pathwaysDir, 'chronic-pain', '1.4.0.layout.json'), 'utf8'),
      ),
    );
    const before = layoutSchema.parse(
      JSON.parse(
        await readFile(join(service.pathwaysDir, 'chronic-pain', '1.3.0.layout.json'), 'utf8'),
      ),
    );
    expect(layout.nodes['follow-up']).not.toEqual(before.nodes['follow-up']);
    expect(layout.nodes['intake-assessment']).toEqual(before.nodes['intake-assessment']);

    await page.reload();
    await node('intake-assessment').waitFor();
    await expect(page.getByTestId('new-draft-banner').count()).resolves.toBe(0);
    await expect(page.getByTestId('save-state').getAttribute('data-dirty')).resolves.toBe('false');
    await expect(page.getByTestId('edge-label-g:0').getAttribute('title')).resolves.toContain(
      '< 20',
    );
    expect(errors).toEqual([]);
  });

  it('keeps unsaved changes across a reload, and says when the file changed on disk before saving', async () => {
    await newDraft();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Sparat');
    await selectGlobalTransition(0);
    await ageLimit().fill('21');
    await page.waitForTimeout(200);
    await page.reload();
    await node('intake-assessment').waitFor();
    await page.getByTestId('notice').waitFor();
    await expect(page.getByTestId('edge-label-g:0').getAttribute('title')).resolves.toContain(
      '< 21',
    );
    await expect(page.getByTestId('save-state').getAttribute('data-dirty')).resolves.toBe('true');

    const file = join(service.pathwaysDir, 'chronic-pain', '1.4.0.yaml');
    const onDisk = parsePathway(await readFile(file, 'utf8'));
    await writeFile(
      file,
      printPathway({ ...onDisk, title: { ...onDisk.title, en: 'Changed by someone else' } }),
    );
    await page.getByTestId('save').click();
    await page.getByTestId('save-error').waitFor();
    await expect(page.getByTestId('save-error').textContent()).resolves.toMatch(/ändrats på disk/);
    expect(parsePathway(await readFile(file, 'utf8')).title.en).toBe('Changed by someone else');
  });

  it('shows a broken JSON condition as an error without changing the pathway', async () => {
    await newDraft();
    await openTests();
    await selectGlobalTransition(1);
    const label = await page.getByTestId('edge-label-g:1').getAttribute('title');
    await page.getByTestId('condition-tab-json').click();
    const editor = page.locator('[data-testid="condition-json"] .monaco-editor');
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('{ "any": [ { "fact": "dependenceCriteriaCount", ');
    await page.getByTestId('json-error').waitFor();
    await page.getByTestId('tab-problems').click();
    await expect(page.locator('[data-rule="invalid-json"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('edge-label-g:1').getAttribute('title')).resolves.toBe(label);
    await expect(page.getByTestId('undo').isDisabled()).resolves.toBe(true);

    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(
      '{ "fact": "dependenceCriteriaCount", "operator": "greaterThanInclusive", "value": 2 }',
    );
    await expect.poll(() => page.getByTestId('json-error').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('edge-label-g:1').getAttribute('title'))
      .toContain('≥ 2');
    await expect(page.locator('[data-rule="invalid-json"]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('adds, renames, connects and deletes a step, with undo, in either interface language', async () => {
    await newDraft();
    await page.getByTestId('language').selectOption('en');
    await expect(page.getByTestId('save').textContent()).resolves.toBe('Save');
    await page.getByTestId('add-step').click();
    await node('new-step').waitFor();
    await page.getByTestId('step-id').fill('pain-school');
    await page.getByTestId('step-id').press('Enter');
    await node('pain-school').waitFor();
    await page.locator('select[aria-label="To step"]').selectOption('pathway-exit');
    await page.getByRole('button', { name: 'Add transition' }).click();
    await page.getByTestId('transition-panel').waitFor();
    await expect(page.getByTestId('edge-label-t:pain-school:0').count()).resolves.toBe(1);
    await node('pain-school').click();
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await node('pain-school').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node('pain-school').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await node('pain-school').waitFor();
    expect(errors).toEqual([]);
  });

  it('adds an alert that the next scenario run raises, refuses a taken name, and shows a removed fact still in use', async () => {
    await newDraft();
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('pathway-panel').waitFor();
    // A taken id is refused as it is typed.
    await page.getByTestId('add-alert-name').fill('red-flag');
    await expect(page.getByTestId('add-alert-error').textContent()).resolves.toMatch(/taken/);
    await expect(page.getByTestId('add-alert-submit').isDisabled()).resolves.toBe(true);
    // A new alert starts never true (issue 18); "Write the condition" gives it a first
    // comparison to edit: highDailyLifeImpact = yes.
    await page.getByTestId('add-alert-name').fill('sleep-check');
    await page.getByTestId('add-alert-choice').selectOption('info');
    await page.getByTestId('add-alert-submit').click();
    await page.getByTestId('alert-panel').waitFor();
    await expect(page.getByTestId('alert-panel').textContent()).resolves.toContain('sleep-check');
    await page.getByTestId('write-condition').click();
    // Lint speaks at once: the new message has no Danish text yet.
    await expect(
      page.locator('[data-testid="problems"] [data-rule="missing-text"]').count(),
    ).resolves.toBeGreaterThan(0);
    await openTests();
    await scenario('alert-anxiolytic-28-days').locator('button').click();
    await expect
      .poll(() => page.getByTestId('result-alerts').textContent())
      .toContain('sleep-check (information)');

    // Removing a fact that conditions still use lists every use as unknown-fact; undo restores it.
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.getByTestId('fact-highDailyLifeImpact').click();
    await page.getByTestId('remove-fact').click();
    await page.getByTestId('tab-problems').click();
    const unknown = page.locator('[data-testid="problems"] [data-rule="unknown-fact"]');
    await expect.poll(() => unknown.count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => unknown.count()).toBe(0);
    await expect(page.getByTestId('alert-item-sleep-check').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });
});
