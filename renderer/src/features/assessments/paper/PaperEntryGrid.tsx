import { Alert, App, Button, Flex, Spin, Switch, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView, FormView } from '../../../../../shared/api/assessments';
import type { ScaleDefinition } from '../../../../../shared/domain/scales/definition';
import { useShownName } from '../../../components/PersonName';
import { errorMessage } from '../../../lib/errors';
import { itemNumbers, useLocalized, useScaleDefinition, type ScaleRef } from '../useScaleDefinition';
import { secondEntry, unagreed } from './doubleEntry';
import { optionKeys, typedByCode } from './optionKeys';
import { PaperAlerts } from './PaperAlerts';
import { RowScores } from './RowScores';
import { usePaperRows, type PaperStudent, type RowState } from './usePaperRows';
import './paper.css';

export type { PaperStudent };

export interface PaperEntryGridProps {
  /** One row per student, in the order of the paper stack. */
  students: readonly PaperStudent[];
  scale: ScaleRef;
  campaignId?: string;
  /** The day the forms were filled in. */
  date: string;
  /** A row was finished (its result stored). */
  onFinished?(form: FormView): void;
}

/** 纸笔录入: loads the scale, then the grid. */
export function PaperEntryGrid(props: PaperEntryGridProps) {
  const definition = useScaleDefinition(props.scale);
  if (definition.error !== undefined) return <Alert type="error" showIcon title={errorMessage(definition.error)} />;
  if (!definition.data) return <Spin />;
  return <Grid {...props} definition={definition.data} />;
}

/** The answers a person must see at once: marked in the grid itself, not only in the banner above it. */
const MARKED = ['critical', 'urgent'] as const;
type Marked = (typeof MARKED)[number];
const isMarked = (a: AlertView): a is AlertView & { severity: Marked } => (MARKED as readonly string[]).includes(a.severity);

/** Per student, the raised critical or urgent alerts, and the severest mark of each item behind them. */
function marksOf(alerts: readonly AlertView[]) {
  const rows = new Map<string, { alerts: (AlertView & { severity: Marked })[]; items: Map<string, Marked> }>();
  for (const a of alerts.filter(isMarked)) {
    const row = rows.get(a.studentId) ?? { alerts: [], items: new Map<string, Marked>() };
    row.alerts.push(a);
    for (const item of a.items) if (row.items.get(item) !== 'critical') row.items.set(item, a.severity);
    rows.set(a.studentId, row);
  }
  return rows;
}

interface Cursor {
  row: number;
  col: number;
}

