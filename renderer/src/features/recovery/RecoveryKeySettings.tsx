import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RotateRecoveryKeyModal } from './RotateRecoveryKeyModal';
import { useRecoveryKeyConfirmed } from './useRecoveryKeyStatus';

/** 设置 → 恢复密钥: issue a new key when the paper is lost or may have been seen (counselors only). */
export function RecoveryKeySettings() {
  const { t } = useTranslation();
  const confirmed = useRecoveryKeyConfirmed();
  const [rotating, setRotating] = useState(false);
  if (confirmed === null) return null;
  return (
    <Card title={t('recoveryKey.title')}>
      <Typography.Paragraph>{t('recoveryKey.explain')}</Typography.Paragraph>
      <Button onClick={() => setRotating(true)}>{t('recoveryKey.rotate.title')}</Button>
      {rotating && <RotateRecoveryKeyModal onClose={() => setRotating(false)} />}
    </Card>
  );
}
