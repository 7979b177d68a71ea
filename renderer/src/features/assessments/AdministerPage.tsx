import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../../shared/api/assessments';
import { StudentPicker } from '../../components/StudentPicker';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { AdministerButton } from './AdministerButton';
import { AnswerImportButton } from './AnswerImportButton';
import { FormSession } from './FormSession';
import { formsInProgress } from './formsInProgress';
import { useScales } from './scaleLabels';
import { VoidFormModal } from './VoidFormModal';
import { PageTitle } from '../../components/PageTitle';

const inProgressOf = ({ studentId }: { studentId: string }) => formsInProgress(studentId);

/**
 * 测评施测: choose a student, then start a form (屏幕作答 or 纸笔录入) or go on with one in progress —
 * every answer was stored on its tap or keystroke, so nothing is lost — or void it.
 */
export function AdministerPage() {
  const { t } = useTranslation();
  const scales = useScales();
  const [studentId, setStudentId] = useState<string | undefined>();
  const [resuming, setResuming] = useState<FormView | null>(null);
  const [voiding, setVoiding] = useState<string | null>(null);
  const forms = useCall(inProgressOf, studentId ? { studentId } : null);

  return (
    <Flex vertical gap="middle" role="region" aria-label={t('administer.title')}>
      <Flex justify="space-between" align="center">
        <PageTitle>
          {t('administer.title')}
        </PageTitle>
        <AnswerImportButton />
      </Flex>
      <Card size="small">
        <Flex gap="middle" align="center" wrap>
          <StudentPicker aria-label={t('administer.student')} value={studentId} onChange={setStudentId} style={{ width: 360 }} allowClear />
          {studentId ? <AdministerButton key={studentId} studentId={studentId} onChanged={forms.reload} /> : <Typography.Text type="secondary">{t('administer.pickStudent')}</Typography.Text>}
        </Flex>
      </Card>
      {studentId ? (
        <Card size="small" title={t('administer.inProgress')} loading={forms.loading && !forms.data}>
          {forms.error !== undefined ? (
            <Alert type="error" showIcon title={errorMessage(forms.error)} />
          ) : (
            <List<FormView>
              size="small"
              dataSource={forms.data ?? []}
              locale={{ emptyText: t('administer.noneInProgress') }}
              renderItem={(f) => (
                <List.Item
                  key={f.id}
                  actions={[
                    <Button key="resume" type="primary" size="small" onClick={() => setResuming(f)}>
                      {t('administer.resume')}
                    </Button>,
                    <Button key="void" danger size="small" onClick={() => setVoiding(f.id)}>
                      {t('administer.void')}
                    </Button>,
                  ]}
                >
                  <Flex gap="small" align="center" wrap>
                    <Typography.Text strong>{scales.title(f.scaleId)}</Typography.Text>
                    <Tag>{f.mode === 'kiosk' ? t('administer.modes.kiosk') : t('administer.modes.paper')}</Tag>
                    <Typography.Text type="secondary">{f.date}</Typography.Text>
                    <Typography.Text type="secondary">{t('administer.answered', { answered: Object.keys(f.answers).length, total: scales.items.find((s) => s.id === f.scaleId && s.version === f.version)?.itemCount ?? '—' })}</Typography.Text>
                    {f.alerts.length > 0 ? <Tag color="red">{t(`assessments.severity.${f.alerts[0]!.severity}`)}</Tag> : null}
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      ) : null}
      {resuming ? (
        <FormSession
          form={resuming}
          onClosed={() => {
            setResuming(null);
            forms.reload();
          }}
        />
      ) : null}
      <VoidFormModal
        formId={voiding}
        onClose={() => setVoiding(null)}
        onVoided={() => {
          setVoiding(null);
          forms.reload();
        }}
      />
    </Flex>
  );
}
