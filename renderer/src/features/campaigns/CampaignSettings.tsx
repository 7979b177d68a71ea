import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { campaignsApi, type CampaignView } from '../../../../shared/api/campaigns';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { CampaignDates } from './CampaignDates';

const fields = campaignsApi['campaigns.update'].input.shape;

type Values = Pick<CampaignView, 'name' | 'startDate' | 'endDate' | 'note'>;

/** 设置: rename, dates and note; then start the screening, and at the end close it (final, so confirmed). */
export function CampaignSettings({ campaign, onChanged }: { campaign: CampaignView; onChanged(): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit<Values>(form, async (values) => {
    await api.campaigns.update({ id: campaign.id, ...values });
    void message.success(t('campaigns.settings.saved'));
    onChanged();
  });
  const closed = campaign.status === 'closed';

  const setStatus = async (status: CampaignView['status']) => {
    try {
      await api.campaigns.update({ id: campaign.id, status });
      onChanged();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const close = () =>
    modal.confirm({
      title: t('campaigns.settings.closeTitle'),
      content: t('campaigns.settings.closeExplain'),
      okText: t('campaigns.settings.close'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => setStatus('closed'),
    });

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 640 }}>
      {closed && <Alert type="info" showIcon title={t('campaigns.settings.closed')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={closed}
        initialValues={{ name: campaign.name, startDate: campaign.startDate, endDate: campaign.endDate, note: campaign.note }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('campaigns.fields.name')} rules={[zodRule(fields.name)]}>
          <Input maxLength={maxLengthOf(fields.name)} showCount />
        </Form.Item>
        <CampaignDates schemas={{ startDate: fields.startDate, endDate: fields.endDate }} />
        <Form.Item name="note" label={t('campaigns.fields.note')} rules={[zodRule(fields.note)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(fields.note)} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('campaigns.settings.save')}
        </Button>
      </Form>
      <Flex gap="small" align="center">
        <Typography.Text>{t('campaigns.settings.statusNow', { status: t(`campaigns.status.${campaign.status}`) })}</Typography.Text>
        {campaign.status === 'planned' && <Button onClick={() => void setStatus('active')}>{t('campaigns.settings.start')}</Button>}
        {campaign.status === 'active' && (
          <Button danger onClick={close}>
            {t('campaigns.settings.close')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
