import { Button, Flex, Modal, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE, type GroupSessionView } from '../../../../shared/api/groups';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { SaveStatusText } from '../records/SaveStatusText';
import type { SaveStatus } from '../records/useAutosave';
import { useGroupLabels } from './labels';
import type { GroupDetail } from './MembersSection';
import './attendance.css';

type Mark = (typeof ATTENDANCE)[number];
type Marks = ReadonlyMap<string, Mark>;
interface Row {
  studentId: string;
  name: string;
  studentNo: string;
}

/** Marks typed in a burst go out together; a pause this long sends them. */
const SAVE_MS = 400;
const COLORS: Record<Mark, 'green' | 'red' | 'orange'> = { present: 'green', absent: 'red', excused: 'orange' };
/** Keys 1, 2, 3 set a mark directly, in the order the buttons show. */
const BY_DIGIT: Record<string, Mark> = Object.fromEntries(ATTENDANCE.map((m, i) => [String(i + 1), m]));

/**
 * Who belongs on a session's sheet: the members on its date (once each, though they may have
 * left and rejoined), and anyone marked for it who is no longer listed so, so no mark is hidden.
 */
export function membersOn(members: GroupDetail['members'], session: GroupSessionView): Row[] {
  const rows = new Map<string, Row>();
  for (const m of members) if (m.joinedOn <= session.date && (m.leftOn === null || m.leftOn >= session.date)) rows.set(m.studentId, m);
  for (const a of session.attendance) if (!rows.has(a.studentId)) rows.set(a.studentId, { ...a, studentNo: '' });
  return [...rows.values()];
}

/**
 * Saves marks as they are made: changes wait SAVE_MS for the next one, then go in one call; calls
 * never overlap. A refused call puts back what the core holds, so the sheet never shows a mark
 * that was not kept.
 */
