import { Alert, Button, Descriptions, Flex, Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StudentView } from '../../../../shared/api/students';
import { api } from '../../api/client';
import { PersonName, useShownName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
import { useCall } from '../../lib/useCall';
import { StudentCases } from '../cases/StudentCases';
import { ContactConsentButtons } from '../archive/ContactConsentButtons';
import { AppDrawer } from '../../components/AppDrawer';

type Guardian = StudentView['guardians'][number];

const getStudent = ({ id }: { id: string }) => api.students.get({ id });

/** One student's record (opening it is audited by the core), with edit and delete. */
export function StudentDetailDrawer({ studentId, reloadKey, onClose, onEdit, onRemove }: {
  studentId: string | null;
  /** Changes after an edit, so the drawer shows the saved record. */
  reloadKey: number;
  onClose(): void;
  onEdit(student: StudentView): void;
  onRemove(student: StudentView): void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const shown = useShownName();
  const call = useCall(getStudent, studentId ? { id: studentId, reloadKey } : null);
  // Never show the previous student's record while the next one loads.
  const student = call.loading ? null : (call.data ?? null);
  const failure = call.error === undefined ? null : errorMessage(call.error);

  const none = t('common.none');
  return (
    <AppDrawer
      open={studentId !== null}
      onClose={onClose}
      size={600}
      title={student ? t('roster.detailTitle', { name: shown(student.name) }) : ' '}
      extra={
        student && (
          <Flex gap="small">
            <ContactConsentButtons student={student} />
            <Button onClick={() => onEdit(student)}>{t('common.edit')}</Button>
            <Button danger onClick={() => onRemove(student)}>
              {t('common.remove')}
            </Button>
          </Flex>
        )
      }
    >
      {failure && <Alert type="error" showIcon title={failure} />}
      {!student && !failure && <Spin />}
      {student && (
        <Flex vertical gap="large">
          <Descriptions
            column={2}
            bordered
            size="small"
            items={[
              { key: 'studentNo', label: t('student.fields.studentNo'), children: student.studentNo },
              { key: 'name', label: t('student.fields.name'), children: <PersonName name={student.name} /> },
              { key: 'sex', label: t('student.fields.sex'), children: labels.sex(student.sex) },
              { key: 'birthDate', label: t('student.fields.birthDate'), children: student.birthDate ?? none },
              { key: 'grade', label: t('student.fields.grade'), children: labels.grade(student.grade) },
              { key: 'className', label: t('student.fields.className'), children: student.className },
              { key: 'enrollmentYear', label: t('student.fields.enrollmentYear'), children: student.enrollmentYear ?? none },
              { key: 'status', label: t('student.fields.status'), children: <Tag>{labels.status(student.status)}</Tag> },
              { key: 'notes', label: t('student.fields.notes'), span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{student.notes || none}</span> },
            ]}
          />
          <Table<Guardian>
            size="small"
            pagination={false}
            title={() => t('student.fields.guardians')}
            // Guardians have no id of their own; their place in the list is their key.
            dataSource={student.guardians.map((g, key) => ({ ...g, key }))}
            locale={{ emptyText: none }}
            columns={[
              { key: 'name', title: t('student.guardian.name'), render: (_v, g) => <PersonName name={g.name} /> },
              { key: 'relation', title: t('student.guardian.relation'), dataIndex: 'relation' },
              { key: 'phone', title: t('student.guardian.phone'), dataIndex: 'phone' },
            ]}
          />
          <StudentCases student={student} />
        </Flex>
      )}
    </AppDrawer>
  );
}
