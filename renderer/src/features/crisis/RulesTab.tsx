import { App, Button, Card, Flex, Form, Input, InputNumber, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { crisisApi } from '../../../../shared/api/crisis';
import { CRISIS_STEPS, CRISIS_TIERS, type TierRules } from '../../../../shared/domain/crisis';
import { api } from '../../api/client';
import { useCall } from '../../lib/useCall';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const rule = crisisApi['crisis.updateRules'].input.shape.red.shape;
const getRules = () => api.crisis.rules({});

/** 分级时限: per tier its name and colour, each step's working days and the review interval; open cases keep their dates. */
export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const call = useCall(getRules, {});
  const [form] = Form.useForm<TierRules>();
  const { busy, submit } = useFormSubmit(form, async (v: TierRules) => {
    await api.crisis.updateRules(v);
    void message.success(t('crisis.case.changed'));
  });
  if (!call.data) return <Spin />;
  return (
    <Form form={form} layout="vertical" initialValues={call.data} onFinish={submit}>
      <Flex vertical gap="middle">
        {CRISIS_TIERS.map((tier) => (
          <Card key={tier} size="small" title={t(`crisis.tier.${tier}`)}>
            <Flex gap="middle" wrap>
              <Form.Item name={[tier, 'name']} label={t('crisis.rules.name')} rules={[zodRule(rule.name)]}>
                <Input maxLength={maxLengthOf(rule.name)} />
              </Form.Item>
              <Form.Item name={[tier, 'color']} label={t('crisis.rules.color')} rules={[zodRule(rule.color)]}>
                <Input maxLength={maxLengthOf(rule.color)} style={{ width: 100 }} />
              </Form.Item>
              {CRISIS_STEPS.map((step) => (
                <Form.Item key={step} name={[tier, 'dueDays', step]} label={t('crisis.rules.dueDays', { step: t(`crisis.step.${step}`) })}>
                  <InputNumber min={0} max={60} precision={0} />
                </Form.Item>
              ))}
              <Form.Item name={[tier, 'reviewEveryDays']} label={t('crisis.rules.reviewEveryDays')}>
                <InputNumber min={1} max={180} precision={0} />
              </Form.Item>
            </Flex>
          </Card>
        ))}
        <Flex>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