function Grid({ students, scale, campaignId, date, onFinished, definition }: PaperEntryGridProps & { definition: ScaleDefinition }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const shown = useShownName();
  const text = useLocalized();
  // Every alert of the forms in the grid, handled or not: the banner shows the open ones, the grid marks them all.
  const [alerts, setAlerts] = useState<AlertView[]>(() => students.flatMap((s) => s.form?.alerts ?? []));
  const [doubleEntry, setDoubleEntry] = useState(false);
  const [cursor, setCursor] = useState<Cursor>({ row: 0, col: 0 });
  const [refusal, setRefusal] = useState<string | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement | null>());
  const { rows, save, finish, setChecks } = usePaperRows({ students, scale, campaignId, date, onRaised: (raised) => setAlerts((a) => [...a, ...raised]), onFinished });
  const items = definition.items;
  const last = items.length - 1;

  // The typist's hands are on the keys and eyes on the paper: the first cell takes the keys from the start.
  useEffect(() => {
    cells.current.get('0:0')?.focus();
  }, []);

  const moveTo = (to: Cursor) => {
    const next = { row: Math.max(0, Math.min(students.length - 1, to.row)), col: Math.max(0, Math.min(last, to.col)) };
    setCursor(next);
    cells.current.get(`${next.row}:${next.col}`)?.focus();
  };
  /** After a cell: the row's next item; past its end the next row (the last row's end stays put), or the same row again for its second keying. */
  const advance = (at: Cursor, recheck: boolean) => {
    if (at.col < last) moveTo({ ...at, col: at.col + 1 });
    else if (recheck || at.row < students.length - 1) moveTo({ row: recheck ? at.row : at.row + 1, col: 0 });
  };

  const canFinish = (row: RowState) => row.status === 'inProgress' && (!doubleEntry || (row.checks !== null && unagreed(row.answers, row.checks) === 0));

  const type = (at: Cursor, key: string) => {
    const student = students[at.row]!;
    const row = rows[student.studentId]!;
    const item = items[at.col]!;
    if (row.status === 'completed' || row.status === 'voided') return;
    const keys = optionKeys(definition, item.id);
    const code = keys.codeFor(key);
    if (code === undefined) {
      setRefusal(t('administer.paper.refused', { number: item.number, key, allowed: keys.allowed.join(' ') }));
      return;
    }
    setRefusal(null);
    if (doubleEntry && row.checks !== null) {
      const { check, replace } = secondEntry(row.answers[item.id], row.checks[item.id], code);
      setChecks(student.studentId, { ...row.checks, [item.id]: check });
      if (replace) save(student.studentId, item.id, item.number, code);
      advance(at, false);
      return;
    }
    save(student.studentId, item.id, item.number, code);
    const rowDone = at.col === last;
    if (doubleEntry && rowDone) setChecks(student.studentId, {});
    advance(at, doubleEntry && rowDone);
  };

  const clear = (at: Cursor) => {
    const student = students[at.row]!;
    const row = rows[student.studentId]!;
    if (row.status !== 'inProgress') return moveTo({ ...at, col: at.col - 1 });
    // Like a text cursor: on an empty cell, Backspace takes back the previous one.
    const target = row.answers[items[at.col]!.id] === undefined && at.col > 0 ? { ...at, col: at.col - 1 } : at;
    const item = items[target.col]!;
    if (row.checks === null && row.answers[item.id] !== undefined) save(student.studentId, item.id, item.number, null);
    moveTo(target);
  };

  const onKeyDown = (e: KeyboardEvent, at: Cursor) => {
    const moves: Record<string, Cursor> = {
      ArrowRight: { ...at, col: at.col + 1 },
      ArrowLeft: { ...at, col: at.col - 1 },
      ArrowDown: { ...at, row: at.row + 1 },
      ArrowUp: { ...at, row: at.row - 1 },
      Home: { ...at, col: 0 },
      End: { ...at, col: last },
    };
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (moves[e.key]) moveTo(moves[e.key]!);
    else if (/^\d$/.test(e.key)) type(at, e.key);
    else if (e.key === 'Backspace' || e.key === 'Delete') clear(at);
    else return;
    e.preventDefault();
  };

  const confirmBlanks = (blanks: number) =>
    blanks === 0 ||
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: t('administer.paper.incompleteTitle', { count: blanks }),
        content: t('administer.paper.incompleteBody'),
        okText: t('administer.paper.finish'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );
  const blanksOf = (row: RowState) => items.filter((i) => row.answers[i.id] === undefined).length;
  const finishRows = async (ids: string[]) => {
    if (ids.length === 0 || !(await confirmBlanks(ids.reduce((n, id) => n + blanksOf(rows[id]!), 0)))) return;
    await Promise.all(ids.map(finish));
  };
  const finishable = students.filter((s) => canFinish(rows[s.studentId]!)).map((s) => s.studentId);
  const finishedCount = students.filter((s) => rows[s.studentId]!.status === 'completed').length;
  const byCode = typedByCode(definition);
  const firstOptions = optionKeys(definition, items[0]!.id).allowed;
  const marks = marksOf(alerts);
  const severity = (sev: Marked) => t(`assessments.severity.${sev}`);

  const cellView = (row: RowState, itemId: string, keys: ReturnType<typeof optionKeys>) => {
    const stored = row.answers[itemId];
    const check = row.checks?.[itemId];
    if (!doubleEntry || row.checks === null || row.status !== 'inProgress') return { shown: stored === undefined ? '' : keys.keyFor(stored), className: '' };
    if (!check) return { shown: stored === undefined ? '' : '·', className: 'pending-check' };
    return { shown: keys.keyFor(check.typed), className: check.ok ? 'checked' : 'mismatch' };
  };

  return (
    <Flex vertical gap="middle">
      <PaperAlerts
        alerts={alerts.filter((a) => a.acknowledgedAt === null)}
        definition={definition}
        onHandled={(done) => setAlerts((all) => all.map((a) => (a.id === done.id ? done : a)))}
      />
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Text type="secondary">
          {t('administer.paper.help')}{' '}
          {byCode ? t('administer.paper.codeHelp', { codes: firstOptions.join(' ') }) : t('administer.paper.positionHelp', { count: firstOptions.length })}
        </Typography.Text>
        <Flex align="center" gap="small">
          <Switch
            checked={doubleEntry}
            aria-label={t('administer.paper.doubleEntry')}
            onChange={(on) => {
              setDoubleEntry(on);
              // Rows already keyed once are checked from now on.
              if (on) for (const s of students) if (rows[s.studentId]!.status === 'inProgress' && blanksOf(rows[s.studentId]!) < items.length) setChecks(s.studentId, {});
            }}
          />
          <span aria-hidden>{t('administer.paper.doubleEntry')}</span>
        </Flex>
      </Flex>
      {doubleEntry ? <Typography.Text type="secondary">{t('administer.paper.doubleEntryHelp')}</Typography.Text> : null}
      <div role="status" aria-live="assertive" style={{ minHeight: 22, color: '#cf1322' }}>
        {refusal}
      </div>
      <div className="paper-grid-wrap">
        <table className="paper-grid" role="grid" aria-label={t('administer.paper.title', { scale: text(definition.names) })}>
          <thead>
            <tr>
              <th className="paper-student">{t('administer.paper.student')}</th>
              {items.map((i) => (
                <th key={i.id} title={text(i.text)}>
                  {i.number}
                </th>
              ))}
              {definition.scales.map((s) => (
                <th key={s.id}>{text(s.names)}</th>
              ))}
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {students.map((s, r) => {
              const row = rows[s.studentId]!;
              const wrong = Object.values(row.checks ?? {}).filter((c) => !c.ok).length;
              const marked = marks.get(s.studentId);
              const rowMark = marked?.alerts.some((a) => a.severity === 'critical') ? 'critical' : marked ? 'urgent' : null;
              const markTexts = (marked?.alerts ?? []).map((a) =>
                t(a.acknowledgedAt === null ? 'administer.paper.rowMark' : 'administer.paper.rowMarkHandled', { severity: severity(a.severity), numbers: itemNumbers(definition, a.items) }),
              );
              return (
                <tr
                  key={s.studentId}
                  className={`paper-row${row.status === 'completed' ? ' done' : ''}${rowMark ? ` alert-${rowMark}` : ''}`}
                  aria-label={[shown(s.name), ...markTexts].join('，')}
                >
                  <td className="paper-student">
                    <div>
                      {shown(s.name)} <Typography.Text type="secondary">{s.studentNo}</Typography.Text>
                    </div>
                    {markTexts.map((m) => (
                      <Tag key={m} color={rowMark === 'critical' ? 'red' : 'orange'} className="paper-row-mark">
                        {m}
                      </Tag>
                    ))}
                    {row.error ? <div className="paper-row-error">{row.error}</div> : null}
                  </td>
                  {items.map((item, c) => {
                    const keys = optionKeys(definition, item.id);
                    const view = cellView(row, item.id, keys);
                    const cellMark = marked?.items.get(item.id);
                    const said = [
                      t('administer.paper.cell', { name: shown(s.name), number: item.number }),
                      ...(view.className === 'mismatch' ? [t('administer.paper.mismatch')] : []),
                      ...(cellMark ? [t('administer.paper.cellMark', { severity: severity(cellMark) })] : []),
                    ];
                    return (
                      <td
                        key={item.id}
                        role="gridcell"
                        className={`paper-cell ${view.className}${cellMark ? ` alert-${cellMark}` : ''}`}
                        tabIndex={cursor.row === r && cursor.col === c ? 0 : -1}
                        aria-label={said.join(' ')}
                        ref={(el) => {
                          cells.current.set(`${r}:${c}`, el);
                        }}
                        onFocus={() => setCursor({ row: r, col: c })}
                        onKeyDown={(e) => onKeyDown(e, { row: r, col: c })}
                      >
                        {view.shown}
                        {cellMark ? (
                          <sup className="paper-cell-mark" aria-hidden>
                            !
                          </sup>
                        ) : null}
                      </td>
                    );
                  })}
                  <RowScores definition={definition} answers={row.answers} />
                  <td>
                    {row.status === 'completed' ? (
                      t('administer.paper.finished')
                    ) : (
                      <Flex gap={4} align="center" justify="center">
                        {row.checks !== null && doubleEntry ? (
                          <Typography.Text type={wrong > 0 ? 'danger' : 'secondary'}>{wrong > 0 ? t('administer.paper.mismatchCount', { count: wrong }) : t('administer.paper.verifying')}</Typography.Text>
                        ) : null}
                        <Button size="small" disabled={!canFinish(row)} onClick={() => void finishRows([s.studentId])}>
                          {t('administer.paper.finish')}
                        </Button>
                      </Flex>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('administer.paper.finishedCount', { count: finishedCount })}</Typography.Text>
        <Button type="primary" disabled={finishable.length === 0} onClick={() => void finishRows(finishable)}>
          {t('administer.paper.finishAll')}
        </Button>
      </Flex>
    </Flex>
  );
}
