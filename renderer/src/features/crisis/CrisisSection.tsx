import { Alert, App, Button, Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisDetail, StepView } from '../../../../shared/api/crisis';
import { CRISIS_TIERS } from '../../../../shared/domain/crisis';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { errorMessage, toApiError } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { AttachCrisis } from './AttachCrisis';
import { CrisisActions } from './CrisisActions';
import { EntryModal, type EntryTarget } from './EntryModal';
import { STEP_COLORS, stepShown, TIER_COLORS, useEntryLines, useTierName } from './labels';
import { ReasonModal } from './ReasonModal';
import { StepEditModal } from './StepEditModal';
import { StepShortcuts } from './StepShortcuts';
import { SectionTitle } from '../../components/SectionTitle';

const getCrisis = ({ caseId }: { caseId: string }) => api.crisis.get({ caseId });

export function StepTag({ step }: { step: Pick<StepView, 'state' | 'overdue' | 'entryCount'> }) {
  const { t } = useTranslation();
  const shown = stepShown(step);
  return <Tag color={STEP_COLORS[shown]}>{t(`crisis.stepState.${shown}`)}</Tag>;
}

/** One of the six steps: its state, due date and owner, what was written into it, and what can be done next. */
function StepCard({
  crisis,
  step,
  onEntry,
  onChanged,
  onLinked,
}: {
  crisis: CrisisDetail;
  step: StepView;
  onEntry(target: EntryTarget): void;
  onChanged(d: CrisisDetail): void;
  onLinked(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lines = useEntryLines();
  const [askingReason, setAskingReason] = useState(false);
  const [editing, setEditing] = useState(false);
  const active = crisis.status !== 'closed';
  const entries = crisis.entries.filter((e) => e.step === step.step);
  const setState = async (state: StepView['state'], reason = '') => {
    try {
      onChanged(await api.crisis.updateStep({ caseId: crisis.caseId, step: step.step, state, reason }));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Card
      size="small"
      data-testid={`crisis-step-${step.step}`}
      title={
        <Flex gap="small" align="center">
          <span>{t(`crisis.step.${step.step}`)}</span>
          <StepTag step={step} />
        </Flex>
      }
      style={{ flex: '1 1 320px' }}
    >
      <Typography.Text type="secondary">
        {[step.state === 'open' ? t('crisis.case.due', { date: step.dueOn }) : step.doneOn ? t('crisis.case.doneOn', { date: step.doneOn }) : step.stateReason, t('crisis.case.owner', { name: step.ownerName })].join(' · ')}
      </Typography.Text>
      <List
        size="small"
        dataSource={entries}
        locale={{ emptyText: t('crisis.case.noEntries') }}
        renderItem={(e) => (
          <List.Item key={e.id}>
            <Flex vertical>
              <Typography.Text strong>
                {e.date} {t(`crisis.entryKind.${e.kind}`)}
              </Typography.Text>
              {lines(e).map((l) => (
                <span key={l} style={{ whiteSpace: 'pre-wrap' }}>
                  {l}
                </span>
              ))}
            </Flex>
          </List.Item>
        )}
      />
      {active && (
        <Flex gap="small" wrap>
          <StepShortcuts crisis={crisis} step={step} onEntry={onEntry} onLinked={onLinked} />
          <Button size="small" onClick={() => onEntry({ step: step.step })}>
            {t('crisis.case.addEntry')}
          </Button>
          <Button size="small" onClick={() => setEditing(true)}>
            {t('crisis.case.editStep')}
          </Button>
          {step.state === 'open' ? (
            <>
              <Button size="small" onClick={() => void setState('done')}>
                {t('crisis.case.markDone')}
              </Button>
              <Button size="small" onClick={() => setAskingReason(true)}>
                {t('crisis.case.markNotApplicable')}
              </Button>
            </>
          ) : (
            <Button size="small" onClick={() => void setState('open')}>
              {t('crisis.case.reopen')}
            </Button>
          )}
        </Flex>
      )}
      <StepEditModal
        crisis={crisis}
        step={editing ? step : null}
        onClose={() => setEditing(false)}
        onSaved={(d) => {
          setEditing(false);
          onChanged(d);
        }}
      />
      <ReasonModal
        open={askingReason}
        title={`${t(`crisis.step.${step.step}`)} · ${t('crisis.case.markNotApplicable')}`}
        label={t('crisis.case.naReason')}
        onClose={() => setAskingReason(false)}
        onSubmit={async (reason) => {
          onChanged(await api.crisis.updateStep({ caseId: crisis.caseId, step: step.step, state: 'notApplicable', reason }));
          setAskingReason(false);
        }}
      />
    </Card>
  );
}

/**
 * The crisis part of a crisis case's page: tier, status and reason, the six steps with their
 * entries, review meetings and the actions on the whole case. Tells the page whether the case has
 * crisis details, so the page can leave closing to crisis.close; an open case without them (opened
 * before they were required) is offered 补充危机信息.
 */
export function CrisisSection({ caseId, caseOpen, onPresence }: { caseId: string; caseOpen: boolean; onPresence(hasCrisis: boolean): void }) {
  const { t } = useTranslation();
  const tierName = useTierName();
  const call = useCall(getCrisis, { caseId });
  // Each change answers with the whole case, shown in place of what was read first.
  const [changed, setShown] = useState<CrisisDetail | null>(null);
  const [entryTarget, setEntryTarget] = useState<EntryTarget | null>(null);
  // A form or a booking made from a step is linked by another area's call: read the case again.
  const reread = () => {
    setShown(null);
    call.reload();
  };
  const missing = call.error !== undefined && toApiError(call.error).code === 'NOT_FOUND';
  const k = changed ?? call.data;
  useEffect(() => {
    if (k || missing) onPresence(k !== undefined && k !== null);
  }, [k, missing, onPresence]);
  if (missing && !changed) return caseOpen ? <AttachCrisis caseId={caseId} onAttached={setShown} /> : null;
  if (call.error !== undefined && !changed) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!k) return null;
  return (
    <Flex vertical gap="middle" data-testid="crisis-section">
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Flex align="center" gap="small">
          <SectionTitle size={4}>{t('crisis.case.section')}</SectionTitle>
          <Tag color={TIER_COLORS[k.tier]} data-testid="crisis-tier">
            {tierName(k.tier)}
          </Tag>
          <Tag data-testid="crisis-status">{t(`crisis.status.${k.status}`)}</Tag>
        </Flex>
        <CrisisActions crisis={k} onChanged={setShown} />
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'student', label: t('crisis.fields.student'), children: <PersonName name={k.studentName} /> },
          { key: 'source', label: t('crisis.fields.source'), children: t(`crisis.source.${k.source}`) },
          { key: 'reason', label: t('crisis.case.reason'), span: 2, children: k.reason || t('common.none') },
          ...(k.reviewDueOn ? [{ key: 'review', label: t('crisis.fields.nextReviewOn'), children: k.reviewDueOn }] : []),
          ...(k.closedReason ? [{ key: 'closed', label: t('crisis.case.closeReasonHint'), span: 2, children: k.closedReason }] : []),
        ]}
      />
      <Flex gap="middle" wrap align="start">
        {k.steps.map((s) => (
          <StepCard key={s.step} crisis={k} step={s} onEntry={setEntryTarget} onChanged={setShown} onLinked={reread} />
        ))}
      </Flex>
      <Card size="small" title={t('crisis.case.reviews')}>
        <List
          size="small"
          dataSource={k.reviews}
          locale={{ emptyText: t('crisis.case.noReviews') }}
          renderItem={(r) => (
            <List.Item key={r.id}>
              {r.date} · {r.attendees} · {r.decision}
              {r.nextReviewOn ? ` · ${t('common.labelled', { label: t('crisis.fields.nextReviewOn'), value: r.nextReviewOn })}` : ''}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('crisis.case.history')}>
        <List
          size="small"
          dataSource={k.history}
          locale={{ emptyText: t('common.none') }}
          renderItem={(h) => {
            const value = (v: string | null) =>
              v === null ? '—' : h.field === 'tier' && (CRISIS_TIERS as readonly string[]).includes(v) ? tierName(v as (typeof CRISIS_TIERS)[number]) : h.field === 'status' ? t(`crisis.status.${v}`) : h.field === 'state' ? t(`crisis.stepState.${v}`) : v;
            return (
              <List.Item key={`${h.at}:${h.field}:${h.step ?? ''}`}>
                {[h.step ? t(`crisis.step.${h.step}`) : null, t('crisis.case.historyLine', { field: t(`crisis.fields.${h.field === 'state' ? 'status' : h.field === 'owner' ? 'owner' : h.field}`), from: value(h.from), to: value(h.to) }), h.reason, h.byName]
                  .filter(Boolean)
                  .join(' · ')}
              </List.Item>
            );
          }}
        />
      </Card>
      <EntryModal
        crisis={k}
        target={entryTarget}
        onClose={() => setEntryTarget(null)}
        onSaved={(d) => {
          setEntryTarget(null);
          setShown(d);
        }}
      />
    </Flex>
  );
}
