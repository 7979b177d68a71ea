import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { createClient } from '../../shared/api/client';
import { OWN_PASSPHRASE } from '../helpers/counseling';
import { counselorClient } from './assessments-flows';
import { completeSetup, E2E_PASS } from './flows';
import { e2eAvailable, settled, startApp, type E2eApp } from './harness';
import { printedText, stubPrint } from './print';
import { startTestCore, TEST_SCHOOL, type TestCore } from '../helpers/inproc';

const available = e2eAvailable();
const SHOTS = 'docs/screenshots';
const files = mkdtempSync(join(tmpdir(), 'counselroom-e2e-district-'));
let school: E2eApp;
let office: E2eApp;
let officer: CounselClient;
let counselor: CounselClient;
let recipient = '';
let signed: Awaited<ReturnType<CounselClient['compliance']['sign']>>;
const others: TestCore[] = [];

/** This term as the export page's default preset means it. */
function thisTerm(): { from: string; to: string } {
  const now = new Date();
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  if (m >= 2 && m <= 7) return { from: `${y}-02-01`, to: `${y}-07-31` };
  const start = m === 1 ? y - 1 : y;
  return { from: `${start}-09-01`, to: `${start + 1}-01-31` };
}

beforeAll(async () => {
  if (!available) return;
  mkdirSync(SHOTS, { recursive: true });
  office = await startApp();
  const conn = office.core.connect('test');
  officer = createClient((method, input) => conn.call(method, input));
  recipient = (await officer.setup.initializeDistrict({ office: { name: '示例区教育局', code: '330102' }, officer: { username: 'quyuan', displayName: '区教研员', passphrase: E2E_PASS } })).recipient;

  school = await startApp();
  await completeSetup(school.page);
  counselor = await counselorClient(school.core);
  // Twelve sessions of six grade-8 students, dated inside this term.
  const day = thisTerm().from.replace(/-01$/, '-10');
  for (let i = 0; i < 6; i++) {
    const st = await counselor.students.create({ studentNo: `2024050${i}`, name: `学生${'甲乙丙丁戊己'[i]}`, sex: 'F', grade: 8, className: '2班' });
    const c = await counselor.cases.open({ studentId: st.id, source: 'walkIn', categories: ['study'], goals: '适应' });
    await counselor.records.saveDraft({ caseId: c.id, sessionDate: day, durationMinutes: 40 });
    await counselor.records.saveDraft({ caseId: c.id, sessionDate: day, durationMinutes: 40, kind: 'followUp' });
  }
  // The principal signs the national checklist today, with one fix item: the package carries it.
  await counselor.users.create({ username: 'lixiaozhang', displayName: '李校长', role: 'principal', passphrase: 'initial-pass-2024' });
  const pconn = school.core.connect('test');
  const principal = createClient((method, input) => pconn.call(method, input));
  await principal.auth.login({ username: 'lixiaozhang', passphrase: 'initial-pass-2024' });
  await principal.auth.changePassphrase({ current: 'initial-pass-2024', next: OWN_PASSPHRASE });
  const run = await principal.compliance.start({ packId: 'national-2015' });
  await principal.compliance.saveTask({ runId: run.id, itemId: 'ZONE-01', title: '补建个辅室', owner: '总务处', dueDate: run.asOf });
  signed = await principal.compliance.sign({ id: run.id, signerName: '李校长', signedOn: run.asOf });
  await pconn.close();
}, 300_000);

afterAll(async () => {
  await school?.close();
  await office?.close();
  for (const t of others) await t.cleanup();
  rmSync(files, { recursive: true, force: true });
});

/** A second or third school, made by the test through the contract: its own archive, key and package. */
async function otherSchoolPackage(code: string, name: string): Promise<string> {
  const t = await startTestCore();
  others.push(t);
  await t.client.setup.initialize({ school: { ...TEST_SCHOOL, code, name }, counselor: { username: 'chenlaoshi', displayName: '陈老师', passphrase: E2E_PASS } });
  await t.client.district.setRecipient({ recipient });
  const key = await t.client.district.createSchoolKey({});
  await officer.district.registerSchool({ name, code, publicKey: key.publicKeyPem, fingerprint: key.fingerprint });
  const path = join(files, `${code}.crpkg`);
  await t.client.district.exportPackage({ ...thisTerm(), path });
  return path;
}

