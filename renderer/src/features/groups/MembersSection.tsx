import { App, Button, DatePicker, Form, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { groupsApi } from '../../../../shared/api/groups';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PersonName, useShownName } from '../../components/PersonName';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { zodRule } from '../../lib/zodForm';
import { Section } from '../rooms/Section';
import { AddMembersModal } from './AddMembersModal';
import { useGroupLabels } from './labels';

export type GroupDetail = OutputOf<'groups.get'>;
type Member = GroupDetail['members'][number];

const leftOnField = groupsApi['groups.removeMember'].input.shape.leftOn;

/** Members with their spells (a member who left and rejoined shows twice); 添加成员 and 离组. */
export function MembersSection({ program, onChanged }: { program: GroupDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useGroupLabels();
  const shown = useShownName();
  const today = useSchoolToday();
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<Member | null>(null);
  const current = new Set(program.members.filter((m) => m.leftOn === null).map((m) => m.studentId));

  return (
    <Section
      title={t('groups.members.title', { count: current.size })}
      add={
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('groups.members.add')}
        </Button>
      }
    >
      <Table<Member>
        rowKey={(m) => `${m.studentId}:${m.joinedOn}`}
        size="small"
        pagination={false}
        dataSource={program.members}
        locale={{ emptyText: t('groups.members.none') }}
        columns={[
          { key: 'name', title: t('student.fields.name'), render: (_v, m) => <PersonName name={m.name} /> },
          { key: 'studentNo', title: t('student.fields.studentNo'), dataIndex: 'studentNo' },
          { key: 'class', title: t('groups.members.class'), render: (_v, m) => labels.className(m) },
          { key: 'joinedOn', title: t('groups.members.joinedOn'), dataIndex: 'joinedOn' },
          {
            key: 'leftOn',
            title: t('groups.members.leftOn'),
            render: (_v, m) => m.leftOn ?? <Tag color="green">{t('groups.members.current')}</Tag>,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, m) =>
              m.leftOn === null && (
                <Button size="small" type="link" onClick={() => setLeaving(m)}>
                  {t('groups.members.leave')}
                </Button>
              ),
          },
        ]}
      />
      {adding && (
        <AddMembersModal
          program={program}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
      {leaving && (
        <FormModal<{ leftOn: string }>
          open
          title={t('groups.members.leaveTitle', { name: shown(leaving.name) })}
          okText={t('groups.members.leave')}
          initialValues={{ leftOn: today }}
          onClose={() => setLeaving(null)}
          onSubmit={async ({ leftOn }) => {
            await api.groups.removeMember({ id: program.id, studentId: leaving.studentId, leftOn });
            void message.success(t('groups.members.left'));
            setLeaving(null);
            onChanged();
          }}
        >
          <Typography.Paragraph type="secondary">{t('groups.members.leaveExplain')}</Typography.Paragraph>
          <Form.Item name="leftOn" label={t('groups.members.leftOn')} rules={[zodRule(leftOnField)]} {...dateProps}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </FormModal>
      )}
    </Section>
  );
}
