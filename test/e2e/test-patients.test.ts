import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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

const scenario = (name: string): Locator => page.getByTestId(`scenario-${name}`);
const fact = (name: string): Locator => page.getByTestId(`patient-fact-${name}`);
const listed = (): Locator => page.locator('[data-testid="test-panel"] li.scenario');

async function open(version: string): Promise<void> {
  await page.goto(`${service.url}/?pathway=chronic-pain&version=${version}`);
  await page.getByTestId('rf__node-intake-assessment').waitFor();
  await page.getByTestId('tab-tests').click();
  await page.getByTestId('test-panel').waitFor();
}

/** Runs `pathway test` on the service's copy of the pathways, as CI would. */
async function pathwayTest(...args: string[]): Promise<{ code: number; out: string }> {
  const io = memoryIo(service.pathwaysDir);
  const code = await main(['test', ...args], io);
  return { code, out: io.stdout.join('\n') };
}

describe('test patients in the editor', () => {
  it('saves a new patient of a draft only once the draft is saved, keeps the inherited patients (copied, never saved over), and pathway test runs it', async () => {
    await open('1.3.0');
    await page.getByTestId('new-version').click();
    await page.getByTestId('new-draft-banner').waitFor();
    await page.waitForURL(/version=1\.4\.0/);
    await expect.poll(() => page.getByTestId('test-summary').textContent()).toMatch(/[1-9]\d* /);
    const inherited = await listed().count();
    expect(inherited).toBeGreaterThan(90);

    await page.getByTestId('new-patient').click();
    await page.getByTestId('patient-editor').waitFor();
    await expect(axeOf('[data-testid="test-panel"]')).resolves.toEqual([]);
    // Nothing is saved silently: no name, no chosen step, and a version not on disk yet.
    await page.getByTestId('save-patient').click();
    await page.getByTestId('patient-name-error').waitFor();
    await page.getByTestId('expect-step-error').waitFor();
    await expect(page.getByTestId('patient-version-error').textContent()).resolves.toMatch(
      /1\.4\.0/,
    );

    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Sparat');
    await page.getByTestId('patient-name').fill('Ryggsmärta 8 månader');
    await fact('age').fill('45');
    await fact('painDurationMonths').fill('8');
    await fact('highDailyLifeImpact-yes').check();
    await fact('redFlags-known').click();
    await page.getByTestId('expect-step').selectOption('early-intervention');
    await page.getByTestId('save-patient').click();
    await page
      .locator('[data-testid="scenario-ryggsmarta-8-manader"], .patient-editor .error-text')
      .first()
      .waitFor();
    await expect(page.locator('.patient-editor .error-text').allTextContents()).resolves.toEqual(
      [],
    );
    await expect.poll(() => listed().count()).toBe(inherited + 1);

    const file = join(
      service.pathwaysDir,
      'chronic-pain',
      'scenarios',
      'ryggsmarta-8-manader.yaml',
    );
    const saved = parseScenario(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({
      versions: ['1.4.0'],
      input: { facts: { age: 45, painDurationMonths: 8, highDailyLifeImpact: true, redFlags: [] } },
      expect: { step: 'early-intervention' },
    });
    // The inherited patients still run: the summary counts all of them, not just the new one.
    await expect
      .poll(async () => {
        const text = (await page.getByTestId('test-summary').textContent()) ?? '';
        return [...text.matchAll(/\d+/g)].reduce((n, m) => n + Number(m[0]), 0);
      })
      .toBe(inherited + 1);
    const status = await scenario('ryggsmarta-8-manader').getAttribute('data-status');
    const cli = await pathwayTest(file);
    expect(cli.out).toContain('ryggsmarta-8-manader.yaml');
    expect(cli.code === 0).toBe(status === 'pass');
    expect(cli.out).not.toContain('has no version');

    // An inherited patient is not saved over (that would change the test of 1.3.0): it is copied.
    await scenario('v12-age-18-stays').locator('button').click();
    await page.getByTestId('copy-patient').waitFor();
    await expect(page.getByTestId('save-patient').count()).resolves.toBe(0);
    await page.getByTestId('copy-patient').click();
    await scenario('new').waitFor();
    await expect(page.getByTestId('patient-name').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('expect-step').inputValue()).resolves.not.toBe('');
    expect(errors).toEqual([]);
  });

  it('edits a patient in the form: yes/no/unknown, a range error on its field, medications by ATC search with derived facts read-only, and JSON that round-trips', async () => {
    await open('1.3.0');
    await scenario('alert-anxiolytic-28-days').locator('button').click();
    await page.getByTestId('patient-editor').waitFor();
    await expect(fact('age').inputValue()).resolves.toBe('55');
    await expect(fact('highDailyLifeImpact-yes').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('patient-as-of').inputValue()).resolves.toBe('2026-03-02');
    await expect(page.getByTestId('derived-anxiolyticDays').textContent()).resolves.toBe('28');

    await fact('hadsAnxiety').fill('30');
    await expect
      .poll(() => page.getByTestId('patient-fact-hadsAnxiety-error').textContent())
      .toMatch(/21/);
    await fact('hadsAnxiety').fill('5');
    await expect.poll(() => page.getByTestId('patient-fact-hadsAnxiety-error').count()).toBe(0);

    await fact('highDailyLifeImpact-unknown').check();
    await fact('medications-search').fill('oxy');
    await page.getByTestId('atc-N02AA05').click();
    await fact('medications-1-dose').fill('40');
    await page.getByLabel('Enhet: oxikodon N02AA05').selectOption('mg/day');
    await expect.poll(() => page.getByTestId('derived-opioidMme').textContent()).toBe('60');
    await expect(page.getByTestId('derived-onOpioid').textContent()).resolves.toBe('true');
    await expect(axeOf('[data-testid="test-panel"]')).resolves.toEqual([]);

    // Through the JSON view and back, the form shows the same patient.
    await page.getByTestId('patient-advanced').check();
    await page.getByTestId('patient-json').waitFor();
    await page.getByTestId('patient-advanced').uncheck();
    await expect(fact('highDailyLifeImpact-unknown').isChecked()).resolves.toBe(true);
    await expect(fact('medications-1-dose').inputValue()).resolves.toBe('40');
    await expect(fact('hadsAnxiety').inputValue()).resolves.toBe('5');

    // The form speaks the interface language: Danish labels from the dictionary and the panel.
    await page.getByTestId('language').selectOption('da');
    await expect(page.locator('label[for="patient-as-of"]').textContent()).resolves.toBe(
      'Vurderingsdato',
    );
    await expect(page.locator('#patient-fact-age-label').textContent()).resolves.toMatch(/^alder/);
    await expect(axeOf('[data-testid="test-panel"]')).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });

  it('runs all, shows on the canvas the coverage pathway test reports, marks what no patient covers, and highlights one walk', async () => {
    await open('1.3.0');
    await page.getByTestId('run-all').click();
    await page.getByTestId('coverage-summary').waitFor();
    const cli = JSON.parse(
      (await pathwayTest('--json', join(service.pathwaysDir, 'chronic-pain'))).out,
    ) as {
      coverage: { version: string; transitions: { covered: string[]; total: number } }[];
    };
    const v13 = cli.coverage.find((c) => c.version === '1.3.0');
    expect(v13).toBeDefined();
    await expect(page.getByTestId('coverage-summary').textContent()).resolves.toContain(
      `${v13?.transitions.covered.length}/${v13?.transitions.total}`,
    );
    // Patients that do not check the step are marked, and counted beside the summary.
    const unchecked = await page.locator('li.scenario[data-checks-step="false"]').count();
    expect(unchecked).toBeGreaterThan(0);
    await expect(page.getByTestId('no-step-count').textContent()).resolves.toContain(
      String(unchecked),
    );
    const labels = await page.locator('[data-testid^="edge-label-"]').count();
    await expect(page.locator('[data-testid^="coverage-edge-"]').count()).resolves.toBe(labels);
    const uncovered = (v13?.transitions.total ?? 0) - (v13?.transitions.covered.length ?? 0);
    expect(await page.locator('.coverage-badge.edge.uncovered').count()).toBe(uncovered);
    await expect(
      page.getByTestId('coverage-node-substance-use-care').getAttribute('data-count'),
    ).resolves.toMatch(/^[1-9]/);

    await scenario('mmr1-completed-to-follow-up').locator('button').click();
    await expect(page.getByTestId('result-step').textContent()).resolves.toContain('follow-up');
    await expect(
      page.locator('[data-testid="rf__node-follow-up"] .step-node').getAttribute('data-final'),
    ).resolves.toBe('true');
    await expect(page.locator('.edge-label[data-taken="true"]').count()).resolves.toBeGreaterThan(
      0,
    );
    await page.getByTestId('show-coverage').uncheck();
    await expect(page.locator('[data-testid^="coverage-edge-"]').count()).resolves.toBe(0);
    await expect(axeOf('[data-testid="test-panel"]')).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });
});

function axeOf(selector: string) {
  return seriousViolations(page, selector);
}
