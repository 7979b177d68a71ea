import { Alert, App, Button, Descriptions, Flex, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { caseDetail } from '../../../../shared/api/cases';
import type { z } from 'zod';
import { api } from '../../api/client';
import { PersonName, useShownName } from '../../components/PersonName';
import { useAskInactive, withInactiveAcknowledgement } from '../../lib/acknowledgeInactive';
import { useClientSources } from '../../lib/clientSources';
import { useCodeLabels } from '../../lib/codeLabels';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';
import { useSession } from '../../stores/session';
import { BackButton } from '../shell/BackButton';
import { ContactConsentButtons } from '../archive/ContactConsentButtons';
import { CloseCaseModal } from './CloseCaseModal';
import { RemoveCaseModal } from './RemoveCaseModal';
import { TransferCaseModal } from './TransferCaseModal';
import { activateProps } from '../../lib/activate';
import { CrisisSection } from '../crisis/CrisisSection';
import { PageTitle } from '../../components/PageTitle';

type RecordItem = z.output<typeof caseDetail>['records'][number];

const getCase = ({ id }: { id: string }) => api.cases.get({ id });

/** One case (opening it is audited): header, its session records, 新建记录; an open case also 结案, 转介, 删除. */
export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useSession((s) => s.status?.user?.id);
  const codes = useCodeLabels();
  const sources = useClientSources();
  const shown = useShownName();
  const open = useNav((s) => s.open);
  const back = useNav((s) => s.back);
  const [acting, setActing] = useState<'close' | 'transfer' | 'remove' | null>(null);
  const askInactive = useAskInactive();
  const [creating, setCreating] = useState(false);
  // A crisis case with crisis details closes through its own rules (crisis.close), not 结案.
  const [crisis, setCrisis] = useState(false);
  const call = useCall(getCase, { id });
  const c = call.data;

  const newRecord = async () => {
    setCreating(true);
    try {
      // The draft exists from the first click: autosave then only ever updates it.
      const saved = await withInactiveAcknowledgement((acknowledgeInactive) => api.records.saveDraft({ caseId: id, acknowledgeInactive }), askInactive);
      if (saved) open({ kind: 'record', id: saved.id });
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setCreating(false);
    }
  };

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!c) return <Spin />;
  const mine = c.counselorId === me;

  // A colleague's case (she left, or is away): taking it over is handing it to oneself, said so.
  const takeOver = () =>
    modal.confirm({
      title: t('counseling.cases.takeOverConfirm', { name: c.counselorName }),
      content: t('counseling.cases.takeOverBody', { name: c.counselorName }),
      okText: t('counseling.cases.takeOver'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.cases.transfer({ id: c.id, toCounselorId: me!, reason: '' });
          void message.success(t('counseling.cases.takenOver'));
          call.reload();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small">
        <Flex align="center" gap="small">
          <BackButton />
          <PageTitle>
            {t('counseling.cases.pageTitle', { name: shown(c.clientLabel) })}
          </PageTitle>
        </Flex>
        {c.status === 'open' && (
          <Flex gap="small" wrap>
            <Button type="primary" loading={creating} onClick={() => void newRecord()}>
              {t('counseling.cases.newRecord')}
            </Button>
            {c.studentId !== null && <ContactConsentButtons student={{ id: c.studentId }} />}
            {!crisis && <Button onClick={() => setActing('close')}>{t('counseling.cases.close')}</Button>}
            {!mine && me !== undefined && <Button onClick={takeOver}>{t('counseling.cases.takeOver')}</Button>}
            <Button onClick={() => setActing('transfer')}>{t('counseling.cases.transfer')}</Button>
            {/* A crisis case is closed, never deleted: the core refuses it, so nothing offers it. */}
            {!crisis && (
              <Button danger onClick={() => setActing('remove')}>
                {t('counseling.cases.remove')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          {
            key: 'client',
            label: t('counseling.caseload.student'),
            children: (
              <>
                <PersonName name={c.clientLabel} />
                {c.clientKind !== 'student' && <Tag style={{ marginInlineStart: 8 }}>{codes.label('clientKind', c.clientKind)}</Tag>}
              </>
            ),
          },
          { key: 'status', label: t('counseling.cases.status'), children: <Tag>{codes.label('caseStatus', c.status)}</Tag> },
          { key: 'categories', label: t('counseling.cases.categories'), children: c.categories.map((k) => codes.label('category', k)).join(t('common.listSeparator')) },
          { key: 'source', label: t('counseling.cases.source'), children: [sources.label(c.source), c.sourceNote].filter(Boolean).join(' · ') },
          { key: 'openedOn', label: t('counseling.cases.openedOn'), children: c.openedOn },
          { key: 'counselor', label: t('counseling.cases.counselor'), children: c.counselorName },
          { key: 'goals', label: t('counseling.cases.goals'), span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.goals || t('common.none')}</span> },
          ...(c.status === 'closed'
            ? [
                { key: 'closedOn', label: t('counseling.cases.closedOn'), span: 2, children: c.closedOn },
                {
                  key: 'closingSummary',
                  label: t('counseling.cases.closingSummary'),
                  span: 2,
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.closingSummary}</span>,
                },
              ]
            : []),
        ]}
      />
      {c.categories.includes('crisis') && c.clientKind === 'student' && <CrisisSection caseId={c.id} caseOpen={c.status === 'open'} onPresence={setCrisis} />}
      <Table<RecordItem>
        rowKey="id"
        size="middle"
        pagination={false}
        title={() => t('counseling.cases.records')}
        dataSource={c.records}
        locale={{ emptyText: t('counseling.cases.noRecords') }}
        onRow={(r) => activateProps(() => open({ kind: 'record', id: r.id }))}
        columns={[
          { key: 'date', title: t('counseling.records.sessionDate'), dataIndex: 'sessionDate' },
          { key: 'kind', title: t('counseling.records.kind'), render: (_v, r) => codes.label('kind', r.kind) },
          { key: 'mode', title: t('counseling.records.mode'), render: (_v, r) => codes.label('mode', r.mode) },
          { key: 'author', title: t('counseling.archive.actor'), dataIndex: 'authorName' },
          {
            key: 'signed',
            title: t('counseling.cases.status'),
            render: (_v, r) => (r.signed ? <Tag color="green">{t('counseling.cases.signed')}</Tag> : <Tag color="orange">{t('counseling.cases.draft')}</Tag>),
          },
        ]}
      />
      <CloseCaseModal
        target={acting === 'close' ? c : null}
        records={c.records}
        onClose={() => setActing(null)}
        onClosed={() => {
          setActing(null);
          call.reload();
        }}
      />
      <TransferCaseModal
        target={acting === 'transfer' ? c : null}
        mine={mine}
        onClose={() => setActing(null)}
        onTransferred={() => {
          setActing(null);
          call.reload();
        }}
      />
      <RemoveCaseModal target={acting === 'remove' ? c : null} onClose={() => setActing(null)} onRemoved={back} />
    </Flex>
  );
}
