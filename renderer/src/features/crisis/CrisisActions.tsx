import { App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { crisisApi, type CrisisDetail } from '../../../../shared/api/crisis';
import { CRISIS_TIERS, type CrisisTier } from '../../../../shared/domain/crisis';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/errors';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { CrisisPrint } from './CrisisPrint';
import { useTierName } from './labels';
import { ReasonModal } from './ReasonModal';

const reviewShape = crisisApi['crisis.addReview'].input.shape;
const closeShape = crisisApi['crisis.close'].input.shape;
const stepReasonField = crisisApi['crisis.setTier'].input.shape.reason;

type Acting = 'tier' | 'status' | 'review' | 'close' | null;

/** What is done to the whole crisis case: tier, status, a review meeting, closing, the referral export. */
export function CrisisActions({ crisis, onChanged }: { crisis: CrisisDetail; onChanged(d: CrisisDetail): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const tierName = useTierName();
  const today = useSchoolToday();
  const [acting, setActing] = useState<Acting>(null);
  const [printable, setPrintable] = useState<Awaited<ReturnType<typeof api.crisis.referralExport>> | null>(null);
  const done = (d: CrisisDetail) => {
    setActing(null);
    onChanged(d);
  };
  const exportForReferral = async () => {
    const confirmed = await modal.confirm({ title: t('crisis.case.export'), content: t('crisis.case.exportConfirm'), okText: t('common.ok'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    try {
      setPrintable(await api.crisis.referralExport({ caseId: crisis.caseId, confirmed: true }));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const openSteps = crisis.steps.filter((s) => s.state === 'open');
  const nextStatus = crisis.status === 'open' ? 'monitoring' : 'open';

  return (
    <Flex gap="small" wrap>
      {crisis.status !== 'closed' && (
        <>
          <Button onClick={() => setActing('tier')}>{t('crisis.case.changeTier')}</Button>
          <Button onClick={() => setActing('status')}>{crisis.status === 'open' ? t('crisis.case.toMonitoring') : t('crisis.case.toOpen')}</Button>
          <Button onClick={() => setActing('review')}>{t('crisis.case.addReview')}</Button>
          <Button onClick={() => setActing('close')}>{t('crisis.case.close')}</Button>
        </>
      )}
      <Button onClick={() => void exportForReferral()}>{t('crisis.case.export')}</Button>

      <ReasonModal<{ tier: CrisisTier }>
        open={acting === 'tier'}
        title={t('crisis.case.changeTier')}
        label={t('crisis.fields.reason')}
        onClose={() => setActing(null)}
        onSubmit={async (reason, v) => done(await api.crisis.setTier({ caseId: crisis.caseId, tier: v.tier, reason }))}
      >
        <Form.Item name="tier" label={t('crisis.fields.tier')} rules={[{ required: true, message: t('common.required') }]}>
          <Select aria-label={t('crisis.fields.tier')} options={CRISIS_TIERS.filter((x) => x !== crisis.tier).map((x) => ({ value: x, label: tierName(x) }))} />
        </Form.Item>
      </ReasonModal>

      <ReasonModal
        open={acting === 'status'}
        title={crisis.status === 'open' ? t('crisis.case.toMonitoring') : t('crisis.case.toOpen')}
        label={t('crisis.fields.reason')}
        onClose={() => setActing(null)}
        onSubmit={async (reason) => done(await api.crisis.setStatus({ caseId: crisis.caseId, status: nextStatus, reason }))}
      />

      <FormModal<{ date: string; attendees: string; decision: string; nextReviewOn: string | null }>
        open={acting === 'review'}
        title={t('crisis.case.addReview')}
        okText={t('common.save')}
        initialValues={{ date: today }}
        onClose={() => setActing(null)}
        onSubmit={async (v) => done(await api.crisis.addReview({ caseId: crisis.caseId, ...v, nextReviewOn: v.nextReviewOn ?? null }))}
      >
        <Form.Item name="date" label={t('crisis.fields.date')} rules={[zodRule(reviewShape.date)]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} aria-label={t('crisis.fields.date')} />
        </Form.Item>
        <Form.Item name="attendees" label={t('crisis.fields.attendees')} rules={[zodRule(reviewShape.attendees)]}>
          <Input maxLength={maxLengthOf(reviewShape.attendees)} />
        </Form.Item>
        <Form.Item name="decision" label={t('crisis.fields.decision')} rules={[zodRule(reviewShape.decision)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(reviewShape.decision)} showCount />
        </Form.Item>
        <Form.Item name="nextReviewOn" label={t('crisis.fields.nextReviewOn')} {...dateProps}>
          <DatePicker style={{ width: '100%' }} aria-label={t('crisis.fields.nextReviewOn')} />
        </Form.Item>
      </FormModal>

      <FormModal<{ reason: string; stepReasons: Record<string, string | undefined> }>
        open={acting === 'close'}
        title={t('crisis.case.close')}
        okText={t('crisis.case.close')}
        width={600}
        onClose={() => setActing(null)}
        onSubmit={async (v) => {
          const stepReasons = Object.fromEntries(Object.entries(v.stepReasons ?? {}).filter(([, r]) => r !== undefined && r.trim() !== ''));
          done(await api.crisis.close({ caseId: crisis.caseId, reason: v.reason, stepReasons }));
        }}
      >
        <Form.Item name="reason" label={t('crisis.case.closeReasonHint')} rules={[zodRule(closeShape.reason)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(closeShape.reason)} showCount />
        </Form.Item>
        {openSteps.map((s) => (
          <Form.Item key={s.step} name={['stepReasons', s.step]} label={t('crisis.case.stepReason', { step: t(`crisis.step.${s.step}`) })}>
            <Input maxLength={maxLengthOf(stepReasonField)} />
          </Form.Item>
        ))}
      </FormModal>
      {printable && <CrisisPrint exported={printable} onDone={() => setPrintable(null)} />}
    </Flex>
  );
}
