import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecoveryKeyCheck } from './RecoveryKeyCheck';
import { KEY_FRAME_WIDTH } from './RecoveryKeyField';
import { useOnKeyConfirmed } from './useRecoveryKeyStatus';

/** Typing back the key that is already on paper (setup was left before that step). */
export function CheckRecoveryKeyModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const confirmed = useOnKeyConfirmed(onClose);
  return (
    <Modal open title={t('recoveryKey.checkTitle')} footer={null} width={KEY_FRAME_WIDTH} onCancel={onClose}>
      <RecoveryKeyCheck submitLabel={t('recoveryKey.check')} onConfirmed={confirmed} />
    </Modal>
  );
}
