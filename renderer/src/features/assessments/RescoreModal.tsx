import { App, Form, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useLocalized, useScaleDefinition } from './useScaleDefinition';

interface Values {
  version: string;
  /** '' is the scale's own bands. */
  normProfileId: string;
}

const parts = (v: string) => v.split('.').map(Number);
/** Newest first, as the core picks its default version. */
export function newerFirst(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (y[i] ?? 0) - (x[i] ?? 0);
  return 0;
}

/**
 * 重新计分: the form's raw answers scored again by another version or norm profile, stored as a new
 * derived form. The core keeps the original's norm profile when none is sent, so going back to a
 * scale's own bands is offered only when the original used them.
 */
export function RescoreModal({ form: original, versions, onClose, onDone }: { form: FormView; versions: readonly string[]; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useLocalized();
  const [form] = Form.useForm<Values>();
  const sorted = [...new Set([...versions, original.version])].sort(newerFirst);
  const initialVersion = sorted.find((v) => v !== original.version) ?? original.version;
  const version = Form.useWatch('version', form) ?? initialVersion;
  const definition = useScaleDefinition({ scaleId: original.scaleId, version });
  const originalProfile = original.result?.normProfileId ?? null;
  const profiles = useMemo(() => definition.data?.normProfiles ?? [], [definition.data]);
  const offerOwnBands = originalProfile === null;

  // A version without the original's profile cannot keep it: the choice falls back to a profile it has.
  useEffect(() => {
    if (!definition.data) return;
    const chosen = form.getFieldValue('normProfileId') as string | undefined;
    const still = chosen === '' ? offerOwnBands : profiles.some((p) => p.id === chosen);
    if (!still) form.setFieldValue('normProfileId', offerOwnBands ? '' : profiles[0]?.id);
  }, [definition.data, form, offerOwnBands, profiles]);

  return (
    <FormModal<Values>
      open
      form={form}
      title={t('rescore.title')}
      okText={t('rescore.ok')}
      initialValues={{ version: initialVersion, normProfileId: originalProfile ?? '' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const derived = await api.assessments.rescore({ formId: original.id, version: v.version, ...(v.normProfileId ? { normProfileId: v.normProfileId } : {}) });
        void message.success(t('rescore.done', { version: derived.version }));
        onDone();
      }}
    >
      <Typography.Paragraph type="secondary">{t('rescore.explain')}</Typography.Paragraph>
      <Form.Item name="version" label={t('rescore.version')} rules={[{ required: true, message: t('errors.field.required') }]}>
        <Select options={sorted.map((v) => ({ value: v, label: v === original.version ? t('rescore.current', { version: v }) : v }))} />
      </Form.Item>
      {(profiles.length > 0 || !offerOwnBands) && (
        <Form.Item name="normProfileId" label={t('rescore.normProfile')} rules={[{ required: !offerOwnBands, message: t('errors.field.required') }]}>
          <Select
            loading={definition.loading}
            options={[...(offerOwnBands ? [{ value: '', label: t('rescore.ownBands') }] : []), ...profiles.map((p) => ({ value: p.id, label: text(p.names) }))]}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
