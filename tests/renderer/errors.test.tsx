// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { afterEach, describe, expect, test } from 'vitest';
import { CounselError } from '../../shared/api/errors';
import { studentFields } from '../../shared/api/students';
import { applyLanguage } from '../../renderer/src/i18n';
import { errorMessage, issueMessage, showErrorOnForm } from '../../renderer/src/lib/errors';
import { setupSchool, startTestCore } from '../helpers/inproc';

afterEach(() => applyLanguage('zh-CN'));

/** What the core answers: the same CounselError the renderer's client rejects with. */
async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (err) {
    return err;
  }
  throw new Error('the call was expected to fail');
}

describe('errorMessage', () => {
  test('uses the error’s own key, with its details as values', () => {
    expect(errorMessage(new CounselError('NOT_FOUND', 'errors.notFound'))).toBe('要找的记录不存在或已被删除');
    expect(errorMessage(new CounselError('AUTH', 'errors.auth.throttled', { retryAfterMs: 1500 }))).toBe('尝试次数过多，请 2 秒后再试');
  });

  test('falls back to a text per code for a key the catalog does not have yet', () => {
    expect(errorMessage(new CounselError('CONFLICT', 'errors.somethingNew'))).toBe('与现有记录冲突');
    expect(errorMessage(new Error('boom'))).toBe('程序内部出错，请重试；如果反复出现，请联系技术支持');
  });

  test('adds the reference of an internal error, and follows the language', async () => {
    const err = new CounselError('INTERNAL', 'errors.internal', { ref: 'a1b2c3d4' });
    expect(errorMessage(err)).toBe('程序内部出错，请重试；如果反复出现，请联系技术支持（错误编号 a1b2c3d4）');
    await applyLanguage('en');
    expect(errorMessage(new CounselError('AUTH', 'errors.auth.failed'))).toBe('Wrong username or passphrase');
  });
});

describe('issueMessage', () => {
  test('reads zod issues from the contract’s schemas as field messages', () => {
    const issues = studentFields.safeParse({ studentNo: '', name: 'x'.repeat(51), sex: 'X', grade: 7, className: '1', guardians: [{ phone: 'abc' }] }, { reportInput: true })
      .error!.issues;
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join('.'), issueMessage(i)]));
    expect(byPath).toMatchObject({
      studentNo: '此项必填',
      name: '最多 50 个字符',
      sex: '请从列表中选择',
      'guardians.0.phone': '电话号码只能包含数字、空格和 + - ( )',
    });
  });

  test('reads the core’s VALIDATION details (errors.zod.* reasons with limits)', () => {
    expect(issueMessage({ path: 'name', reason: 'errors.zod.too_big', maximum: 50 })).toBe('太长或太大（最多 50）');
    expect(issueMessage({ path: 'x', reason: 'errors.unheardOf' })).toBe('格式不正确');
  });

  test('fills a message with the values its detail carries, at the field and at the top', () => {
    const detail = { path: 'rrule', reason: 'errors.schedule.rruleUnsupported', part: 'BYMONTH' };
    expect(issueMessage(detail)).toBe('不支持的重复规则设置：BYMONTH');
    const range = new CounselError('VALIDATION', 'errors.schedule.rangeTooLong', [{ path: 'to', reason: 'errors.schedule.rangeTooLong', maximum: 400 }]);
    expect(errorMessage(range)).toBe('日期范围最长 400 天');
  });
});

describe('showErrorOnForm', () => {
  function renderForm(): FormInstance {
    let instance: FormInstance | undefined;
    function Probe() {
      const [form] = Form.useForm();
      instance = form;
      return (
        <Form form={form}>
          <Form.Item name="studentNo" label="学号">
            <Input />
          </Form.Item>
          <Form.Item name={['guardians', 0, 'phone']} label="电话">
            <Input />
          </Form.Item>
        </Form>
      );
    }
    render(<Probe />);
    return instance!;
  }

  test('puts the core’s VALIDATION details and path-naming conflicts on their fields', async () => {
    const core = await startTestCore();
    try {
      await setupSchool(core.client);
      const form = renderForm();
      const student = { studentNo: '20240101', name: '张三明', sex: 'M', grade: 7, className: '1' } as const;

      const invalid = await failureOf(() => core.client.students.create({ ...student, guardians: [{ name: '张大明', phone: 'abc' }] }));
      expect(showErrorOnForm(form, invalid)).toBeNull();
      expect(await screen.findByText('电话号码只能包含数字、空格和 + - ( )')).toBeInTheDocument();

      await core.client.students.create(student);
      const duplicate = await failureOf(() => core.client.students.create(student));
      expect(showErrorOnForm(form, duplicate)).toBeNull();
      expect(await screen.findByText('学号已被其他学生使用')).toBeInTheDocument();

      // Nothing on this form can show a wrong-passphrase failure: the caller gets the text.
      const wrong = await failureOf(() => core.client.auth.changePassphrase({ current: 'not it at all', next: 'another-passphrase' }));
      expect(showErrorOnForm(form, wrong)).toBe('用户名或口令不正确');
    } finally {
      await core.cleanup();
    }
  });

  test('drops a prefix the form does not have (setup sends school.*)', async () => {
    const form = renderForm();
    const err = new CounselError('VALIDATION', 'errors.validation', [{ path: 'school.studentNo', reason: 'errors.field.controlChars' }]);
    expect(showErrorOnForm(form, err, { prefix: ['school'] })).toBeNull();
    expect(await screen.findByText('含有不允许的控制字符')).toBeInTheDocument();
  });
});
