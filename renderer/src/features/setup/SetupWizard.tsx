import { Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolProfile } from '../../../../shared/api/session';
import { CenteredPanel } from '../../components/CenteredPanel';
import { AccountStep, type NewAccount } from './AccountStep';
import { RecoveryStep } from './RecoveryStep';
import { SchoolStep } from './SchoolStep';

const NEW_SCHOOL: Partial<SchoolProfile> = { stages: [], timeZone: 'Asia/Shanghai' };

/** First run: school profile → first counselor account → recovery key (shown once, typed back). */
export function SetupWizard() {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [school, setSchool] = useState<SchoolProfile | null>(null);
  const [account, setAccount] = useState<NewAccount | null>(null);

  return (
    <CenteredPanel title={t('setup.title')} width={760}>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('setup.steps.school') }, { title: t('setup.steps.account') }, { title: t('setup.steps.recovery') }]}
      />
      {step === 0 && (
        <SchoolStep
          initial={school ?? NEW_SCHOOL}
          onNext={(value) => {
            setSchool(value);
            setStep(1);
          }}
        />
      )}
      {step === 1 && (
        <AccountStep
          initial={account ?? {}}
          schoolName={school?.name}
          onBack={() => setStep(0)}
          onNext={(value) => {
            setAccount(value);
            setStep(2);
          }}
        />
      )}
      {step === 2 && school && account && <RecoveryStep school={school} counselor={account} onBack={() => setStep(1)} />}
    </CenteredPanel>
  );
}
