/**
 * Issue 18's third-round gaps in a real browser: a test patient shared by the draft and a
 * frozen version is split by a rename (said in the dialog, shown in the test panel at once as
 * an unsaved copy that passes against the draft, saved as two files that `pathway test`
 * passes); the publish dialog takes a patients file over 1 MiB; the medication search shows
 * Swedish names and finds a drug by its name in any language, with the engine's own MME note.
 * Each new or changed panel is checked with axe-core.
 */
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import { contentHash } from '../../engine/model/hash';
import type { Scenario } from '../../engine/model/types';
import { parsePathway, parseScenario } from '../../engine/yaml/parse';
import { printPathway, printScenario } from '../../engine/yaml/print';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const file = (version: string): string =>
  join(service.pathwaysDir, 'chronic-pain', `${version}.yaml`);
const scenarioFile = (name: string): string =>
  join(service.pathwaysDir, 'chronic-pain', 'scenarios', `${name}.yaml`);
const fact = (name: string): Locator => page.getByTestId(`patient-fact-${name}`);

/** A saved draft 1.4.0 from 2027-06-01: 1.3.0 as it is (or without its red-flag alert). */
async function draft(dropRedFlag = false): Promise<void> {
  const base = parsePathway(await readFile(file('1.3.0'), 'utf8'), '1.3.0.yaml');
  const next = {
    ...base,
    version: '1.4.0',
    status: 'draft' as const,
    effective: { from: '2027-06-01' },
    alerts: dropRedFlag ? base.alerts.filter((a) => a.id !== 'red-flag') : base.alerts,
  };
  delete next.supersedes;
  await writeFile(file('1.4.0'), printPathway(next));
}

async function open(version: string, language: 'sv' | 'da' | 'en' = 'sv'): Promise<void> {
  await page.goto(`${service.url}/?pathway=chronic-pain&version=${version}`);
  await page.getByTestId('rf__node-intake-assessment').waitFor();
  await page.getByTestId('language').selectOption(language);
}

/** A patient of 1.3.0 and the draft 1.4.0 alike, checking for 1.4.0 what it checks for 1.3.0. */
function sharedGain(gain: Scenario): Scenario {
  const own = gain.expectByVersion?.['1.3.0'];
  return {
    ...gain,
    name: 'shared-gain',
    versions: ['1.3.0', '1.4.0'],
    ...(own === undefined ? {} : { expectByVersion: { '1.3.0': own, '1.4.0': own } }),
  };
}

/** `pathway test --json` over the service's folder: pass/fail by `name@version`. */
async function pathwayTest(): Promise<Map<string, boolean>> {
  const io = memoryIo(service.pathwaysDir);
  await main(['test', service.pathwaysDir, '--json'], io);
  const out = JSON.parse(io.stdout.join('\n')) as {
    scenarios: { name: string; version: string; passed: boolean }[];
  };
  return new Map(out.scenarios.map((s) => [`${s.name}@${s.version}`, s.passed]));
}

