import { App, Button, Card, Flex, Form, InputNumber, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/api/contract';
import { schoolProfile } from '../../../../shared/api/session';
import { settingsApi } from '../../../../shared/api/settings';
import { LANGUAGES, type Language } from '../../../../shared/i18n';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { parseForm, zodRule } from '../../lib/zodForm';
import { useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { PrivacyMaskSwitch } from '../../components/PrivacyMaskSwitch';
import { ChangePassphraseForm } from '../auth/ChangePassphraseForm';
import { BackupSettings } from '../backup/BackupSettings';
import { GettingStartedSettings } from '../caseload/GettingStarted';
import { RecoveryKeySettings } from '../recovery/RecoveryKeySettings';
import { SchoolProfileFields } from '../setup/SchoolProfileFields';
import { PageTitle } from '../../components/PageTitle';
import { SegmentedChoice } from '../../components/SegmentedChoice';

// Each language is named in itself, so it can be found whatever language is showing.
const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };
const updateShape = settingsApi['settings.update'].input.shape;
const idleMinutesField = updateShape.idleLockMinutes.unwrap();

/** 设置: this screen's language, privacy mask, idle lock, school profile, own passphrase, recovery key, backups. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { language, setLanguage, settings } = useSettings();
  const role = useSession((s) => s.status?.user?.role);
  if (!settings) return null;
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 760 }}>
      <PageTitle>
        {t('settings.title')}
      </PageTitle>
      <Card title={t('settings.display')}>
        <Form layout="vertical">
          <Form.Item label={t('settings.language')}>
            <SegmentedChoice<Language>
              value={language}
              onChange={(l) => void setLanguage(l)}
              options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            />
          </Form.Item>
          <Form.Item label={t('settings.privacyMask')}>
            <PrivacyMaskSwitch label={t('settings.privacyMask')} />
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('settings.security')}>
        <IdleLockForm minutes={settings.idleLockMinutes} />
      </Card>
      {role === 'counselor' && (
        <Card title={t('settings.counseling')}>
          <CaseworkForm notSeenDays={settings.caseloadNotSeenDays} retentionDays={settings.trashRetentionDays} />
        </Card>
      )}
      {role === 'counselor' && <GettingStartedSettings />}
      <Card title={t('settings.school')}>
        <SchoolForm />
      </Card>
      <Card title={t('changePassphrase.title')}>
        <ChangePassphraseForm />
      </Card>
      <RecoveryKeySettings />
      {role === 'counselor' && <BackupSettings />}
    </Flex>
  );
}

/** Saves one part of the settings from a form, showing the core's errors on its fields. */
function useSettingsSave<V>(form: FormInstance, toPatch: (values: V) => InputOf<'settings.update'> | null, prefix: string[] = []) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useSettings((s) => s.update);
  return useFormSubmit(
    form,
    async (values: V) => {
      const patch = toPatch(values);
      if (!patch) return;
      await update(patch);
      void message.success(t('common.saved'));
    },
    { prefix },
  );
}

function IdleLockForm({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ idleLockMinutes: number }>();
  const { busy, submit } = useSettingsSave(form, (values: { idleLockMinutes: number }) => values);
  return (
    <Form form={form} layout="inline" initialValues={{ idleLockMinutes: minutes }} onFinish={submit}>
      <Form.Item name="idleLockMinutes" label={t('settings.idleLockMinutes')} rules={[zodRule(idleMinutesField)]}>
        <InputNumber min={1} max={240} precision={0} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

interface Casework {
  caseloadNotSeenDays: number;
  trashRetentionDays: number;
}

function CaseworkForm({ notSeenDays, retentionDays }: { notSeenDays: number; retentionDays: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Casework>();
  const { busy, submit } = useSettingsSave(form, (values: Casework) => values);
  return (
    <Form form={form} layout="vertical" initialValues={{ caseloadNotSeenDays: notSeenDays, trashRetentionDays: retentionDays }} onFinish={submit}>
      <Form.Item name="caseloadNotSeenDays" label={t('settings.caseloadNotSeenDays')} rules={[zodRule(updateShape.caseloadNotSeenDays.unwrap())]}>
        <InputNumber min={1} max={365} precision={0} />
      </Form.Item>
      <Form.Item name="trashRetentionDays" label={t('settings.trashRetentionDays')} rules={[zodRule(updateShape.trashRetentionDays.unwrap())]}>
        <InputNumber min={1} max={3650} precision={0} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

function SchoolForm() {
  const { t } = useTranslation();
  const school = useSettings((s) => s.settings?.school);
  const [form] = Form.useForm();
  const { busy, submit } = useSettingsSave(
    form,
    (values: unknown) => {
      const school = parseForm(form, schoolProfile, values);
      return school && { school };
    },
    ['school'],
  );
  return (
    <Form form={form} layout="vertical" initialValues={school} onFinish={submit}>
      <SchoolProfileFields />
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
