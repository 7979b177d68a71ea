import { Alert, Card, DatePicker, Flex, Form, Input, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { crisisApi } from '../../../../shared/api/crisis';
import { api } from '../../api/client';
import { dateProps } from '../../lib/formValues';
import { useCall } from '../../lib/useCall';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const planShape = crisisApi['crisisPlan.save'].input.shape;
const getPlan = () => api.crisisPlan.get({});

/** 危机干预预案 (CRISIS-01): the version in force with its text, and a new version saved beside the old ones. */
export function CrisisPlanTab() {
  const { t } = useTranslation();
  const call = useCall(getPlan, {});
  const [form] = Form.useForm<{ version: string; effectiveOn: string; text: string }>();
  const { busy, submit } = useFormSubmit(form, async (v: { version: string; effectiveOn: string; text: string }) => {
    await api.crisisPlan.save(v);
    form.resetFields();
    call.reload();
  });
  const current = call.data?.current ?? null;
  return (
    <Flex vertical gap="middle">
      {current ? (
        <Card size="small" title={t('crisis.plan.current', { version: current.version, date: current.effectiveOn })}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{current.text}</Typography.Paragraph>
        </Card>
      ) : (
        <Alert type="warning" showIcon title={t('crisis.plan.none')} />
      )}
      <Card size="small" title={t('crisis.plan.save')}>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Flex gap="middle">
            <Form.Item name="version" label={t('crisis.plan.version')} rules={[zodRule(planShape.version)]}>
              <Input maxLength={maxLengthOf(planShape.version)} />
            </Form.Item>
            <Form.Item name="effectiveOn" label={t('crisis.plan.effectiveOn')} rules={[zodRule(planShape.effectiveOn)]} {...dateProps}>
              <DatePicker aria-label={t('crisis.plan.effectiveOn')} />
            </Form.Item>
          </Flex>
          <Form.Item name="text" label={t('crisis.plan.text')} rules={[zodRule(planShape.text)]}>
            <Input.TextArea rows={8} maxLength={maxLengthOf(planShape.text)} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('crisis.plan.save')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