describe('renaming with a patient shared by the draft and a frozen version', () => {
  it('splits it: the dialog says so, the copy runs at once against the draft, the save writes both files', async () => {
    await draft();
    const gain = parseScenario(
      await readFile(scenarioFile('early-intervention-self-efficacy-gain'), 'utf8'),
    );
    await writeFile(scenarioFile('shared-gain'), printScenario(sharedGain(gain)));
    await open('1.4.0', 'en');
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.getByTestId('fact-pseqGain').click();
    await page.getByTestId('fact-panel').waitFor();
    await page.getByTestId('rename-fact').click();
    const dialog = page.getByTestId('rename-dialog');
    await dialog.waitFor();
    await page.getByTestId('rename-input').fill('pseqImprovement');
    const split = page.getByRole('checkbox', {
      name: /Split the test patient that also applies to other versions: version 1\.4\.0 gets its own copy/,
    });
    await expect(split.count()).resolves.toBe(1);
    await split.focus();
    await page.keyboard.press('Space');
    await expect(split.isChecked()).resolves.toBe(true);
    expect(await seriousViolations(page, '[data-testid="rename-dialog"]')).toEqual([]);
    await page.getByTestId('confirm-rename').click();
    await expect.poll(() => dialog.count()).toBe(0);

    // Before the save: the copy is listed in place of the original, unsaved, and passes.
    await page.getByTestId('tab-tests').click();
    const row = page.getByTestId('scenario-shared-gain');
    await expect.poll(() => row.getByTestId('unsaved-copy').count()).toBe(1);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('pass');
    await expect(
      row.getByRole('button', { name: 'Take back the copy of shared-gain' }).count(),
    ).resolves.toBe(1);
    expect(await seriousViolations(page, '[data-testid="test-panel"]')).toEqual([]);
    expect(await readFile(scenarioFile('shared-gain'), 'utf8')).toContain('1.4.0');

    await page.getByTestId('save').click();
    const copied = scenarioFile('shared-gain-1-4-0');
    await expect
      .poll(() => readFile(copied, 'utf8').catch(() => null), { timeout: 15_000 })
      .not.toBeNull();
    const copy = parseScenario(await readFile(copied, 'utf8'));
    expect([copy.name, copy.versions]).toEqual(['shared-gain', ['1.4.0']]);
    expect(JSON.stringify(copy)).toContain('pseqImprovement');
    const original = parseScenario(await readFile(scenarioFile('shared-gain'), 'utf8'));
    expect(original.versions).toEqual(['1.3.0']);
    expect(JSON.stringify(original)).toContain('pseqGain');
    // After the save the copy is an ordinary saved patient.
    await expect.poll(() => row.getByTestId('unsaved-copy').count()).toBe(0);
    const run = await pathwayTest();
    expect(run.get('shared-gain@1.3.0')).toBe(true);
    expect(run.get('shared-gain@1.4.0')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('takes a copy back before the save: the original runs again and nothing is written', async () => {
    await draft();
    const gain = parseScenario(
      await readFile(scenarioFile('early-intervention-self-efficacy-gain'), 'utf8'),
    );
    const sharedText = printScenario(sharedGain(gain));
    await writeFile(scenarioFile('shared-gain'), sharedText);
    await open('1.4.0', 'da');
    await page
      .getByTestId('canvas')
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.getByTestId('fact-pseqGain').click();
    await page.getByTestId('rename-fact').click();
    await page.getByTestId('rename-input').fill('pseqImprovement');
    await page.getByTestId('rename-split-shared').check();
    await page.getByTestId('confirm-rename').click();
    await page.getByTestId('tab-tests').click();
    const row = page.getByTestId('scenario-shared-gain');
    await expect.poll(() => row.getByTestId('unsaved-copy').textContent()).toContain('kopi');
    await row.getByTestId('discard-copy-shared-gain').click();
    await expect.poll(() => row.getByTestId('unsaved-copy').count()).toBe(0);
    await page.getByTestId('save').click();
    await expect
      .poll(() => readFile(file('1.4.0'), 'utf8'), { timeout: 15_000 })
      .toContain('pseqImprovement');
    await expect(readFile(scenarioFile('shared-gain'), 'utf8')).resolves.toBe(sharedText);
    await expect(readFile(scenarioFile('shared-gain-1-4-0'), 'utf8')).rejects.toThrow();
    expect(errors).toEqual([]);
  });
});

describe('publishing with a patients file over 1 MiB', () => {
  it('checks the file in the dialog, sends it, and the route records every patient', async () => {
    await draft(true);
    const cauda = parseScenario(
      await readFile(scenarioFile('intake-red-flag-cauda-equina'), 'utf8'),
    );
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++)
      lines.push(JSON.stringify({ id: `p${i}`, asOf: '2027-07-01', ...cauda.input }));
    const text = `${lines.join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    await open('1.4.0');
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await expect
      .poll(() => dialog.getByTestId('publish-scenarios').textContent(), { timeout: 60_000 })
      .toMatch(/godkända/);
    await dialog.getByTestId('publish-patients-file').setInputFiles({
      name: 'region.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(text),
    });
    await expect
      .poll(() => dialog.getByTestId('impact-summary-file').textContent(), { timeout: 120_000 })
      .toMatch(/av 12\s?000 patienter/);
    expect(await seriousViolations(page, '[data-testid="publish-dialog"]')).toEqual([]);
    await dialog.getByTestId('ack-scenarios').check();
    await dialog.getByTestId('ack-impact').check();
    await dialog.getByTestId('publish-confirm').click();
    await page.getByTestId('frozen-banner').waitFor({ timeout: 120_000 });
    const published = parsePathway(await readFile(file('1.4.0'), 'utf8'), '1.4.0.yaml');
    expect(published.publication?.patients).toMatchObject({
      file: 'region.ndjson',
      digest: contentHash(text),
      evaluated: 12_000,
      differ: 12_000,
    });
    expect(errors).toEqual([]);
  }, 240_000);
  it("refuses a file over the publish limit before sending it, in the author's language", async () => {
    await draft(true);
    // Playwright passes files over 50 MB by path; a sparse file of 65 MiB costs no disk.
    const big = join(service.pathwaysDir, '..', 'too-large.ndjson');
    await writeFile(big, '');
    await truncate(big, 65 * 1024 * 1024);
    await open('1.4.0');
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByTestId('publish-patients-file').setInputFiles(big);
    const error = dialog.getByTestId('publish-error');
    await expect
      .poll(() => error.textContent(), { timeout: 60_000 })
      .toBe(
        'Patientfilen är för stor för att skickas med publiceringen (65 MiB): gränsen är 64 MiB. Välj en mindre fil, t.ex. en vårdcentrals patienter.',
      );
    expect(await dialog.getByTestId('impact-summary-file').count()).toBe(0);
    expect(await seriousViolations(page, '[data-testid="publish-dialog"]')).toEqual([]);
  }, 120_000);
});

describe('medication names in the interface language', () => {
  it('shows the Swedish name, finds the drug by its English or Swedish name, and says what its MME does', async () => {
    await open('1.3.0');
    await page.getByTestId('tab-tests').click();
    await page.getByTestId('test-panel').waitFor();
    await page.getByTestId('scenario-alert-anxiolytic-28-days').locator('button').click();
    await page.getByTestId('patient-editor').waitFor();
    const oxycodone = page.getByTestId('atc-N02AA05');
    for (const q of ['oxycodone', 'oxikodon']) {
      await fact('medications-search').fill(q);
      await expect.poll(() => oxycodone.textContent()).toContain('oxikodon');
    }
    // Ketobemidone has no factor in 1.3.0's table: the engine's sum becomes a lower bound.
    await fact('medications-search').fill('N02AB01');
    await expect
      .poll(() => page.getByTestId('atc-N02AB01-caveat').textContent())
      .toContain('nedre gräns');
    await page.getByTestId('language').selectOption('da');
    await fact('medications-search').fill('metadon');
    await expect.poll(() => page.getByTestId('atc-N07BC02').textContent()).toContain('methadon');
    expect(await seriousViolations(page, '[data-testid="test-panel"]')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
