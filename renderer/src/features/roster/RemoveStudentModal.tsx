import { useTranslation } from 'react-i18next';
import { studentsApi, type StudentView } from '../../../../shared/api/students';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { RemoveWithReasonModal } from '../../components/RemoveWithReasonModal';

/** Soft-deletes a student entered by mistake. */
export function RemoveStudentModal({ student, onClose, onRemoved }: { student: StudentView | null; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const shown = useShownName();
  return (
    <RemoveWithReasonModal
      open={student !== null}
      title={student ? t('roster.removeTitle', { name: shown(student.name) }) : ''}
      explain={t('roster.removeExplain')}
      reasonLabel={t('roster.removeReason')}
      reasonField={studentsApi['students.remove'].input.shape.reason}
      successMessage={t('roster.removed')}
      remove={(reason) => api.students.remove({ id: student!.id, reason })}
      onClose={onClose}
      onRemoved={onRemoved}
    />
  );
}
