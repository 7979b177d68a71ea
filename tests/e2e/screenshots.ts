/**
 * Takes the zh-CN screenshots in docs/screenshots from the real app: a fresh core on a temp
 * archive, the loopback bridge serving the built renderer, and Debian's Chromium. Names given on
 * the command line write only those pictures (the whole walk-through still runs).
 *
 *   npm run build:renderer && npx tsx tests/e2e/screenshots.ts [schedule-week-by-room …]
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { markedClassGrid, openScreening, screenGrade8, SCREENING, seedScreening } from './campaigns-flows';
import { writeSignedRecord } from './counseling-flows';
import { completeSetup, E2E_PASS } from './flows';
import { createClassGroup, markAttendance, recordSession, schoolDate } from './groups-flows';
import { addStudents, answerKiosk, counselorClient, PHQ9, startPhq9, studentsWithConsent, unlockKiosk } from './assessments-flows';
import { settled, startApp, modalsGone } from './harness';
import { fillScheduleWeek, ROOM, setUpRoom } from './schedule-flows';

const OUT = 'docs/screenshots';
const ONLY = process.argv.slice(2);

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  if (ONLY.length > 0 && !ONLY.includes(name)) return;
  // The picture shows the screen, not an animation or a passing toast.
  await page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
  await settled(page);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
}

/** A picture at the smallest screen the app is made for (a school's 1366×768 laptop). */
async function smallShot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, name);
  if (viewport) await page.setViewportSize(viewport);
}

