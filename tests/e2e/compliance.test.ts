import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1PX } from '../helpers/compliance';
import { STUDENT } from '../helpers/counseling';
import { evidenceTaskAndSign, principalOnSeededSchool, runNational } from './compliance-flows';
import { e2eAvailable, startApp, type E2eApp } from './harness';
import { printedText, stubPrint } from './print';

const available = e2eAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => app?.close());

describe.skipIf(!available)('the compliance checklist in a real browser', () => {
  it('a principal runs the national checklist, attaches a photo, makes a fix task, signs, and prints a report with the score and the item ids', async () => {
    const p = app.page;
    const counselor = await principalOnSeededSchool(app);
    await counselor.crisisPlan.save({ version: '2025版', effectiveOn: '2025-03-01', text: '一、发现与报告……' });
    await runNational(p);

    // Automatic items are filled with their figure and source.
    expect(await p.getByTestId('figure-ZONE-05').textContent()).toBe('0/1 间符合：个辅室 9.9 m²（活动室登记）');
    expect(await p.getByTestId('status-ZONE-05').textContent()).toBe('未达标');
    expect(await p.getByTestId('figure-ZONE-01').textContent()).toBe('已登记基本功能区 3/3 类（活动室共 3 间）（活动室登记）');
    expect(await p.getByTestId('figure-OPEN-01').textContent()).toBe('三月两周：11 个上学日中 11 天开放（开放时间统计）');
    // The crisis area's written procedure fills CRISIS-01; no referral yet leaves REF-03 to the principal.
    expect(await p.getByTestId('figure-CRISIS-01').textContent()).toBe('危机干预预案 2025版，2025-03-01 起施行（危机干预预案）');
    expect(await p.getByTestId('status-CRISIS-01').textContent()).toBe('达标');
    expect(await p.getByTestId('status-REF-03').textContent()).toBe('待评定');
    // The audit figure is verified from the checkpoint on, so it says when the chain was last walked in full (here: this first run did).
    expect(await p.getByTestId('figure-REC-03').textContent()).toMatch(/^数据库加密、按角色授权，审计日志 \d+ 条校验完整，上次全链核验于 \d{4}-\d{2}-\d{2}（加密存储与审计日志校验）$/);

    await evidenceTaskAndSign(p, Buffer.from(PNG_1PX, 'base64'));

    const [run] = (await counselor.compliance.runs({})).items;
    expect(run).toMatchObject({ status: 'signed', signed: { name: '李校长' } });
    const stored = await counselor.compliance.get({ id: run!.id });
    expect(stored.items.find((i) => i.id === 'SITE-02')!.evidence).toMatchObject([{ fileName: '辅导室环境.png', mime: 'image/png' }]);

    await stubPrint(p);
    await p.getByRole('button', { name: '打印报告' }).click();
    const text = await printedText(p, app.dataDir, 'compliance-print');
    expect(text).toContain('心理辅导室达标自查报告');
    expect(text).toContain('示例市第一中学');
    expect(text).toContain(`${run!.score.percent}分`);
    for (const id of ['ZONE-01', 'ZONE-05', 'ZONE-06', 'OPEN-01', 'STAFF-01', 'REC-03', 'CRISIS-01', 'REF-03', 'NAT-04']) expect(text).toContain(id);
    expect(text).toContain('总务处');
    expect(text).toContain('李校长于');
    expect(text).not.toContain(STUDENT.name);
  });
});