function useAttendanceSaver(sessionId: string, initial: Marks, setMarks: (m: Marks) => void) {
  const [status, setStatus] = useState<SaveStatus | null>(null);
  const saved = useRef(initial);
  const pending = useRef(new Map<string, Mark>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void>>(Promise.resolve());

  const saveOnce = async () => {
    if (pending.current.size === 0) return;
    const entries = [...pending.current].map(([studentId, status]) => ({ studentId, status }));
    pending.current = new Map();
    setStatus({ state: 'saving' });
    try {
      const session = await api.groups.setAttendance({ sessionId, entries });
      saved.current = new Map(session.attendance.map((a) => [a.studentId, a.status]));
      setStatus(pending.current.size > 0 ? { state: 'dirty' } : { state: 'saved', at: Date.now() });
    } catch (err) {
      setMarks(new Map([...saved.current, ...pending.current]));
      setStatus({ state: 'failed', message: errorMessage(err) });
    }
  };

  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    running.current = running.current.then(saveOnce);
    return running.current;
  };

  const changed = (entries: readonly (readonly [string, Mark])[]) => {
    for (const [id, mark] of entries) pending.current.set(id, mark);
    setStatus({ state: 'dirty' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_MS);
  };

  // Closed with marks still waiting: they are sent, not dropped.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });
  useEffect(() => () => void flushRef.current(), []);

  return { status, changed, flush };
}

/**
 * 点名: every member of the session's date in one list. ↑/↓ (Home/End) move between students,
 * Space cycles present → absent → excused, 1/2/3 set a mark; each change saves itself.
 */
export function AttendanceSheet({ program, session, onClose }: { program: GroupDetail; session: GroupSessionView; onClose(): void }) {
  const { t } = useTranslation();
  const labels = useGroupLabels();
  const shown = useShownName();
  const rows = membersOn(program.members, session);
  const [initial] = useState<Marks>(() => new Map(session.attendance.map((a) => [a.studentId, a.status])));
  const [marks, setMarks] = useState(initial);
  const [active, setActive] = useState(0);
  const rowEls = useRef<(HTMLDivElement | null)[]>([]);
  const saver = useAttendanceSaver(session.id, initial, setMarks);

  const set = (entries: (readonly [string, Mark])[]) => {
    const changes = entries.filter(([id, mark]) => marks.get(id) !== mark);
    if (changes.length === 0) return;
    setMarks(new Map([...marks, ...changes]));
    saver.changed(changes);
  };

  const focusRow = (i: number) => {
    const to = Math.max(0, Math.min(rows.length - 1, i));
    setActive(to);
    rowEls.current[to]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent, i: number, row: Row) => {
    const current = marks.get(row.studentId);
    const digit = BY_DIGIT[e.key];
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 };
    if (e.key in moves) focusRow(moves[e.key]!);
    else if (e.key === ' ') set([[row.studentId, ATTENDANCE[current ? (ATTENDANCE.indexOf(current) + 1) % ATTENDANCE.length : 0]!]]);
    else if (digit) set([[row.studentId, digit]]);
    else return;
    e.preventDefault();
  };

  // The first student has focus as soon as the sheet is there, not once antd's opening motion has
  // finished: marking by keyboard starts at once, and the focus does not hang on a callback that a
  // test once waited 60 s for in vain (the dialog's own focus step leaves focus that is already
  // inside it where it is).
  useEffect(() => rowEls.current[0]?.focus(), []);

  const count = (mark: Mark | undefined) => rows.filter((r) => marks.get(r.studentId) === mark).length;
  const close = async () => {
    await saver.flush();
    onClose();
  };

  return (
    <Modal
      open
      title={t('groups.sheet.title', { number: session.number, date: session.date })}
      width={720}
      onCancel={() => void close()}
      footer={
        <Flex justify="space-between" align="center">
          <Button onClick={() => set(rows.map((r) => [r.studentId, 'present'] as const))} disabled={rows.length === 0}>
            {t('groups.sheet.allPresent')}
          </Button>
          <Button type="primary" onClick={() => void close()}>
            {t('groups.sheet.done')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('groups.sheet.help')}</Typography.Text>
        <Flex justify="space-between" wrap gap="small">
          <Typography.Text>{t('groups.sheet.counts', { present: count('present'), absent: count('absent'), excused: count('excused'), unmarked: count(undefined) })}</Typography.Text>
          {saver.status && <SaveStatusText status={saver.status} />}
        </Flex>
        {rows.length === 0 ? (
          <Typography.Text type="secondary">{t('groups.sheet.none')}</Typography.Text>
        ) : (
          <div role="grid" aria-label={t('groups.sheet.label')} className="attendance-sheet">
            {rows.map((row, i) => {
              const mark = marks.get(row.studentId);
              const name = shown(row.name);
              return (
                <div
                  key={row.studentId}
                  role="row"
                  ref={(el) => {
                    rowEls.current[i] = el;
                  }}
                  tabIndex={i === active ? 0 : -1}
                  aria-label={t('groups.sheet.row', { name, status: mark ? labels.group('attendance', mark) : t('groups.sheet.unmarked') })}
                  className="attendance-row"
                  onFocus={() => setActive(i)}
                  onKeyDown={(e) => onKeyDown(e, i, row)}
                >
                  <span role="gridcell">{name}</span>
                  <span role="gridcell" className="attendance-no">
                    {row.studentNo}
                  </span>
                  <span role="gridcell">
                    <Flex gap={6}>
                      {ATTENDANCE.map((m, k) => (
                        <Button
                          key={m}
                          size="small"
                          tabIndex={-1}
                          aria-pressed={mark === m}
                          color={mark === m ? COLORS[m] : 'default'}
                          variant={mark === m ? 'solid' : 'outlined'}
                          onClick={() => {
                            set([[row.studentId, m]]);
                            focusRow(i);
                          }}
                        >
                          {k + 1} {labels.group('attendance', m)}
                        </Button>
                      ))}
                    </Flex>
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </Flex>
    </Modal>
  );
}
