import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, type CaseView } from '../../../../shared/api/cases';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { useCodeLabels } from '../../lib/codeLabels';
import { errorMessage, toApiError } from '../../lib/errors';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useNav } from '../../stores/nav';

const closeShape = casesApi['cases.close'].input.shape;
const summaryField = closeShape.closingSummary;

export interface CaseRecordRef {
  id: string;
  sessionDate: string;
  kind: string;
}

/** The record ids a CONFLICT errors.case.unsignedRecords names, or null for any other failure. */
function unsignedIds(err: unknown): string[] | null {
  const error = toApiError(err);
  if (error.code !== 'CONFLICT' || error.messageKey !== 'errors.case.unsignedRecords') return null;
  const ids = error.details !== undefined && !Array.isArray(error.details) ? error.details.recordIds : undefined;
  return Array.isArray(ids) ? ids.map(String) : [];
}

/** 结案 with a closing summary; a refusal for unsigned records names them, each a way to open it. */
export function CloseCaseModal({
  target,
  records,
  onClose,
  onClosed,
}: {
  target: { id: string; clientLabel: string } | null;
  records: readonly CaseRecordRef[];
  onClose(): void;
  onClosed(c: CaseView): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodeLabels();
  const shown = useShownName();
  const openTarget = useNav((s) => s.open);
  const today = useSchoolToday();
  const [form] = Form.useForm<{ closingSummary: string; closedOn: string }>();
  const [refusal, setRefusal] = useState<{ text: string; ids: string[] } | null>(null);
  const { busy, submit } = useFormSubmit(form, async ({ closingSummary, closedOn }: { closingSummary: string; closedOn: string }) => {
    if (!target) return;
    setRefusal(null);
    try {
      const closed = await api.cases.close({ id: target.id, closingSummary, closedOn });
      void message.success(t('counseling.cases.closedDone'));
      onClosed(closed);
    } catch (err) {
      const ids = unsignedIds(err);
      if (ids === null) throw err;
      setRefusal({ text: errorMessage(err), ids });
    }
  });
  const byId = new Map(records.map((r) => [r.id, r]));

  return (
    <Modal
      open={target !== null}
      title={target ? t('counseling.cases.closeTitle', { name: shown(target.clientLabel) }) : ''}
      okText={t('counseling.cases.close')}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        setRefusal(null);
        onClose();
      }}
      destroyOnHidden
      width={620}
    >
      {refusal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={refusal.text}
          description={
            <Flex vertical align="start">
              {t('counseling.cases.unsignedList')}
              {refusal.ids.map((id) => {
                const r = byId.get(id);
                return (
                  <Button key={id} type="link" size="small" onClick={() => openTarget({ kind: 'record', id })}>
                    {r ? t('common.noted', { text: `${r.sessionDate} ${codes.label('kind', r.kind)}`, note: t('counseling.cases.draft') }) : id}
                  </Button>
                );
              })}
            </Flex>
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ closedOn: today }}>
        <Form.Item name="closedOn" label={t('counseling.cases.closedOn')} rules={[zodRule(closeShape.closedOn.unwrap())]} {...dateProps}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item name="closingSummary" label={t('counseling.cases.closingSummary')} rules={[zodRule(summaryField)]}>
          <Input.TextArea rows={6} maxLength={maxLengthOf(summaryField)} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
