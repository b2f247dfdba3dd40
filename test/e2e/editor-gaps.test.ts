/**
 * Issue 18's last gaps in a real browser: the test-patient medication search finds drugs of the
 * terminology table by RxNorm code and says when the pathway cannot compute their MME; logic
 * lint sees through `not` as the author types; a named condition gets a label shown in place
 * of its id; the publish dialog sends the loaded patients file, which the route checks and
 * records by its digest. Each changed panel is checked with axe-core.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/model/hash';
import type { Condition } from '../../engine/model/types';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
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
const fact = (name: string): Locator => page.getByTestId(`patient-fact-${name}`);
const problems = (rule: string): Locator =>
  page.locator(`[data-testid="problems"] [data-rule="${rule}"]`);

/** A saved draft 1.4.0 from 2027-06-01: 1.3.0 with its red-flag alert changed by `when` (or dropped). */
async function draft(when: Condition | null): Promise<void> {
  const base = parsePathway(await readFile(file('1.3.0'), 'utf8'), '1.3.0.yaml');
  const alerts =
    when === null
      ? base.alerts.filter((a) => a.id !== 'red-flag')
      : base.alerts.map((a) => (a.id === 'red-flag' ? { ...a, when } : a));
  const next = {
    ...base,
    version: '1.4.0',
    status: 'draft' as const,
    effective: { from: '2027-06-01' },
    alerts,
  };
  delete next.supersedes;
  await writeFile(file('1.4.0'), printPathway(next));
}

async function open(version: string): Promise<void> {
  await page.goto(`${service.url}/?pathway=chronic-pain&version=${version}`);
  await page.getByTestId('rf__node-intake-assessment').waitFor();
  await page.getByTestId('language').selectOption('sv');
}

async function toPathwayPanel(): Promise<void> {
  await page
    .getByTestId('canvas')
    .locator('.react-flow__pane')
    .click({ position: { x: 5, y: 5 } });
  await page.getByTestId('pathway-panel').waitFor();
}

