/**
 * The real service (buildApp) over a temporary copy of pathways/, and Debian's chromium
 * through playwright-core. Tests never write the repository's pathways/.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { buildApp } from '../../engine/http/app';

/** Chromium flags for a headless, offline, quiet browser on a CI machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running service over a throwaway copy of the pathways. */
export interface Service {
  url: string;
  pathwaysDir: string;
  close(): Promise<void>;
}

/** Starts the service on a free port over a fresh copy of `pathways/` (or of `source`). */
export async function startService(source = resolve('pathways')): Promise<Service> {
  const root = await mkdtemp(join(tmpdir(), 'vardprogram-e2e-'));
  const pathwaysDir = join(root, 'pathways');
  await cp(source, pathwaysDir, { recursive: true });
  const app = await buildApp({
    pathwaysDir,
    auditFile: ':memory:',
    editorDir: resolve('dist/editor'),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the service has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    pathwaysDir,
    async close() {
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's chromium (never a downloaded browser). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Collects console errors and page errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** What each browser test gets: a fresh service, a fresh page, and the page's errors. */
export interface BrowserSession {
  service: Service;
  page: Page;
  errors: string[];
}

/**
 * Registers the browser-test lifecycle once for a file: one chromium for the file, and before
 * each test a fresh service over a copy of the pathways and a fresh page (1500×950), handed
 * to `use`; both are closed after the test. With `acceptDialogs`, the unsaved-work guard's
 * dialogs are accepted (tests that reload).
 */
export function useBrowserSession(
  use: (session: BrowserSession) => void,
  options: { acceptDialogs?: boolean } = {},
): void {
  let browser: Browser | undefined;
  let service: Service | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (browser === undefined) throw new Error('chromium did not start');
    service = await startService();
    context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    if (options.acceptDialogs === true) page.on('dialog', (dialog) => void dialog.accept());
    use({ service, page, errors: watchErrors(page) });
  });
  afterEach(async () => {
    await context?.close();
    await service?.close();
  });
}
