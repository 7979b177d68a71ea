import { App, Button, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureView, RecordView } from '../../../../shared/api/records';
import { api } from '../../api/client';
import { errorMessage, showErrorOnForm } from '../../lib/errors';
import { DisclosureModal } from './DisclosureModal';

/**
 * 签名: saves what is pending, then asks records.get what signing would refuse. Fields missing or
 * not yet right (a future date, a session that has not begun) are reported through `onBlockers` and marked on the form; a risk of harm without a documented
 * disclosure opens the disclosure form first and signs once it is saved.
 */
export function SignButton({ record, form, flush, revision, onBlockers, onDisclosed, onSigned }: {
  record: RecordView;
  form: FormInstance;
  flush(): Promise<void>;
  revision(): number;
  onBlockers(fields: RecordView['signBlockers']): void;
  onDisclosed(d: DisclosureView): void;
  onSigned(): void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [disclosing, setDisclosing] = useState(false);

  const signNow = async () => {
    const confirmed = await modal.confirm({ title: t('counseling.records.signConfirm'), okText: t('counseling.records.sign'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    await api.records.sign({ id: record.id, revision: revision() });
    void message.success(t('counseling.records.signedDone'));
    onSigned();
  };

  const sign = async () => {
    setBusy(true);
    try {
      await flush();
      const { signBlockers } = await api.records.get({ id: record.id });
      const fields = signBlockers.filter((b) => b.path !== 'disclosures');
      onBlockers(fields);
      if (fields.length > 0) {
        form.setFields(fields.map(({ path, reason, ...params }) => ({ name: path, errors: [t(reason, params)] })));
        return;
      }
      if (signBlockers.some((b) => b.path === 'disclosures')) setDisclosing(true);
      else await signNow();
    } catch (err) {
      const text = showErrorOnForm(form, err);
      if (text) void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" loading={busy} onClick={() => void sign()}>
        {t('counseling.records.sign')}
      </Button>
      <DisclosureModal
        recordId={record.id}
        open={disclosing}
        gate
        onClose={() => setDisclosing(false)}
        onAdded={(d) => {
          setDisclosing(false);
          onDisclosed(d);
          signNow().catch((err: unknown) => void message.error(errorMessage(err)));
        }}
      />
    </>
  );
}
