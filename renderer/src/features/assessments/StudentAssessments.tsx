import { Alert, Button, Card, Flex, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../../shared/api/assessments';
import { bandLabelKey, type ScaleDefinition } from '../../../../shared/domain/scales/definition';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { AlertDetailModal } from './AlertDetailModal';
import { RescoreModal } from './RescoreModal';
import { SEVERITY_COLORS, useScales } from './scaleLabels';
import { useScaleDefinition } from './useScaleDefinition';
import { TrendChart, trendOption, type TrendBand, type TrendPoint } from './TrendChart';

const PAGE = 200;

/** Every form of the student, oldest first (the core pages at 200). */
async function formsOf({ studentId }: { studentId: string }): Promise<FormView[]> {
  const forms: FormView[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await api.assessments.ofStudent({ studentId, page, pageSize: PAGE });
    forms.push(...items);
    if (items.length === 0 || forms.length >= total) return forms;
  }
}

/** What a trend may plot: a completed, valid, original result (a rescoring is listed, not drawn twice). */
const plotted = (f: FormView) => f.status === 'completed' && f.result?.valid === true && f.derivedFrom === null;

/** The scale a trend follows: the definition's first (its total), as results list it first too. */
const primaryScore = (f: FormView) => f.result?.scales[0] ?? null;

/** The bands the latest form was judged by: its norm profile's if it used one, else the definition's. */
function bandsOf(definition: ScaleDefinition, normProfileId: string | null) {
  const primary = definition.scales[0];
  if (!primary) return [];
  const profile = definition.normProfiles?.find((p) => p.id === normProfileId);
  return profile?.bands[primary.id] ?? primary.bands ?? [];
}

/** 测评 in the student's archive: per scale, the trend with its bands, then every form. */
export function StudentAssessments({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const scales = useScales();
  const call = useCall(formsOf, { studentId });
  const byScale = useMemo(() => {
    const groups = new Map<string, FormView[]>();
    for (const f of call.data ?? []) groups.set(f.scaleId, [...(groups.get(f.scaleId) ?? []), f]);
    return [...groups.values()];
  }, [call.data]);

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  if (!call.data) return <Spin />;
  if (byScale.length === 0) return <Typography.Text type="secondary">{t('trend.none')}</Typography.Text>;
  return (
    <Flex vertical gap="middle">
      {byScale.map((forms) => (
        <ScaleTrend
          key={forms[0]!.scaleId}
          title={scales.title(forms[0]!.scaleId)}
          forms={forms}
          versions={scales.items.filter((s) => s.id === forms[0]!.scaleId).map((s) => s.version)}
          onChanged={call.reload}
        />
      ))}
    </Flex>
  );
}

/** The points of a trend: each plotted form's total on its date. */
function pointsOf(forms: readonly FormView[]): TrendPoint[] {
  return forms.filter(plotted).flatMap((f) => {
    const score = primaryScore(f)?.score;
    return score === null || score === undefined ? [] : [{ date: f.date, score }];
  });
}

/** One scale's card: the chart of its plotted forms and the table of all of them. */
function ScaleTrend({ title, forms, versions, onChanged }: { title: string; forms: FormView[]; versions: readonly string[]; onChanged(): void }) {
  const { t } = useTranslation();
  const latest = forms.at(-1)!;
  const definition = useScaleDefinition({ scaleId: latest.scaleId, version: latest.version });
  const points = useMemo(() => pointsOf(forms), [forms]);
  const excluded = forms.filter((f) => !plotted(f) && f.derivedFrom === null).length;
  const normProfileId = latest.result?.normProfileId ?? null;

  const option = useMemo(() => {
    if (!definition.data) return null;
    const bands: TrendBand[] = bandsOf(definition.data, normProfileId).map((b) => ({ ...b, text: t(bandLabelKey(b.label)) }));
    return trendOption({ points, bands, seriesName: t('trend.score') });
  }, [definition.data, normProfileId, points, t]);

  return (
    <Card size="small" title={title}>
      <Flex vertical gap="small">
        {definition.error !== undefined && <Alert type="error" showIcon title={errorMessage(definition.error)} />}
        {option && points.length > 0 && <TrendChart option={option} ariaLabel={t('trend.chartLabel', { scale: title })} />}
        {excluded > 0 && <Typography.Text type="secondary">{t('trend.excluded', { count: excluded })}</Typography.Text>}
        <FormsTable forms={forms} rescorable={(f) => rescorable(f, versions, definition.data)} onChanged={onChanged} versions={versions} />
      </Flex>
    </Card>
  );
}

/**
 * Whether rescoring could give anything new: another version of the scale, or a norm profile the form
 * was not scored by (read from the latest definition, which the card has loaded anyway). Only an
 * original is offered: a derived form has the same answers.
 */
function rescorable(f: FormView, versions: readonly string[], definition: ScaleDefinition | undefined): boolean {
  if (f.status !== 'completed' || f.derivedFrom !== null) return false;
  const profileId = f.result?.normProfileId ?? null;
  return versions.some((v) => v !== f.version) || (definition?.normProfiles ?? []).some((p) => p.id !== profileId);
}

function FormsTable({
  forms,
  versions,
  rescorable,
  onChanged,
}: {
  forms: FormView[];
  versions: readonly string[];
  rescorable(f: FormView): boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const [rescoring, setRescoring] = useState<FormView | null>(null);
  const [alertId, setAlertId] = useState<string | null>(null);
  // The action column appears only when some form has something to rescore with.
  const withAction = forms.some(rescorable);
  const stateOf = (f: FormView): string | null => {
    if (f.status !== 'completed') return t(`trend.states.${f.status}`);
    if (f.result?.valid === false) return t('trend.states.invalid');
    return f.derivedFrom === null ? null : t('trend.states.derived', { version: f.version });
  };
  return (
    <>
      <Table<FormView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...forms].reverse()}
        columns={[
          { key: 'date', title: t('trend.date'), dataIndex: 'date', width: 120 },
          { key: 'mode', title: t('trend.mode'), width: 80, render: (_v, f) => t(`trend.modes.${f.mode}`) },
          { key: 'score', title: t('trend.score'), width: 80, align: 'right', render: (_v, f) => primaryScore(f)?.score ?? '—' },
          {
            key: 'band',
            title: t('trend.band'),
            render: (_v, f) => {
              const label = primaryScore(f)?.bandLabel;
              return label ? <Tag>{t(label)}</Tag> : null;
            },
          },
          {
            key: 'alerts',
            title: t('trend.alerts'),
            // Each alert opens with its handling: who, when, what was done and the note.
            render: (_v, f) =>
              f.alerts.map((a) => (
                <Button key={a.id} size="small" type="text" style={{ padding: 0 }} onClick={() => setAlertId(a.id)}>
                  <Tag color={SEVERITY_COLORS[a.severity]} style={{ cursor: 'pointer', marginInlineEnd: 4 }}>
                    {t(`assessments.severity.${a.severity}`)} · {a.acknowledgedAt === null ? t('assessments.alerts.notHandled') : t(`assessments.action.${a.action}`)}
                  </Tag>
                </Button>
              )),
          },
          { key: 'state', title: t('trend.state'), render: (_v, f) => (f.voidReason ? t('common.labelled', { label: stateOf(f), value: f.voidReason }) : stateOf(f)) },
          ...(withAction
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 100,
                  render: (_v: unknown, f: FormView) =>
                    rescorable(f) && (
                      <Button type="link" size="small" onClick={() => setRescoring(f)}>
                        {t('rescore.action')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <AlertDetailModal alertId={alertId} onClose={() => setAlertId(null)} onChanged={onChanged} />
      {rescoring && (
        <RescoreModal
          form={rescoring}
          versions={versions}
          onClose={() => setRescoring(null)}
          onDone={() => {
            setRescoring(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
