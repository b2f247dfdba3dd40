import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parsePathway } from '../../engine/yaml/parse';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const node = (id: string): Locator => page.getByTestId(`rf__node-${id}`);

/** Opens a version of chronic-pain with the interface in `language`. */
async function open(version: string, language: 'sv' | 'da' | 'en' = 'en'): Promise<void> {
  await page.goto(`${service.url}/?pathway=chronic-pain&version=${version}`);
  await node('intake-assessment').waitFor();
  await page.getByTestId('language').selectOption(language);
}

/** Starts 1.4.0 from 1.3.0 (every stored version is frozen), as a clinical lead would. */
async function newDraft(): Promise<void> {
  await open('1.3.0');
  await page.getByTestId('new-version').click();
  await page.getByTestId('new-draft-banner').waitFor();
  await page.waitForURL(/version=1\.4\.0/);
}

async function save(): Promise<string> {
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.getByTestId('save-state').getAttribute('data-dirty')).toBe('false');
  return readFile(join(service.pathwaysDir, 'chronic-pain', '1.4.0.yaml'), 'utf8');
}

describe('the alerts and follow-ups side list', () => {
  it('lists every alert and follow-up, and a click opens it and selects its step on the canvas', async () => {
    await open('1.3.0');
    const source = parsePathway(
      await readFile(join(service.pathwaysDir, 'chronic-pain', '1.3.0.yaml'), 'utf8'),
    );
    const list = page.getByTestId('side-list');
    await list.waitFor();
    for (const alert of source.alerts)
      await expect(list.getByTestId(`side-alert-${alert.id}`).count()).resolves.toBe(1);
    await expect(list.getByTestId('side-follow-up-opioid-review').count()).resolves.toBe(1);
    await expect(list.getByTestId('side-follow-up-pcm-6-weeks').textContent()).resolves.toMatch(
      /after 6 weeks/,
    );

    // A step's follow-up: its line focuses the step on the canvas (keyboard-entry.test.ts);
    // the button beside it selects the step and opens the follow-up's form in the panel.
    await list.getByTestId('side-follow-up-pcm-12-weeks-edit').click();
    await page.getByTestId('step-panel').waitFor();
    await expect
      .poll(() => node('primary-care-management').locator('.step-node').getAttribute('class'))
      .toMatch(/is-selected/);
    await expect(
      page.getByTestId('follow-up-pcm-12-weeks').evaluate((d) => (d as HTMLDetailsElement).open),
    ).resolves.toBe(true);
    await expect(
      list.getByTestId('side-follow-up-pcm-12-weeks').getAttribute('aria-current'),
    ).resolves.toBe('true');
    // Another follow-up of the step already shown opens too.
    await list.getByTestId('side-follow-up-pcm-6-weeks-edit').click();
    await expect
      .poll(() =>
        page.getByTestId('follow-up-pcm-6-weeks').evaluate((d) => (d as HTMLDetailsElement).open),
      )
      .toBe(true);

    // An alert opens its own panel; a pathway-level follow-up the pathway panel at it.
    await list.getByTestId('side-alert-red-flag').click();
    await page.getByTestId('alert-panel').waitFor();
    // An alert about one step links to it on the canvas.
    await list
      .getByTestId('side-alert-specialist-assessment-overdue-step-specialist-pain-assessment')
      .click();
    await expect
      .poll(() => node('specialist-pain-assessment').locator('.step-node').getAttribute('class'))
      .toMatch(/is-selected/);
    await list.getByTestId('side-follow-up-opioid-review').click();
    await page.getByTestId('pathway-panel').waitFor();
    await expect(
      page.getByTestId('follow-up-opioid-review').evaluate((d) => (d as HTMLDetailsElement).open),
    ).resolves.toBe(true);

    await expect(seriousViolations(page, '[data-testid="side-list"]')).resolves.toEqual([]);
    await expect(seriousViolations(page, '[data-testid="pathway-follow-ups"]')).resolves.toEqual(
      [],
    );
    expect(errors).toEqual([]);
  });

  it('speaks the interface language and folds away, remembering the choice', async () => {
    await open('1.3.0', 'da');
    const list = page.getByTestId('side-list');
    await expect(list.getAttribute('aria-label')).resolves.toBe('Alarmer og opfølgninger');
    await expect(list.getByTestId('side-follow-up-pcm-6-weeks').textContent()).resolves.toMatch(
      /efter 6 uger/,
    );
    await page.getByTestId('side-list-toggle').click();
    await expect(list.getByTestId('side-alert-red-flag').count()).resolves.toBe(0);
    await page.reload();
    await node('intake-assessment').waitFor();
    await expect(page.getByTestId('side-list-toggle').getAttribute('aria-expanded')).resolves.toBe(
      'false',
    );
    await expect(seriousViolations(page, '[data-testid="side-list"]')).resolves.toEqual([]);
  });
});