describe('medication search over the terminology table', () => {
  it('finds a drug by its RxNorm code, fills its ATC code, and says when its MME cannot be computed', async () => {
    await open('1.3.0');
    await page.getByTestId('tab-tests').click();
    await page.getByTestId('test-panel').waitFor();
    await page.getByTestId('scenario-alert-anxiolytic-28-days').locator('button').click();
    await page.getByTestId('patient-editor').waitFor();
    // RxNorm 7052 is morphine (N02AA01) in the table.
    await fact('medications-search').fill('7052');
    const morphine = page.getByTestId('atc-N02AA01');
    await expect.poll(() => morphine.textContent()).toContain('RxNorm 7052');
    await expect(morphine.textContent()).resolves.toContain('opioid');
    await expect(seriousViolations(page, '[data-testid="test-panel"]')).resolves.toEqual([]);
    await morphine.click();
    await expect(fact('medications-1').textContent()).resolves.toContain('N02AA01');
    // Methadone (RxNorm 6813) is an opioid whose MME row has no factor: the form says so.
    await fact('medications-search').fill('6813');
    await expect
      .poll(() => page.getByTestId('atc-N07BC02-caveat').textContent())
      .toContain('ingen MME-faktor');
    await page.getByTestId('atc-N07BC02').click();
    // (Issue 18, third round: the note now says what the engine does, a lower bound, and the
    // drug is named in Swedish.)
    await expect(fact('medications-2-caveat').textContent()).resolves.toContain('nedre gräns');
    await fact('medications-2-dose').fill('30');
    await page.getByLabel('Enhet: metadon N07BC02').selectOption('mg/day');
    await expect.poll(() => page.getByTestId('derived-onOpioid').textContent()).toBe('true');
    await expect(seriousViolations(page, '[data-testid="test-panel"]')).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('logic lint through not, as you type', () => {
  it('flags "> 6 months and not > 3 months", and the problem goes once the value leaves room', async () => {
    await draft({
      all: [
        { fact: 'painDurationMonths', operator: 'greaterThan', value: 6 },
        { not: { fact: 'painDurationMonths', operator: 'greaterThan', value: 3 } },
      ],
    });
    await open('1.4.0');
    await toPathwayPanel();
    await page.getByTestId('alert-red-flag').click();
    await page.getByTestId('alert-panel').waitFor();
    await page.getByTestId('tab-problems').click();
    await expect.poll(() => problems('unsatisfiable-condition').count()).toBe(1);
    const value = page.getByTestId('alerts[0].when.all[1].not.value');
    await value.fill('9');
    await value.press('Tab');
    await expect.poll(() => problems('unsatisfiable-condition').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('named condition label', () => {
  it('is edited in sv/da/en and shown in place of the id', async () => {
    await draft({ fact: 'redFlags', operator: 'notEmpty', value: true });
    await open('1.4.0');
    await toPathwayPanel();
    await page.getByTestId('named-chronic').click();
    const panel = page.getByTestId('named-panel');
    await panel.waitFor();
    await page.getByTestId('conditions[0].label.sv').fill('Långvarig smärta');
    await expect.poll(() => panel.locator('h2').textContent()).toContain('Långvarig smärta');
    await expect(panel.locator('h2').textContent()).resolves.toContain('chronic');
    await expect(seriousViolations(page, '[data-testid="named-panel"]')).resolves.toEqual([]);
    await toPathwayPanel();
    await expect(page.getByTestId('named-chronic').textContent()).resolves.toContain(
      'Långvarig smärta',
    );
    expect(errors).toEqual([]);
  });
});

describe('publishing with a patients file', () => {
  it('sends the file with the acknowledgement; the route checks it and records it by its digest', async () => {
    await draft(null);
    const cauda = parseScenario(
      await readFile(
        join(service.pathwaysDir, 'chronic-pain', 'scenarios', 'intake-red-flag-cauda-equina.yaml'),
        'utf8',
      ),
    );
    const text = `${JSON.stringify({ id: 'p1', asOf: '2027-07-01', ...cauda.input })}\n`;
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
    await expect.poll(() => dialog.textContent(), { timeout: 60_000 }).toContain('region.ndjson');
    await dialog.getByTestId('ack-scenarios').check();
    await dialog.getByTestId('ack-impact').check();
    await dialog.getByTestId('publish-confirm').click();
    await page.getByTestId('frozen-banner').waitFor({ timeout: 60_000 });
    const published = parsePathway(await readFile(file('1.4.0'), 'utf8'), '1.4.0.yaml');
    expect(published.publication?.patients).toEqual({
      file: 'region.ndjson',
      digest: contentHash(text),
      evaluated: 1,
      differ: 1,
      step: 0,
      alerts: 1,
      unreadable: 0,
    });
    expect(errors).toEqual([]);
  });
});

describe('renaming with test patients', () => {
  it("rewrites the draft's own patient with the saved version and leaves the shared ones; pathway test passes it", async () => {
    await draft({ fact: 'redFlags', operator: 'notEmpty', value: true });
    const scenarios = join(service.pathwaysDir, 'chronic-pain', 'scenarios');
    const cauda = parseScenario(
      await readFile(join(scenarios, 'intake-red-flag-cauda-equina.yaml'), 'utf8'),
    );
    const own = { ...cauda, name: 'own-red-flag', versions: ['1.4.0'] };
    await writeFile(join(scenarios, 'own-red-flag.yaml'), printScenario(own));
    const sharedBefore = await readFile(
      join(scenarios, 'intake-red-flag-cauda-equina.yaml'),
      'utf8',
    );
    await open('1.4.0');
    await toPathwayPanel();
    await page.getByTestId('fact-painDurationMonths').click();
    await page.getByTestId('fact-panel').waitFor();
    await page.getByTestId('rename-fact').click();
    const dialog = page.getByTestId('rename-dialog');
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByTestId('rename-scenarios-rewritten').textContent())
      .toBe('own-red-flag');
    await expect(dialog.getByTestId('rename-scenarios').textContent()).resolves.toContain(
      'intake-red-flag-cauda-equina',
    );
    await expect(dialog.textContent()).resolves.toContain('skrivs om med det nya namnet');
    expect(await seriousViolations(page, '[data-testid="rename-dialog"]')).toEqual([]);
    await page.getByTestId('rename-input').fill('painMonthsTotal');
    await page.getByTestId('confirm-rename').click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByTestId('save').click();
    await expect
      .poll(() => page.getByTestId('save-state').getAttribute('data-dirty'))
      .toBe('false');
    await expect
      .poll(async () => readFile(join(scenarios, 'own-red-flag.yaml'), 'utf8'))
      .toContain('painMonthsTotal: 4');
    expect(await readFile(join(scenarios, 'intake-red-flag-cauda-equina.yaml'), 'utf8')).toBe(
      sharedBefore,
    );
    const io = memoryIo(join(service.pathwaysDir, '..'));
    await main(['test', service.pathwaysDir, '--json'], io);
    const run = JSON.parse(io.stdout.join('\n')) as {
      scenarios: { name: string; version: string; passed: boolean }[];
    };
    expect(run.scenarios.find((r) => r.name === 'own-red-flag')).toMatchObject({
      version: '1.4.0',
      passed: true,
    });
    expect(
      run.scenarios.find((r) => r.name === 'intake-red-flag-cauda-equina' && r.version === '1.3.0'),
    ).toMatchObject({ passed: true });
    expect(errors).toEqual([]);
  });
});
