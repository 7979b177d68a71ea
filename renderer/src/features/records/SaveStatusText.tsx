import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatInstant } from '../../lib/time';
import type { SaveStatus } from './useAutosave';

/** 已保存 hh:mm:ss / 保存中… next to the form's title; a live region so it is announced. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  const format = useFormatInstant();
  const text = {
    saved: () => t('counseling.records.savedAt', { time: status.state === 'saved' ? format(status.at, 'HH:mm:ss') : '' }),
    saving: () => t('counseling.records.saving'),
    dirty: () => t('counseling.records.unsaved'),
    failed: () => (status.state === 'failed' ? status.message : ''),
  }[status.state]();
  return (
    <Typography.Text role="status" type={status.state === 'failed' ? 'danger' : 'secondary'}>
      {text}
    </Typography.Text>
  );
}
