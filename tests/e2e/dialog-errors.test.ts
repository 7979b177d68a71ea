import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counselorClient } from './assessments-flows';
import { completeSetup } from './flows';
import { e2eAvailable, startApp, type E2eApp } from './harness';
import { scheduleDates, typeInto } from './schedule-flows';

const available = e2eAvailable();
let app: E2eApp;
const SCREEN = { width: 1366, height: 768 };

beforeAll(async () => {
  if (available) app = await startApp({ viewport: SCREEN });
});
afterAll(async () => app?.close());

/** Wholly inside the window as it is now, without anyone scrolling to it. */
async function inView(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

/** Whether the focus is on `target` or inside it. */
async function holdsFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/** Setup's button for the next step is on screen at 1366×768 the moment the step shows, with the page unscrolled. */
async function setupButtonInView(p: Page, name: string | RegExp): Promise<void> {
  const button = p.getByRole('button', { name });
  await button.waitFor();
  await p.screenshot({ path: `test-results/e2e-setup-${String(name)}.png` });
  expect(await p.evaluate(() => document.scrollingElement?.scrollTop ?? 0), String(name)).toBe(0);
  expect(await inView(button), String(name)).toBe(true);
}

describe.skipIf(!available)('dialog errors in view at 1366×768', () => {
  it('setup fits the screen; a long dialog brings its first error into view and focuses it, whether the form or the core refused', async () => {
    const p = app.page;
    expect(p.viewportSize()).toEqual(SCREEN);
    await completeSetup(p, {
      onScreen: async (step) => {
        if (step === 'setup-school' || step === 'setup-account') await setupButtonInView(p, '下一步');
        if (step === 'setup-recovery-key') await setupButtonInView(p, '我已抄写并妥善保管');
      },
    });

    // A room open every weekday afternoon and one booking next Wednesday 14:00–14:45, made through the core.
    const { termStart, termEnd, nextWednesday } = scheduleDates();
    const client = await counselorClient(app.core);
    await client.calendar.saveTerm({ name: '本学期', startDate: termStart, endDate: termEnd });
    const room = await client.rooms.create({ name: '一号个体辅导室', zoneType: 'individual', areaM2: 15, capacity: 3 });
    await client.openings.saveSlot({ roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', validFrom: termStart, start: '14:00', end: '17:00', dutyName: '李老师' });
    await client.appointments.create({ clientKind: 'staff', clientLabel: '初一年级组长', roomId: room.id, date: nextWednesday, start: '14:00', end: '14:45', kind: 'individual', source: 'selfReferral' });

    await p.getByRole('menuitem', { name: '日程' }).click();
    await p.getByRole('button', { name: '新建预约' }).click();
    const dialog = p.getByRole('dialog');
    const book = dialog.getByRole('button', { name: /预\s*约/ });
    await book.waitFor();

    // Refused by the core: the slot clashes, and the list of clashes, below every field, comes into view and takes the focus.
    await dialog.getByRole('radio', { name: '教职工' }).check();
    await dialog.getByLabel('姓名或说明').fill('初二年级组长');
    await typeInto(p, '日期', nextWednesday);
    await typeInto(p, '开始', '14:15');
    await typeInto(p, '结束', '15:00');
    await book.click();
    const refusal = dialog.getByRole('alert').filter({ hasText: '时间冲突' });
    await refusal.waitFor();
    await expect.poll(() => inView(refusal)).toBe(true);
    await expect.poll(() => holdsFocus(refusal.locator('xpath=..'))).toBe(true);
    await p.screenshot({ path: 'test-results/e2e-dialog-clash-in-view.png' });
    // The dialog is now taller than the window: its title and its 预约 button are never both in view.
    const title = dialog.getByText('新建预约').first();
    const top = (await title.boundingBox())!;
    const bottom = (await book.boundingBox())!;
    expect(bottom.y + bottom.height - top.y).toBeGreaterThan(SCREEN.height);

    // Refused before sending: a student booking with no student chosen. 预约 is at the bottom, the
    // first error at the top, out of view when 预约 is pressed; it is scrolled to and focused.
    await dialog.getByRole('radio', { name: '学生' }).check();
    await book.scrollIntoViewIfNeeded();
    expect(await inView(title)).toBe(false);
    await book.click();
    const firstError = dialog.locator('.ant-form-item-has-error').first();
    await firstError.waitFor();
    expect(await firstError.textContent()).toContain('学生');
    await expect.poll(() => inView(firstError)).toBe(true);
    await expect.poll(() => holdsFocus(firstError)).toBe(true);
  });
});
