import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-CN';

/**
 * UI tests wait for what a user would see, never for the clock: a fixed sleep or a short ceiling
 * passes on an idle machine and fails on a busy one. The ceilings are set once, generously
 * (tests/renderer/setup.ts for Testing Library, tests/e2e/harness.ts and the e2e project for
 * Playwright and expect.poll); no test picks its own, shorter one.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const UI_TEST_DIRS = ['tests/renderer', 'tests/e2e'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

function offences(pattern: RegExp, dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    sources(dir).flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    ),
  );
}

describe('waits in UI tests', () => {
  it('no fixed sleep: no waitForTimeout, no promise resolved by a timer', () => {
    expect(offences(/waitForTimeout\(|setTimeout\(\s*\(?\s*(resolve|r)\b|new Promise[^;]*setTimeout/, UI_TEST_DIRS)).toEqual([]);
  });

  it('no wait with a ceiling of its own', () => {
    // `timeout:` in a findBy/waitFor/locator/poll option; the suite-wide settings live outside these folders.
    expect(offences(/\btimeout:\s*[\d_]+/, UI_TEST_DIRS)).toEqual([]);
  });

  it('no toast looked for on the page: it can come and go before the look (the renderer harness records them)', () => {
    // Every toast text the app shows through message.*(t('key')), as a pattern of its Chinese wording.
    const app = sources('renderer/src').map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
    const keys = new Set([...app.matchAll(/message\.(?:success|info|warning|error)\(t\('([^']+)'/g)].map((m) => m[1]!));
    const toasts = [...keys].flatMap((key) => {
      const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zhCN);
      return typeof text === 'string' ? [new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+')}$`)] : [];
    });
    expect(toasts.length).toBeGreaterThan(10);
    const lookedFor = UI_TEST_DIRS.flatMap((dir) =>
      sources(dir).flatMap((file) =>
        [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:get|find|query)(?:All)?ByText\((['"`])(.+?)\1/g)]
          .filter((m) => toasts.some((toast) => toast.test(m[2]!)))
          .map((m) => `${file}: ${m[0]}`),
      ),
    );
    expect(lookedFor).toEqual([]);
  });

  it('the checks above catch what they are meant to', () => {
    const sleep = /waitForTimeout\(|setTimeout\(\s*\(?\s*(resolve|r)\b|new Promise[^;]*setTimeout/;
    expect(sleep.test('await new Promise((resolve) => setTimeout(resolve, 50));')).toBe(true);
    expect(sleep.test('await page.waitForTimeout(400);')).toBe(true);
    expect(/\btimeout:\s*[\d_]+/.test("await screen.findByRole('button', {}, { timeout: 5000 })")).toBe(true);
  });
});
