/**
 * Start-up of the built renderer (npm run bench:startup): how long after navigation the login
 * screen's first button is there and enabled, in Chromium through the loopback bridge, at full
 * speed and with DevTools CPU throttling 4× (an old room PC); and how much JavaScript the page
 * must load before anything shows (the entry script and its modulepreloads, gzip).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startBridge } from '../electron/bridge/server';
import { createClient } from '../shared/api/client';
import type { CounselClient } from '../shared/api/contract';
import { createCore } from '../electron/core/core';
import { MIN_LOG_N } from '../electron/keys/wrap';

/** STARTUP_RENDERER measures another build (e.g. an older commit's, built with --outDir) the same way. */
const RENDERER = process.env.STARTUP_RENDERER ?? 'out/renderer';
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.STARTUP_RUNS ?? 7);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Every script index.html loads before the app runs: the entry module and what it preloads. */
export function initialScripts(html: string): string[] {
  const refs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)];
  return [...new Set(refs.map((m) => m[1]!.replace(/^\.\//, '')))];
}

function jsSizes(): { initialGzip: number; initialRaw: number; files: string[] } {
  const files = initialScripts(readFileSync(join(RENDERER, 'index.html'), 'utf8'));
  let initialGzip = 0;
  let initialRaw = 0;
  for (const f of files) {
    const body = readFileSync(join(RENDERER, f));
    initialRaw += body.length;
    initialGzip += gzipSync(body, { level: 9 }).length;
  }
  return { initialGzip, initialRaw, files };
}

// Set before any page script runs: notes the moment the login form first has an enabled button.
// A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
const WATCH_LOGIN = `
  const check = () => {
    if (window.__loginReady === undefined && document.querySelector('form button:not([disabled])')) window.__loginReady = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
`;

async function timeLogin(browser: Browser, url: string, throttle: number): Promise<number> {
  // A fresh context per run: nothing cached from the previous one, as after a restart.
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: WATCH_LOGIN });
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as unknown as { __loginReady?: number }).__loginReady, undefined, { timeout: 120_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

async function main() {
  const sizes = jsSizes();
  const dataDir = mkdtempSync(join(tmpdir(), 'counselroom-startup-'));
  const core = createCore({ dataDir, kdfLogN: MIN_LOG_N });
  // Set up through one connection and leave it: the browser's own connection starts at the login screen.
  const conn = core.connect('test');
  const client: CounselClient = createClient((method, input) => conn.call(method, input));
  await client.setup.initialize({
    school: { name: '基准中学', code: '0000000000', stages: ['junior'], enrollment: 1000, district: '基准区', timeZone: 'Asia/Shanghai' },
    counselor: { username: 'startup', displayName: '基准', passphrase: 'correct horse battery staple' },
  });
  await client.auth.logout({});
  const bridge = await startBridge({ core, rendererDir: RENDERER });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    // One warm-up so the first measured run does not also pay for Chromium's own start.
    await timeLogin(browser, bridge.launchUrl, 1);
    const results: [string, string][] = [];
    for (const throttle of [1, 4]) {
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) xs.push(await timeLogin(browser, bridge.launchUrl, throttle));
      results.push([`login interactive, CPU ${throttle}x (median of ${RUNS})`, `${median(xs).toFixed(0)} ms  [${xs.map((x) => x.toFixed(0)).join(', ')}]`]);
    }
    results.push([`initial JS (${sizes.files.length} files)`, `${kb(sizes.initialGzip)} gzip, ${kb(sizes.initialRaw)} raw`]);
    for (const [name, value] of results) console.log(`${name.padEnd(44)} ${value}`);
  } finally {
    await browser.close();
    await bridge.close();
    await core.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
