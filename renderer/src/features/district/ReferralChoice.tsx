import { Alert, App, Checkbox, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useCall } from '../../lib/useCall';

type NamedCase = OutputOf<'district.previewExport'>['payload']['referrals'][number];

const loadBoard = () => api.crisis.board({});

/**
 * The separate choice of named crisis cases for a referral: off unless ticked, and then only the
 * cases picked here. Everything else in a package is figures.
 */
export function ReferralChoice({ chosen, onChange }: { chosen: string[] | null; onChange(next: string[] | null): void }) {
  const { t } = useTranslation();
  const board = useCall(loadBoard, chosen === null ? null : {});
  return (
    <Flex vertical gap="small">
      <Checkbox checked={chosen !== null} onChange={(e) => onChange(e.target.checked ? [] : null)}>
        {t('district.export.includeReferrals')}
      </Checkbox>
      {chosen !== null && (
        <Select
          mode="multiple"
          aria-label={t('district.export.referralCases')}
          placeholder={t('district.export.referralCases')}
          style={{ minWidth: 360 }}
          value={chosen}
          onChange={onChange}
          options={(board.data?.items ?? []).map((k) => ({ value: k.caseId, label: `${t('common.noted', { text: k.studentName, note: k.className })} · ${t(`crisis.tier.${k.tier}`)}` }))}
        />
      )}
    </Flex>
  );
}

/** In the preview: the named cases that would leave, in red, so nobody sends a name unseen. */
export function ReferralPreview({ referrals }: { referrals: NamedCase[] }) {
  const { t } = useTranslation();
  if (referrals.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('district.export.referralsTitle', { students: studentCount(referrals), cases: referrals.length })}
      description={
        <ul data-testid="preview-referrals">
          {referrals.map((r) => (
            <li key={r.caseId}>{`${t('common.noted', { text: r.studentName, note: r.className })} · ${t(`crisis.tier.${r.tier}`)} · ${r.openedOn}`}</li>
          ))}
        </ul>
      }
    />
  );
}

export const studentCount = (referrals: { studentId: string }[]) => new Set(referrals.map((r) => r.studentId)).size;

/**
 * The two confirmations before named cases leave: first that names go at all, then the number
 * of students and cases, which the core checks against what is sent.
 */
export function useReferralConfirm() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return async (referrals: NamedCase[]): Promise<number | undefined | false> => {
    if (referrals.length === 0) return undefined;
    const ask = (title: string, content: string) => modal.confirm({ title, content: <Typography.Text>{content}</Typography.Text>, okText: t('common.ok'), cancelText: t('common.cancel'), okButtonProps: { danger: true } });
    if (!(await ask(t('district.export.confirmNamedTitle'), t('district.export.confirmNamed')))) return false;
    const students = studentCount(referrals);
    if (!(await ask(t('district.export.confirmCountTitle'), t('district.export.confirmCount', { students, cases: referrals.length })))) return false;
    return students;
  };
}
