import type { Page } from 'playwright-core';

export const E2E_PASS = 'Lantern-river-42';

export interface SetupOptions {
  /** Called at each screen worth a picture (the screenshot script uses it). */
  onScreen?: (name: 'setup-school' | 'passphrase-strength' | 'setup-account' | 'setup-recovery-key') => Promise<void>;
  /** Type a wrong key first and check the wizard refuses it. */
  tryWrongKey?: () => Promise<void>;
}

/**
 * The first-run wizard as a counselor goes through it, landing on 我的个案; then the roster, where
 * most flows begin. Returns the recovery key it showed.
 */
export async function completeSetup(p: Page, opts: SetupOptions = {}): Promise<string> {
  await p.getByLabel('学校名称').fill('示例市第一中学');
  await p.getByLabel('学校代码').fill('3301020001');
  await p.getByLabel('初中').check();
  await p.getByLabel('高中').check();
  await p.getByLabel('在校学生数').fill('1200');
  await p.getByLabel('所属区县').fill('示例区教育局');
  await opts.onScreen?.('setup-school');
  await p.getByRole('button', { name: '下一步' }).click();
  await p.getByLabel('用户名').fill('wanglaoshi');
  await p.getByLabel('姓名').fill('王老师');
  // The username with a year: judged weak as it is typed, and 下一步 stays disabled.
  await p.getByLabel('口令', { exact: true }).fill('wanglaoshi2024');
  await p.getByText('口令里含有用户名或姓名（包括拼音），请不要使用').waitFor();
  if (!(await p.getByRole('button', { name: '下一步' }).isDisabled())) throw new Error('a weak passphrase can go on');
  await opts.onScreen?.('passphrase-strength');
  await p.getByLabel('口令', { exact: true }).fill(E2E_PASS);
  await p.getByLabel('再次输入口令').fill(E2E_PASS);
  await opts.onScreen?.('setup-account');
  await p.getByRole('button', { name: '下一步' }).click();
  await p.getByRole('button', { name: '创建档案' }).click();
  const key = (await p.getByRole('group', { name: /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/ }).getAttribute('aria-label'))!;
  await opts.onScreen?.('setup-recovery-key');
  await p.getByRole('button', { name: '我已抄写并妥善保管' }).click();
  await opts.tryWrongKey?.();
  await p.getByLabel('恢复密钥').fill(key);
  await p.getByRole('button', { name: '确认并进入' }).click();
  await p.getByRole('heading', { name: '我的个案' }).waitFor();
  await p.getByRole('menuitem', { name: '学生名册' }).click();
  await p.getByRole('heading', { name: '学生名册' }).waitFor();
  return key;
}

export interface NewStudent {
  studentNo: string;
  name: string;
  sex: '男' | '女';
  grade: string;
  className: string;
}

/** On the roster: 新增学生 filled in by hand and saved, until the student's row is there. */
export async function addStudentByHand(p: Page, s: NewStudent): Promise<void> {
  await p.getByRole('button', { name: '新增学生' }).click();
  const form = p.getByRole('dialog');
  await form.getByLabel('学号').fill(s.studentNo);
  await form.getByLabel('姓名').fill(s.name);
  await form.getByLabel(s.sex).check();
  await form.getByLabel('年级').click();
  await p.getByTitle(s.grade).click();
  await form.getByLabel('班级').fill(s.className);
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await p.getByRole('cell', { name: s.name }).waitFor();
}