describe.skipIf(!available)('district exchange in the browser', () => {
  it('the counselor previews and writes a term package; the district imports it with two others, refuses a tampered copy, and sees the totals', async () => {
    const p = school.page;
    await p.getByRole('menuitem', { name: '统计报表' }).click();
    await p.getByRole('heading', { name: '统计报表' }).waitFor();
    await p.locator('[data-table="sessions.byGrade"]').getByText('初二').waitFor();
    await p.getByRole('switch', { name: '图表' }).click();
    await p.getByRole('img', { name: '个体辅导：按年级' }).locator('svg').waitFor();
    await settled(p);
    await p.screenshot({ path: join(SHOTS, 'statistics.png'), fullPage: true });
    // The printable report (print or save as PDF): every section, suppressed as it leaves the screen.
    await stubPrint(p);
    await p.getByRole('button', { name: '打印 / 存为 PDF' }).click();
    const printed = await printedText(p, school.dataDir, 'statistics-print');
    for (const text of ['心理健康教育工作统计', '个体辅导：按年级', '初二', '危机个案：按风险等级与状态', '转介与回访', '最近一次签署的达标自查', '未完成整改项']) expect(printed).toContain(text);
    expect(printed).not.toContain('学生甲');

    await p.getByRole('menuitem', { name: '上报区教育局' }).click();
    await p.getByLabel('区教育局公钥（age1…）').fill(recipient);
    await p.getByRole('button', { name: '保存公钥' }).click();
    await p.getByRole('button', { name: '预览上报内容' }).click();
    const dialog = p.getByRole('dialog', { name: '将要发出的内容' });
    await dialog.locator('[data-table="sessions.byKind"]').waitFor();
    // The signed checklist goes along: pack, date, signer, score and the one open fix item.
    const checklist = (await dialog.getByTestId('preview-compliance').textContent())!;
    expect(checklist).toContain(`由 李校长 签署`);
    expect(checklist).toContain(`${signed.score.percent}`);
    expect(checklist).toContain('未完成整改 1 项');
    const path = join(files, 'school-1.crpkg');
    await dialog.getByLabel('保存到（完整路径）').fill(path);
    await settled(p);
    await p.screenshot({ path: join(SHOTS, 'district-export-preview.png'), fullPage: true });
    await dialog.getByRole('button', { name: '确认并写出上报包' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => existsSync(path)).toBe(true);
    const fingerprint = (await p.getByTestId('school-fingerprint').textContent())!;

    // The officer registers the school with the fingerprint read over the phone; two more schools send theirs.
    const key = (await counselor.district.exportSettings({})).schoolKey!;
    expect(key.fingerprint).toBe(fingerprint);
    await officer.district.registerSchool({ name: TEST_SCHOOL.name, code: '3301020001', publicKey: key.publicKeyPem, fingerprint });
    const second = await otherSchoolPackage('3301020002', '示例市第二中学');
    const third = await otherSchoolPackage('3301020003', '示例市第三中学');
    const tampered = join(files, 'school-1-altered.crpkg');
    const bytes = readFileSync(path);
    bytes[bytes.length - 25] = bytes[bytes.length - 25]! ^ 0x01;
    writeFileSync(tampered, bytes);

    const d = office.page;
    await d.reload();
    await d.getByLabel('用户名').fill('quyuan');
    await d.getByLabel('口令').fill(E2E_PASS);
    await d.getByRole('button', { name: /登\s*录/ }).click();
    await d.getByRole('heading', { name: '区级汇总' }).waitFor();
    await d.getByRole('tab', { name: '导入上报包' }).click();
    await d.getByLabel('选择文件（可多选）').setInputFiles([path, second, third, tampered]);
    const results = d.getByTestId('import-results');
    await results.getByText('已拒绝：文件内容被改动或损坏').waitFor();
    expect(await results.getByText('已导入').count()).toBe(3);

    await d.getByRole('tab', { name: '区级汇总' }).click();
    const table = d.getByTestId('district-schools');
    const total = table.locator('tr', { hasText: '合计' });
    await total.waitFor();
    // 12 sessions at the first school, none at the others.
    await expect.poll(async () => (await total.locator('td').allTextContents()).slice(2, 3)).toEqual(['12']);
    // The first school's checklist: its score and one open fix item; the others sent none.
    const first = table.locator('tr', { hasText: TEST_SCHOOL.name });
    expect((await first.locator('td').allTextContents()).slice(-2)).toEqual([expect.stringContaining(`${signed.score.percent}分`), '1']);
    expect((await table.locator('tr', { hasText: '示例市第二中学' }).locator('td').allTextContents()).slice(-2)).toEqual(['未附', '']);
    await d.getByText('已登记学校全部上报').waitFor();
    await settled(d);
    await d.screenshot({ path: join(SHOTS, 'district-dashboard.png'), fullPage: true });
  });
});
