import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactsApi } from '../../../../shared/api/contacts';
import { recordsApi } from '../../../../shared/api/records';
import { api } from '../../api/client';
import { RemoveWithReasonModal } from '../../components/RemoveWithReasonModal';
import { useNav } from '../../stores/nav';

/** What can be moved to 回收站 from its own page: a draft record or a home-school contact. */
const KINDS = {
  record: { reasonField: recordsApi['records.remove'].input.shape.reason, remove: (id: string, reason: string) => api.records.remove({ id, reason }) },
  contact: { reasonField: contactsApi['contacts.remove'].input.shape.reason, remove: (id: string, reason: string) => api.contacts.remove({ id, reason }) },
} as const;

/** 删除 with a reason; the page closes, and 回收站 can bring the item back. */
export function RemoveToTrashButton({ kind, id }: { kind: keyof typeof KINDS; id: string }) {
  const { t } = useTranslation();
  const back = useNav((s) => s.back);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t(`trash.remove.${kind}.button`)}
      </Button>
      <RemoveWithReasonModal
        open={open}
        title={t(`trash.remove.${kind}.title`)}
        explain={t(`trash.remove.${kind}.explain`)}
        reasonLabel={t('trash.reason')}
        reasonField={KINDS[kind].reasonField}
        successMessage={t(`trash.remove.${kind}.done`)}
        remove={(reason) => KINDS[kind].remove(id, reason)}
        onClose={() => setOpen(false)}
        onRemoved={() => {
          setOpen(false);
          back();
        }}
      />
    </>
  );
}