const app = await startApp();
const page = app.page;
try {
  await completeSetup(page, {
    onScreen: async (name) => {
      if (name === 'passphrase-strength') return smallShot(page, name);
      await shot(page, name);
      if (name === 'setup-recovery-key') {
        // What window.print() puts on paper: only the key, the school and the date.
        await page.emulateMedia({ media: 'print' });
        await shot(page, 'setup-recovery-key-print');
        await page.emulateMedia({ media: 'screen' });
      }
    },
  });

  await page.getByRole('button', { name: '导入名册' }).click();
  await page.locator('input[type=file]').setInputFiles('tests/fixtures/roster/roster-one-bad-row.xlsx');
  await page.getByRole('cell', { name: '性别应为 男 或 女' }).waitFor();
  await shot(page, 'import-preview-errors', true);

  await page.locator('input[type=file]').setInputFiles('tests/fixtures/roster/roster-ok.xlsx');
  await page.getByText('没有发现问题，可以导入。').waitFor();
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await page.getByRole('cell', { name: '欧阳娜娜' }).waitFor();
  // The "导入完成" toast would cover the header.
  await page.getByText(/导入完成/).waitFor({ state: 'detached' });
  await shot(page, 'roster');

  await page.getByRole('switch', { name: '隐私遮挡' }).click();
  await shot(page, 'roster-privacy-mask');
  await page.getByRole('switch', { name: '隐私遮挡' }).click();

  await page.getByRole('button', { name: '新增学生' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await shot(page, 'student-form-errors');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /锁\s*定/ }).click();
  await page.getByLabel('口令').waitFor();
  await shot(page, 'lock-screen');

  // A new recovery key issued from 设置 and closed before it was typed back: the shell keeps
  // a reminder above every page until the key is checked.
  await page.getByLabel('口令').fill(E2E_PASS);
  await page.getByRole('button', { name: /解\s*锁/ }).click();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '重新生成恢复密钥' }).click();
  await page.getByLabel('你的口令').fill(E2E_PASS);
  await page.getByRole('button', { name: '生成新的恢复密钥' }).click();
  await page.getByRole('button', { name: '我已抄写并妥善保管' }).waitFor();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await page.getByRole('menuitem', { name: '学生名册' }).click();
  await page.getByText('恢复密钥尚未核对').waitFor();
  await page.getByRole('cell', { name: '欧阳娜娜' }).waitFor();
  await shot(page, 'recovery-key-banner');

  // Counseling: the record form as filled in (autosaved), then the archive and the caseload.
  await writeSignedRecord(page, { onScreen: (name) => shot(page, name, true) });
  await page.getByRole('button', { name: /^返\s*回$/ }).click();
  await page.getByRole('button', { name: '新建记录' }).click();
  await page.getByLabel('现状').fill('情绪较上次平稳，睡眠改善。');
  await page.getByText(/^已保存 /).waitFor();
  await page.getByRole('menuitem', { name: '学生名册' }).click();
  await page.getByRole('cell', { name: '林晓雨' }).click();
  await page.getByRole('button', { name: '一生一档' }).click();
  await page.getByRole('heading', { name: '一生一档：林晓雨' }).waitFor();
  await page.locator('tbody').getByText('补充说明', { exact: true }).waitFor();
  await shot(page, 'archive-timeline');
  await page.getByRole('menuitem', { name: '我的个案' }).click();
  await page.getByText(/^进行中的个案/).waitFor();
  await shot(page, 'caseload');

  // Schedule: a room set up through the UI, then a busier week (more rooms, bookings) through the core.
  await setUpRoom(page);
  await fillScheduleWeek(app.core, E2E_PASS);
  // The "已保存" toasts of the set-up would cover the header.
  await page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
  await page.getByRole('menuitem', { name: '日程' }).click();
  await page.locator('.schedule-event').first().waitFor();
  await shot(page, 'schedule-week-by-room', true);
  await page.getByText('按老师', { exact: true }).click();
  await page.locator('.schedule-event', { hasText: '团体活动室' }).first().waitFor();
  await shot(page, 'schedule-week-by-counselor', true);

  await page.getByRole('menuitem', { name: '活动室与开放时间' }).click();
  await page.getByRole('tabpanel', { name: '活动室' }).getByRole('cell', { name: ROOM }).waitFor();
  await page.getByText('未安排值班').first().waitFor();
  await shot(page, 'rooms-opening-hours', true);

  // The door schedule as window.print() puts it on A4 paper.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: '打印门口开放时间表' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /打\s*印/ }).click();
  await page.getByTestId('door-print').waitFor({ state: 'attached' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'door-schedule');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1366, height: 860 });
  // As if the print dialog had closed: the print view goes away.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.getByTestId('door-print').waitFor({ state: 'detached' });

  // Group work: a class's group with today's session and next week's planned one, the attendance
  // sheet of today's mid-way (focus on a student, marks saved), then the program page.
  await createClassGroup(page, '人际交往团体辅导', '初二3班', '学会倾听与表达，改善同伴关系。');
  await recordSession(page, { date: schoolDate(), time: ['15:00', '15:45'], content: '破冰游戏：名字接龙；约定团体规则。' });
  await page.getByRole('row', { name: /第 1 次/ }).waitFor();
  await recordSession(page, { date: schoolDate(7), content: '倾听练习：两人一组复述对方的话。' });
  await markAttendance(page, 1, ['1', 'ArrowDown', '3', 'ArrowDown']);
  await shot(page, 'attendance-sheet');
  await page.getByRole('dialog').getByRole('button', { name: /^完\s*成$/ }).click();
  await page.getByRole('row', { name: /第 1 次/ }).getByText('出席 1 / 3').waitFor();
  await shot(page, 'group-program', true);

  // Administering a scale: the kiosk with an item on screen (paper entry comes last, from a screening).
  const counselor = await counselorClient(app.core);
  await studentsWithConsent(counselor, ['陈思远', '宋雨桐']);
  await startPhq9(page, '陈思远', '屏幕作答');
  await page.getByRole('button', { name: '开始作答' }).click();
  await answerKiosk(page, 1, ['1', '2']);
  await page.getByText('第 3 / 9 题').waitFor();
  await shot(page, 'kiosk');
  await unlockKiosk(page);
  await page.getByRole('button', { name: '退出（保留进度，稍后继续）' }).click();
  await page.getByTestId('kiosk').waitFor({ state: 'detached' });

  // Screening: the triage queue (critical first), the counts by grade and band, then a flagged
  // student's archive with the PHQ-9 trend over three forms.
  const followed = await seedScreening(counselor);
  await page.getByRole('menuitem', { name: '心理普测' }).click();
  await page.getByText(SCREENING).click();
  await page.getByRole('tab', { name: '分流' }).click();
  await page.getByText('危机预警').first().waitFor();
  await shot(page, 'triage-queue', true);
  await page.getByRole('tab', { name: '汇总' }).click();
  await page.getByText('按年级汇总').waitFor();
  await shot(page, 'campaign-summary', true);
  await page.getByRole('tab', { name: '分流' }).click();
  await page.getByRole('button', { name: followed }).click();
  await page.getByRole('tab', { name: '测评' }).click();
  await page.getByRole('img', { name: /得分趋势$/ }).locator('svg').waitFor();
  await shot(page, 'trend-chart', true);

  // Paper entry for one class of a screening, from its list: the returned stack typed row after
  // row, item 9 of the second form flagged on its keystroke, the third half typed. Added last, so
  // the screening above keeps its participants; one student's consent is not in, so not listed.
  await addStudents(counselor, ['何雨萱', '郭子轩', '马欣怡', '罗浩然'], 3);
  const classScreening = '初二2班心理普测';
  const classId = await screenGrade8(counselor, classScreening, ['2班']);
  const { participants } = await counselor.campaigns.get({ id: classId });
  const consented = participants.filter((p) => p.name !== '罗浩然');
  await counselor.campaigns.setConsent({ id: classId, entries: consented.map((p) => ({ studentId: p.studentId, studentConsent: 'given', guardianConsent: 'given' })) });
  await openScreening(page, classScreening);
  await page.getByRole('button', { name: '纸笔录入' }).click();
  await page.getByRole('gridcell', { name: `${consented[0]!.name} 第1题` }).click();
  await page.keyboard.type('010100000121010111' + '2101');
  await page.getByRole('alert').filter({ hasText: `危急预警：${consented[1]!.name} 第9题` }).waitFor();
  await shot(page, 'paper-grid');
  await page.keyboard.press('Escape');
  await modalsGone(page);

  await page.setViewportSize({ width: 1366, height: 768 });
  await markedClassGrid(page, counselor);
  await shot(page, 'paper-grid-marked');
  await page.keyboard.press('Escape');
  await modalsGone(page);
  await page.setViewportSize({ width: 1366, height: 860 });

  // 量表库 with PHQ-9 opened: its items, bands, licence and where each language's text came from.
  await page.getByRole('menuitem', { name: '量表库' }).click();
  await page.getByText(PHQ9, { exact: true }).first().click();
  await page.getByRole('dialog').getByText('做事时提不起劲或没有兴趣').waitFor();
  await shot(page, 'scale-library');
} finally {
  await app.close();
}
