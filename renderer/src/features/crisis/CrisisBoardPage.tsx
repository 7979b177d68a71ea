import { Alert, Button, Flex, Form, Input, Select, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRISIS_SOURCES, crisisApi, type BoardItem } from '../../../../shared/api/crisis';
import { CRISIS_STEPS, CRISIS_TIERS } from '../../../../shared/domain/crisis';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { PersonName } from '../../components/PersonName';
import { StudentPicker } from '../../components/StudentPicker';
import { activateProps } from '../../lib/activate';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useNav } from '../../stores/nav';
import { StepTag } from './CrisisSection';
import { CrisisPlanTab } from './CrisisPlanTab';
import { TIER_COLORS, useTierName } from './labels';
import { RegistersTab } from './RegistersTab';
import { RulesTab } from './RulesTab';
import { PageTitle } from '../../components/PageTitle';

const board = () => api.crisis.board({});
const openShape = crisisApi['crisis.open'].input.shape;

/** 新建危机个案 by hand: the student, where the concern came from, the tier and a short reason. */
function OpenCrisisModal({ open, onClose, onOpened }: { open: boolean; onClose(): void; onOpened(caseId: string): void }) {
  const { t } = useTranslation();
  const tierName = useTierName();
  return (
    <FormModal<{ studentId: string; source: (typeof CRISIS_SOURCES)[number]; tier: (typeof CRISIS_TIERS)[number]; reason: string }>
      open={open}
      title={t('crisis.board.open')}
      okText={t('crisis.board.open')}
      initialValues={{ tier: 'red' }}
      onClose={onClose}
      onSubmit={async (v) => onOpened((await api.crisis.open(v)).caseId)}
    >
      <Form.Item name="studentId" label={t('crisis.fields.student')} rules={[zodRule(openShape.studentId)]}>
        <StudentPicker aria-label={t('crisis.fields.student')} />
      </Form.Item>
      <Form.Item name="source" label={t('crisis.fields.source')} rules={[zodRule(openShape.source)]}>
        <Select aria-label={t('crisis.fields.source')} options={CRISIS_SOURCES.map((s) => ({ value: s, label: t(`crisis.source.${s}`) }))} />
      </Form.Item>
      <Form.Item name="tier" label={t('crisis.fields.tier')} rules={[zodRule(openShape.tier)]}>
        <Select aria-label={t('crisis.fields.tier')} options={CRISIS_TIERS.map((x) => ({ value: x, label: tierName(x) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('crisis.case.reason')} rules={[zodRule(openShape.reason)]}>
        <Input maxLength={maxLengthOf(openShape.reason)} />
      </Form.Item>
    </FormModal>
  );
}

/** The active crisis cases, overdue steps first, each step's state at a glance; a row opens the case. */
function Board() {
  const { t } = useTranslation();
  const tierName = useTierName();
  const open = useNav((s) => s.open);
  const [opening, setOpening] = useState(false);
  const call = useCall(board, {});
  const d = call.data;
  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!d) return <Spin />;
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Flex gap="small" data-testid="crisis-counts">
          <Tag color={d.overdue > 0 ? 'red' : undefined}>{t('crisis.board.overdue', { count: d.overdue })}</Tag>
          <Tag color={d.dueToday > 0 ? 'orange' : undefined}>{t('crisis.board.dueToday', { count: d.dueToday })}</Tag>
          <Tag>{t('crisis.board.dueThisWeek', { count: d.dueThisWeek })}</Tag>
        </Flex>
        <Button type="primary" onClick={() => setOpening(true)}>
          {t('crisis.board.open')}
        </Button>
      </Flex>
      <Table<BoardItem>
        rowKey="caseId"
        size="middle"
        pagination={false}
        dataSource={d.items}
        scroll={{ x: true }}
        locale={{ emptyText: t('crisis.board.empty') }}
        onRow={(r) => activateProps(() => open({ kind: 'case', id: r.caseId }))}
        columns={[
          {
            key: 'student',
            title: t('crisis.fields.student'),
            render: (_v, r) => (
              <Flex vertical>
                <PersonName name={r.studentName} />
                <Typography.Text type="secondary">
                  {t(`domain.grade.${r.grade}`)}
                  {r.className}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'tier', title: t('crisis.fields.tier'), render: (_v, r) => <Tag color={TIER_COLORS[r.tier]}>{tierName(r.tier)}</Tag> },
          { key: 'status', title: t('crisis.fields.status'), render: (_v, r) => t(`crisis.status.${r.status}`) },
          ...CRISIS_STEPS.map((step) => ({
            key: step,
            title: t(`crisis.step.${step}`),
            render: (_v: unknown, r: BoardItem) => {
              const s = r.steps.find((x) => x.step === step)!;
              return (
                <Flex vertical data-testid={`board-${step}`}>
                  <StepTag step={s} />
                  {s.state === 'open' && <Typography.Text type="secondary">{s.dueOn}</Typography.Text>}
                </Flex>
              );
            },
          })),
          { key: 'review', title: t('crisis.fields.nextReviewOn'), render: (_v, r) => r.reviewDueOn ?? '' },
          { key: 'counselor', title: t('crisis.fields.counselor'), dataIndex: 'counselorName' },
        ]}
      />
      <OpenCrisisModal
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(caseId) => {
          setOpening(false);
          open({ kind: 'case', id: caseId });
        }}
      />
    </Flex>
  );
}

/** 危机干预: the board, the registers the steps draw on, the written procedure. Counselors only. */
export function CrisisBoardPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="middle">
      <PageTitle>
        {t('crisis.board.title')}
      </PageTitle>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'board', label: t('crisis.board.title'), children: <Board /> },
          { key: 'registers', label: t('crisis.board.registers'), children: <RegistersTab /> },
          { key: 'rules', label: t('crisis.board.rules'), children: <RulesTab /> },
          { key: 'plan', label: t('crisis.board.plan'), children: <CrisisPlanTab /> },
        ]}
      />
    </Flex>
  );
}
