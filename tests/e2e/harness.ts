import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createCore } from '../../electron/core/core';
import type { Core } from '../../electron/core/types';
import { MIN_LOG_N } from '../../electron/keys/wrap';

export const CHROMIUM = '/usr/bin/chromium';
const RENDERER = 'out/renderer';

/**
 * Browser tests need Debian's Chromium, poppler's pdftotext (to read exported PDFs) and the built renderer. Without them the
 * suite is skipped loudly on a developer machine and fails under CI=true.
 */
export function e2eAvailable(): boolean {
  const missing = [
    !existsSync(CHROMIUM) && `${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`,
    spawnSync('pdftotext', ['-v']).error !== undefined && 'pdftotext (apt-get install poppler-utils)',
    !existsSync(`${RENDERER}/index.html`) && `${RENDERER} (npm run build:renderer)`,
  ].filter(Boolean);
  if (missing.length === 0) return true;
  const msg = `browser e2e cannot run, missing: ${missing.join(', ')}`;
  if (process.env.CI) throw new Error(msg);
  console.warn(`\n*** SKIPPING browser e2e tests: ${msg}\n`);
  return false;
}

export interface E2eApp {
  core: Core;
  bridge: Bridge;
  browser: Browser;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/** The one ceiling for Playwright's waits; no test sets a shorter one of its own. */
export const E2E_WAIT_MS = 60_000;

/** rc-motion marks an element with these classes while antd animates it in or out. */
const IN_MOTION = '[class*="-appear"], [class*="-enter"], [class*="-leave"]';

/** Waits until no antd open or close animation is running on the page (a click during one can go unheard). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction((selector) => !document.querySelector(selector), IN_MOTION);
}

/**
 * Waits until every modal is gone from the page. Closing one dialog from another (a prompt over the
 * paper-entry grid) leaves two wraps for a moment, and a single-element wait on them fails at once
 * on Playwright's strict mode instead of waiting.
 */
export async function modalsGone(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-modal-wrap'), undefined, { timeout: E2E_WAIT_MS });
}

/**
 * A real core on a fresh temp archive (or on `dataDir`, which is then left in place), the bridge
 * serving the built renderer, and a Chromium page.
 */
export async function startApp(opts: { dataDir?: string; viewport?: { width: number; height: number } } = {}): Promise<E2eApp> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'counselroom-e2e-'));
  const core = createCore({ dataDir, kdfLogN: MIN_LOG_N });
  const bridge = await startBridge({ core, rendererDir: RENDERER });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  // Reduced motion, which the app honours by turning antd's animations off (as it does for anyone who
  // asks for it): a click or key press during an opening animation can go unheard, and the suite
  // must give the same answer however busy the machine is.
  const context = await browser.newContext({ locale: 'zh-CN', viewport: opts.viewport ?? { width: 1366, height: 860 }, timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
  // Every wait is for a condition, so a long ceiling costs nothing on an idle machine and spares a busy one.
  context.setDefaultTimeout(E2E_WAIT_MS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(bridge.launchUrl);
  return {
    core,
    bridge,
    browser,
    page,
    dataDir,
    close: async () => {
      await browser.close();
      await bridge.close();
      await core.shutdown();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    },
  };
}
