import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisDetail } from '../../../../shared/api/crisis';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { CrisisDetailsFields, type CrisisDetailsValues } from './CrisisDetailsFields';

/**
 * A case of category crisis opened before crisis details were required has no steps: said plainly,
 * with 补充危机信息 to give it its source, tier and reason, and so its six steps.
 */
export function AttachCrisis({ caseId, onAttached }: { caseId: string; onAttached(d: CrisisDetail): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="crisis-missing"
        title={t('crisis.case.missingDetails')}
        action={
          <Button danger onClick={() => setOpen(true)}>
            {t('crisis.case.attach')}
          </Button>
        }
      />
      <FormModal<{ crisis: CrisisDetailsValues }>
        open={open}
        title={t('crisis.case.attach')}
        okText={t('common.save')}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          const attached = await api.crisis.attach({ caseId, ...v.crisis });
          setOpen(false);
          onAttached(attached);
        }}
      >
        <CrisisDetailsFields />
      </FormModal>
    </>
  );
}
