import { useTranslation } from 'react-i18next';
import { casesApi } from '../../../../shared/api/cases';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { RemoveWithReasonModal } from '../../components/RemoveWithReasonModal';

/** Soft-deletes a case opened by mistake. */
export function RemoveCaseModal({ target, onClose, onRemoved }: { target: { id: string; clientLabel: string } | null; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const shown = useShownName();
  return (
    <RemoveWithReasonModal
      open={target !== null}
      title={target ? t('counseling.cases.removeTitle', { name: shown(target.clientLabel) }) : ''}
      explain={t('counseling.cases.removeExplain')}
      reasonLabel={t('counseling.cases.removeReason')}
      reasonField={casesApi['cases.remove'].input.shape.reason}
      successMessage={t('counseling.cases.removed')}
      remove={(reason) => api.cases.remove({ id: target!.id, reason })}
      onClose={onClose}
      onRemoved={onRemoved}
    />
  );
}
