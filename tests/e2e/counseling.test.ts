import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from './flows';
import { e2eAvailable, startApp, type E2eApp } from './harness';
import { printedText, stubPrint } from './print';
import { writeSignedRecord, XSS } from './counseling-flows';

const available = e2eAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => app?.close());

describe.skipIf(!available)('counseling in a real browser', () => {
  it('student → case → record with an <img onerror> payload → disclosure gate → sign → addendum → search 焦虑 → archive → PDF export', async () => {
    const p = app.page;
    await completeSetup(p);
    await writeSignedRecord(p);

    // The addendum is listed with its author; the record stays read-only.
    await p.getByText('补记：家长同意转介至医院心理科。').waitFor();
    expect(await p.getByLabel('现状').count()).toBe(0);

    // A two-character search finds the record; the highlight is a <mark>, the payload plain text.
    await p.getByRole('menuitem', { name: '全文检索' }).click();
    await p.getByRole('searchbox', { name: '全文检索' }).fill('焦虑');
    await p.locator('mark', { hasText: '焦虑' }).first().waitFor();
    // The snippet shows the payload's text (cut to ~60 characters around the match), not an element.
    expect(await p.locator('tbody').textContent()).toContain('window.__xss=1">');
    await p.locator('tbody tr', { hasText: '焦虑' }).first().click();
    await p.getByText(/由 王老师 签名，记录只读/).waitFor();

    // The archive timeline from the student's detail.
    await p.getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('cell', { name: '林晓雨' }).click();
    await p.getByRole('button', { name: '一生一档' }).click();
    await p.getByRole('heading', { name: '一生一档：林晓雨' }).waitFor();
    for (const kind of ['开案', '辅导记录', '保密例外告知', '补充说明']) await p.locator('tbody').getByText(kind, { exact: true }).first().waitFor();

    // Export for a referral: confirmed, then the print view. Headless Chromium has no print dialog,
    // so the test stubs window.print and prints the same view to PDF itself.
    await stubPrint(p);
    await p.getByRole('button', { name: '导出 PDF' }).click();
    await p.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    const text = await printedText(p, app.dataDir, 'archive-print');
    expect(text).toContain('林晓雨');
    expect(text).toContain('补记：家长同意转介至医院心理科。');

    // Nowhere did the payload become an element or run.
    expect(await p.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await p.locator('img[src="x"]').count()).toBe(0);
    expect(XSS).toContain('onerror');
  });
});