describe('search (Ctrl+K)', () => {
  it('finds by title and id with the keyboard alone, opens the result and gives focus back on Esc', async () => {
    await open('1.3.0');
    await page.getByTestId('rf__node-intake-assessment').click();
    await page.keyboard.press('Control+k');
    const dialog = page.getByTestId('search-dialog');
    await dialog.waitFor();
    const input = page.getByTestId('search-input');
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(input.getAttribute('role')).resolves.toBe('combobox');
    // Modal: the editor behind is inert until the dialog closes.
    await expect(page.locator('#root').getAttribute('inert')).resolves.toBe('');

    // A fact by its title in the interface language.
    await page.keyboard.type('opioid');
    const options = page.getByTestId('search-results').getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(3);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    const first = await options.nth(0).getAttribute('id');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(first);
    await page.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(
      await options.nth(1).getAttribute('id'),
    );
    await expect(seriousViolations(page, '[data-testid="search-dialog"]')).resolves.toEqual([]);

    // A follow-up by its id: Enter opens its step, selected and with the form open.
    await input.fill('pcm-12');
    await expect.poll(() => options.count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect(dialog.count()).resolves.toBe(0);
    await page.getByTestId('follow-up-pcm-12-weeks').waitFor();
    await expect
      .poll(() => node('primary-care-management').locator('.step-node').getAttribute('class'))
      .toMatch(/is-selected/);

    // A step by a word of its title: Enter selects it and moves focus to its node.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('specialist');
    await expect
      .poll(() => options.nth(0).getAttribute('data-testid'))
      .toMatch(/^search-result-step-/);
    const stepId = ((await options.nth(0).getAttribute('data-testid')) ?? '').replace(
      'search-result-step-',
      '',
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')))
      .toBe(stepId);

    // Esc closes without opening anything and gives focus back.
    await page.getByTestId('search-open').focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.type('zzzz-nothing');
    await expect(page.getByTestId('search-count').textContent()).resolves.toBe('No matches');
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    await expect(
      page.getByTestId('search-open').evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('editing follow-ups', () => {
  it('changes a step follow-up from weeks to months and adds a condition, saved as canonical YAML', async () => {
    await newDraft();
    await node('primary-care-management').click();
    const form = page.getByTestId('follow-up-pcm-12-weeks');
    await form.locator('summary').click();
    await page.getByTestId('follow-up-pcm-12-weeks-unit').selectOption('months');
    await page.getByTestId('follow-up-pcm-12-weeks-amount').fill('3');
    // The follow-up form itself (the condition editor it then holds is the transitions' own).
    await expect(seriousViolations(page, '[data-testid="step-follow-ups"]')).resolves.toEqual([]);
    await page.getByTestId('follow-up-pcm-12-weeks-add-appliesWhen').click();
    await form.getByTestId('condition-tab-form').first().waitFor();
    // The side list follows the document at once.
    await expect(page.getByTestId('side-follow-up-pcm-12-weeks').textContent()).resolves.toMatch(
      /after 3 months/,
    );
    // In a draft, opening a follow-up's fields from the list puts the focus in its form.
    await page.getByTestId('side-follow-up-pcm-6-weeks-edit').click();
    await expect
      .poll(() =>
        page
          .getByTestId('follow-up-pcm-6-weeks')
          .evaluate((d) => (d as HTMLDetailsElement).open && d.contains(document.activeElement)),
      )
      .toBe(true);
    const yaml = await save();
    const saved = parsePathway(yaml);
    const step = saved.steps.find((s) => s.id === 'primary-care-management');
    const followUp = step?.followUps.find((f) => f.id === 'pcm-12-weeks');
    expect(followUp?.at).toEqual({ months: 3 });
    expect(followUp?.appliesWhen).toBeDefined();
    expect(yaml).toContain('months: 3');
    expect(errors).toEqual([]);
  });

  it('adds and edits a pathway-level follow-up, which the side list then shows', async () => {
    await newDraft();
    await page.getByTestId('pathway-follow-ups-add').click();
    const form = page.getByTestId('follow-up-follow-up-1');
    await form.waitFor();
    await expect(form.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await form.getByTestId('followUps[1].title.en').fill('Yearly review');
    await page.getByTestId('follow-up-follow-up-1-unit').selectOption('months');
    await page.getByTestId('follow-up-follow-up-1-amount').fill('12');
    await expect(page.getByTestId('side-follow-up-follow-up-1').textContent()).resolves.toMatch(
      /Yearly review.*after 12 months/,
    );
    const saved = parsePathway(await save());
    expect(saved.followUps[1]).toMatchObject({
      id: 'follow-up-1',
      title: { en: 'Yearly review' },
      at: { months: 12 },
    });
    expect(saved.followUps[1]?.dueWhen).toBeDefined();
    // Removing it removes it from the file too.
    await page.getByTestId('follow-up-follow-up-1-remove').click();
    expect(parsePathway(await save()).followUps.map((f) => f.id)).toEqual(['opioid-review']);
    expect(errors).toEqual([]);
  });
});

describe('export and print', () => {
  it('downloads the canvas as SVG and PNG', async () => {
    await open('1.3.0');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    expect(svg.suggestedFilename()).toBe('chronic-pain-1.3.0.svg');
    const svgText = await readFile((await svg.path()) ?? '', 'utf8');
    expect(svgText.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svgText).toContain('data-step="intake-assessment"');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    expect(png.suggestedFilename()).toBe('chronic-pain-1.3.0.png');
    const bytes = await readFile((await png.path()) ?? '');
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });

  it('shows the whole pathway as a printable page that alone is printed', async () => {
    await open('1.3.0', 'sv');
    const source = parsePathway(
      await readFile(join(service.pathwaysDir, 'chronic-pain', '1.3.0.yaml'), 'utf8'),
    );
    await page.getByTestId('export-print').click();
    const printPage = page.getByTestId('print-page');
    await printPage.waitFor();
    // A modal page: focus on its close button, the editor behind inert.
    await expect(
      page.getByTestId('print-close').evaluate((b) => b === document.activeElement),
    ).resolves.toBe(true);
    await expect(page.locator('#root').getAttribute('inert')).resolves.toBe('');
    await expect(page.locator('#print-title').textContent()).resolves.toBe(source.title.sv);
    for (const step of source.steps)
      await expect(printPage.getByTestId(`print-step-${step.id}`).count()).resolves.toBe(1);
    // The entry step comes first; criteria are in words, with references and dates.
    await expect(
      printPage.locator('.print-step').first().getAttribute('data-testid'),
    ).resolves.toBe(`print-step-${source.entryStep}`);
    const text = (await printPage.textContent()) ?? '';
    expect(text).toContain(`Gäller från ${source.effective.from}`);
    expect(text).toContain('Den första regel som är uppfylld gäller.');
    for (const reference of source.references) expect(text).toContain(reference.title);
    await expect(
      printPage
        .getByTestId('print-figure')
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).resolves.toBeGreaterThan(100);
    await expect(seriousViolations(page, '[data-testid="print-page"]')).resolves.toEqual([]);

    // Print media: the page is printed without the editor behind it or its own buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print-now').isVisible()).resolves.toBe(false);
    await expect(printPage.getByTestId(`print-step-${source.entryStep}`).isVisible()).resolves.toBe(
      true,
    );
    await page.emulateMedia({ media: 'screen' });

    await page.keyboard.press('Escape');
    await expect(printPage.count()).resolves.toBe(0);
    await expect(page.locator('#root').getAttribute('inert')).resolves.toBeNull();
    await expect(
      page.getByTestId('export-print').evaluate((b) => b === document.activeElement),
    ).resolves.toBe(true);
    await expect(page.locator('.app').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });
});
