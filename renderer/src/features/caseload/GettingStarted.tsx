import { App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GettingStartedStep } from '../../../../shared/api/getting-started';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import type { PageId } from '../shell/pages';

/** Where each step is done. */
const STEP_PAGE: Record<GettingStartedStep, PageId> = {
  calendar: 'rooms',
  rooms: 'rooms',
  roster: 'roster',
  principal: 'users',
  // The backup folder and 立即备份 are in 设置.
  backup: 'settings',
};

const load = () => api.app.gettingStarted({});

/** 开始使用: while the archive is new and the counselor has not hidden it, each first step ticked from the archive itself. */
export function GettingStarted() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const goTo = useNav((s) => s.goTo);
  const call = useCall(load, {});
  const d = call.data;
  if (!d || d.dismissed || d.steps.every((s) => s.done)) return null;
  const dismiss = () =>
    api.app.dismissGettingStarted({ dismissed: true }).then(
      () => {
        void message.success(t('gettingStarted.dismissed'));
        call.reload();
      },
      (err: unknown) => void message.error(errorMessage(err)),
    );
  return (
    <Card
      size="small"
      title={t('gettingStarted.title')}
      extra={
        <Button type="link" onClick={() => void dismiss()}>
          {t('gettingStarted.dismiss')}
        </Button>
      }
      role="region"
      aria-label={t('gettingStarted.title')}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('gettingStarted.intro')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={d.steps}
        renderItem={(s) => (
          <List.Item
            key={s.id}
            data-step={s.id}
            actions={[
              // No space put between the two characters: the visible text must stay the start of the spoken name.
              <Button key="go" size="small" autoInsertSpace={false} type={s.done ? 'default' : 'primary'} onClick={() => goTo(STEP_PAGE[s.id])} aria-label={t('gettingStarted.goTo', { step: t(`gettingStarted.steps.${s.id}.title`) })}>
                {t('gettingStarted.go')}
              </Button>,
            ]}
          >
            <Flex vertical gap={2}>
              <Flex gap="small" align="center" wrap>
                <Typography.Text strong>{t(`gettingStarted.steps.${s.id}.title`)}</Typography.Text>
                <Tag color={s.done ? 'green' : 'orange'}>{s.done ? t('gettingStarted.done') : t('gettingStarted.todo')}</Tag>
              </Flex>
              <Typography.Text type="secondary">{s.done ? t(`gettingStarted.steps.${s.id}.count`, { count: s.count }) : t(`gettingStarted.steps.${s.id}.detail`)}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** In 设置: brings the hidden list back to the home, and goes there. */
export function GettingStartedSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const goTo = useNav((s) => s.goTo);
  const show = () =>
    api.app.dismissGettingStarted({ dismissed: false }).then(
      () => {
        void message.success(t('gettingStarted.settings.shown'));
        goTo('caseload');
      },
      (err: unknown) => void message.error(errorMessage(err)),
    );
  return (
    <Card title={t('gettingStarted.settings.title')}>
      <Flex vertical gap="small" align="start">
        <Typography.Text type="secondary">{t('gettingStarted.settings.explain')}</Typography.Text>
        <Button onClick={() => void show()}>{t('gettingStarted.settings.show')}</Button>
      </Flex>
    </Card>
  );
}
