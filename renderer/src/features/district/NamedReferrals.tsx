import { Alert, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import type { Period } from '../../../../shared/api/statistics';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';

type Item = OutputOf<'district.referrals'>['items'][number];

/**
 * The named crisis cases schools sent for a referral, apart from every figure: shown only when
 * the officer asks, and each showing is audited.
 */
export function NamedReferrals({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = () => api.district.referrals(period).then((r) => setItems(r.items), (e: unknown) => setError(errorMessage(e)));
  return (
    <Card size="small" title={t('district.referrals.title')}>
      <Typography.Paragraph type="secondary">{t('district.referrals.explain')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {items === null ? (
        <Button onClick={() => void show()}>{t('district.referrals.show')}</Button>
      ) : (
        <Table<Item>
          data-testid="named-referrals"
          rowKey={(r) => `${r.packageId}-${r.crisis.caseId}`}
          size="small"
          pagination={false}
          dataSource={items}
          locale={{ emptyText: t('district.referrals.none') }}
          columns={[
            { key: 'school', title: t('district.report.school'), render: (_v, r) => t('common.noted', { text: r.school, note: r.code }) },
            { key: 'student', title: t('district.referrals.student'), render: (_v, r) => t('common.noted', { text: r.crisis.studentName, note: r.crisis.className }) },
            { key: 'tier', title: t('district.referrals.tier'), render: (_v, r) => t(`crisis.tier.${r.crisis.tier}`) },
            { key: 'reason', title: t('district.referrals.reason'), render: (_v, r) => r.crisis.reason },
            { key: 'opened', title: t('district.referrals.openedOn'), render: (_v, r) => r.crisis.openedOn },
          ]}
        />
      )}
    </Card>
  );
}
