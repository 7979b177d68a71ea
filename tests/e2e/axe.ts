import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { settled } from './harness';

/**
 * The axe-core engine as source text. The app's CSP refuses injected <script> tags (page.addScriptTag),
 * so, as axe's docs advise for a strict CSP, the source is evaluated in the page through the debugger
 * protocol, which the CSP does not govern.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA, the level asked for, and axe's best practices (one main, one h1, content in landmarks), which are moderate and so counted but not failed on. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface Finding {
  screen: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** A rule switched off for one element, with why; the test lists each of these where it is used. */
export interface Waiver {
  rule: string;
  selector: string;
  reason: string;
}

/** Runs axe over what the page shows now (after any animation), returning one finding per rule broken. */
export async function axeScan(page: Page, screen: string, waivers: readonly Waiver[] = []): Promise<Finding[]> {
  await settled(page);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations: { rule: string; impact: string; targets: string[] }[] = await page.evaluate(
    async ({ tags, waivers }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? 'minor',
        targets: v.nodes
          .map((n) => String(n.target.at(-1)))
          .filter((target) => !waivers.some((w) => w.rule === v.id && document.querySelector(target)?.closest(w.selector))),
      }));
    },
    { tags: WCAG_TAGS, waivers: waivers.map(({ rule, selector }) => ({ rule, selector })) },
  );
  const englishNamed = await iconNamedButtons(page);
  if (englishNamed.length > 0) violations.push({ rule: ICON_NAMED, impact: 'serious', targets: englishNamed });
  return violations.filter((v) => v.targets.length > 0).map((v) => ({ screen, ...v }));
}

/** Our own rule, beside axe's: a button named by nothing but its icon. */
const ICON_NAMED = 'button-named-by-icon';

/**
 * Buttons whose only name is an antd icon's (`search`, `close-circle`: lower-case English, the
 * icon's file name). axe accepts any name, but a screen reader on a Chinese interface then reads an
 * English word, so every icon-only button is to be named through the interface's own texts.
 */
function iconNamedButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, [role="button"]')]
      .filter((b) => !b.closest('[aria-hidden="true"]'))
      .flatMap((b) => {
        const own = b.getAttribute('aria-label') ?? b.textContent?.trim();
        const name = own || [...b.querySelectorAll('[role="img"][aria-label]')].map((i) => i.getAttribute('aria-label')).join(' ');
        return /^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$/.test(name) ? [`${b.tagName.toLowerCase()}.${[...b.classList].join('.')} "${name}"`] : [];
      }),
  );
}

/** Counts by rule and impact, for the record of what a run found. */
export function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) {
    const key = `${f.rule} (${f.impact})`;
    counts[key] = (counts[key] ?? 0) + f.targets.length;
  }
  return counts;
}
