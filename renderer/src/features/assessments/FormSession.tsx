import { Alert, Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { Kiosk } from './kiosk/Kiosk';
import { PaperEntryGrid } from './paper/PaperEntryGrid';
import { PAPER_DIALOG } from './paper/paperDialog';
import { useAlertGuard } from './useAlertGuard';
import { useLocalized, useScaleDefinition } from './useScaleDefinition';

const getStudent = ({ id }: { id: string }) => api.students.get({ id });

/** A started (or resumed) form, administered in its own mode: the kiosk, or a one-row paper grid. */
export function FormSession({ form, onClosed }: { form: FormView; onClosed(): void }) {
  const { t } = useTranslation();
  const text = useLocalized();
  const definition = useScaleDefinition({ scaleId: form.scaleId, version: form.version });
  const student = useCall(getStudent, { id: form.studentId });
  const guard = useAlertGuard([form.studentId], 'paper', onClosed);
  const failure = definition.error ?? student.error;
  if (failure !== undefined) return <Alert type="error" showIcon closable onClose={onClosed} title={errorMessage(failure)} />;
  if (!definition.data || !student.data) return <Spin />;
  if (form.mode === 'kiosk') return <Kiosk form={form} definition={definition.data} studentName={student.data.name} onExit={onClosed} />;
  return (
    <Modal open width={1100} {...PAPER_DIALOG} title={t('administer.paper.title', { scale: text(definition.data.names) })} footer={null} onCancel={guard.requestClose} destroyOnHidden>
      <PaperEntryGrid
        students={[{ studentId: form.studentId, name: student.data.name, studentNo: student.data.studentNo, form }]}
        scale={{ scaleId: form.scaleId, version: form.version }}
        campaignId={form.campaignId ?? undefined}
        date={form.date}
      />
      {guard.prompt}
    </Modal>
  );
}
