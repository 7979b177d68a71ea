import { Alert, Button, Flex, Select, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../shared/api/audit';
import type { InputOf, OutputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { PagedTable } from '../../components/PagedTable';
import { errorMessage } from '../../lib/errors';
import { formatInSchoolZone, startOfSchoolDay } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { useSettings } from '../../stores/settings';
import { PageTitle } from '../../components/PageTitle';
import { DateRangeFilter } from '../../components/DateRangeFilter';

const PAGE_SIZE = 50;
const listUsers = () => api.users.list({});
const listAudit = (input: InputOf<'audit.list'>) => api.audit.list(input);
const listActions = () => api.audit.actions({});
const OUTCOME_COLORS: Record<AuditRow['outcome'], string> = { ok: 'green', denied: 'orange', failed: 'red' };

interface Filters {
  userId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** 审计日志: who did what and when, in the school's time zone, with a check of the hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const timeZone = useSettings((s) => s.settings?.school.timeZone ?? 'Asia/Shanghai');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [verified, setVerified] = useState<OutputOf<'audit.verify'> | null>(null);
  const [verifyFailure, setVerifyFailure] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const users = useCall(listUsers, {});
  const actions = useCall(listActions, {});
  const [from, to] = filters.range ?? [];
  const rows = useCall(listAudit, {
    userId: filters.userId,
    action: filters.action,
    from: from ? startOfSchoolDay(from.format('YYYY-MM-DD'), timeZone) : undefined,
    // The picked end day is included: stop just before the next day begins.
    to: to ? startOfSchoolDay(to.add(1, 'day').format('YYYY-MM-DD'), timeZone) - 1 : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const failure = verifyFailure ?? (rows.error === undefined ? null : errorMessage(rows.error));

  // Audit actions are method names; one the catalog does not know is shown as it is.
  const actionLabel = useCallback((action: string) => t(`audit.actions.${action}`, { defaultValue: action }), [t]);

  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const verify = async () => {
    setVerifying(true);
    setVerifyFailure(null);
    try {
      setVerified(await api.audit.verify({}));
    } catch (err) {
      setVerifyFailure(errorMessage(err));
    } finally {
      setVerifying(false);
    }
  };

  // Only actions the log holds: a choice that can only ever show an empty table helps nobody.
  const actionOptions = useMemo(() => (actions.data?.items ?? []).map((a) => ({ value: a, label: actionLabel(a) })), [actions.data, actionLabel]);

  const columns: TableColumnsType<AuditRow> = [
    { key: 'at', title: t('audit.time'), width: 180, render: (_v, r) => formatInSchoolZone(r.at, timeZone) },
    { key: 'user', title: t('audit.user'), render: (_v, r) => r.username ?? '—' },
    { key: 'action', title: t('audit.action'), render: (_v, r) => actionLabel(r.action) },
    {
      key: 'target',
      title: t('audit.target'),
      render: (_v, r) =>
        r.targetType === null ? (
          '—'
        ) : (
          <Tooltip title={r.targetId}>
            <span>
              {t(`audit.targetTypes.${r.targetType}`, { defaultValue: r.targetType })}
              {r.targetId && <Typography.Text type="secondary" code>{r.targetId.slice(-8)}</Typography.Text>}
            </span>
          </Tooltip>
        ),
    },
    { key: 'outcome', title: t('audit.outcome'), render: (_v, r) => <Tag color={OUTCOME_COLORS[r.outcome]}>{t(`audit.outcomes.${r.outcome}`)}</Tag> },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <PageTitle>
          {t('audit.title')}
        </PageTitle>
        <Button onClick={() => void verify()} loading={verifying}>
          {t('audit.verify')}
        </Button>
      </Flex>
      {verified && (
        <Alert
          type={verified.ok ? 'success' : 'error'}
          showIcon
          role="status"
          title={
            verified.firstBroken
              ? t('audit.verifyBroken', { seq: verified.firstBroken.seq, reason: t(`audit.brokenReason.${verified.firstBroken.reason}`) })
              : t('audit.verifyOk', { rows: verified.rows })
          }
        />
      )}
      <Flex gap="small" wrap>
        <Select
          allowClear
          placeholder={t('audit.allUsers')}
          aria-label={t('audit.user')}
          style={{ width: 180 }}
          value={filters.userId}
          onChange={(userId?: string) => filter({ userId })}
          options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.allActions')}
          aria-label={t('audit.action')}
          style={{ width: 220 }}
          value={filters.action}
          onChange={(action?: string) => filter({ action })}
          options={actionOptions}
        />
        <DateRangeFilter aria-label={t('audit.dates')} value={filters.range ?? null} onChange={(range) => filter({ range })} />
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} />}
      {rows.data?.capped && <Alert type="info" showIcon title={t('audit.capped', { count: rows.data.total })} />}
      <PagedTable<AuditRow>
        rowKey="seq"
        size="small"
        columns={columns}
        items={rows.data?.items ?? []}
        total={rows.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        loading={rows.loading}
        onPageChange={setPage}
      />
    </Flex>
  );
}
