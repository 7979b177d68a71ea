import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What a print view puts on paper, read back as text. Headless Chromium has no print dialog, so the
 * view's own window.print() is stubbed (call `stubPrint` before the action that prints) and the
 * page is printed to PDF here, with its print stylesheet and @page rules; pdftotext reads it.
 * Whitespace is removed, since the layout breaks lines anywhere. `pngPrefix` also keeps page 1 as a
 * picture (pdftoppm) for a look.
 */
export async function printedText(p: Page, dataDir: string, testId: string, pngPrefix?: string): Promise<string> {
  await p.getByTestId(testId).waitFor({ state: 'attached' });
  await p.emulateMedia({ media: 'print' });
  const pdfFile = join(dataDir, '..', `counselroom-e2e-${testId}-${process.pid}.pdf`);
  try {
    await p.pdf({ path: pdfFile, format: 'A4', preferCSSPageSize: true });
    if (pngPrefix) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, pngPrefix]);
    return execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(pdfFile, { force: true });
    await p.emulateMedia({ media: 'screen' });
  }
}

export async function stubPrint(p: Page): Promise<void> {
  await p.evaluate(() => {
    window.print = () => undefined;
  });
}
