import { App } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView, FormView } from '../../../../../shared/api/assessments';
import { api } from '../../../api/client';
import { useShownName } from '../../../components/PersonName';
import { errorMessage } from '../../../lib/errors';
import { useStartForm } from '../startForm';
import type { ScaleRef } from '../useScaleDefinition';
import type { Check } from './doubleEntry';

export interface PaperStudent {
  studentId: string;
  name: string;
  studentNo: string;
  /** This scale's form already in progress for the student, to go on with. */
  form?: FormView;
}

export interface RowState {
  formId: string | null;
  status: FormView['status'] | 'notStarted';
  /** Item id → code, as shown; a save that fails puts back what the core holds. */
  answers: Record<string, string>;
  /** The second keying (double entry); null until the row's first entry is through. */
  checks: Record<string, Check> | null;
  error: string | null;
}

interface Options {
  students: readonly PaperStudent[];
  scale: ScaleRef;
  campaignId?: string;
  date: string;
  onRaised(alerts: AlertView[]): void;
  onFinished?(form: FormView): void;
}

const initialRow = (s: PaperStudent): RowState => ({
  formId: s.form?.id ?? null,
  status: s.form?.status ?? 'notStarted',
  answers: { ...(s.form?.answers ?? {}) },
  checks: null,
  error: null,
});

/**
 * The rows of a paper-entry grid and their saving. Each keystroke shows at once and is sent at
 * once; a row's calls run one after another (its form is started by the first), so a fast typist
 * never races the core. Alerts come back on the keystroke that raised them.
 */
export function usePaperRows({ students, scale, campaignId, date, onRaised, onFinished }: Options) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const start = useStartForm();
  const [rows, setRows] = useState<Record<string, RowState>>(() => Object.fromEntries(students.map((s) => [s.studentId, initialRow(s)])));
  const formIds = useRef(new Map(students.flatMap((s) => (s.form ? [[s.studentId, s.form.id] as const] : []))));
  const stored = useRef(new Map(students.map((s) => [s.studentId, { ...(s.form?.answers ?? {}) }])));
  const queues = useRef(new Map<string, Promise<void>>());
  /** Bumped when a row's start is refused: keystrokes queued behind it are dropped, not retried. */
  const epochs = useRef(new Map<string, number>());

  const patch = (studentId: string, change: (row: RowState) => Partial<RowState>) =>
    setRows((all) => ({ ...all, [studentId]: { ...all[studentId]!, ...change(all[studentId]!) } }));
  const nameOf = (studentId: string) => shown(students.find((s) => s.studentId === studentId)?.name ?? '');

  const enqueue = (studentId: string, task: () => Promise<void>) => {
    const next = (queues.current.get(studentId) ?? Promise.resolve()).then(task);
    queues.current.set(studentId, next);
    return next;
  };

  /** The row's form, started on its first keystroke; null when the core refused (shown on the row). */
  const ensureForm = async (studentId: string): Promise<string | null> => {
    const known = formIds.current.get(studentId);
    if (known) return known;
    let form: FormView | undefined;
    let refusal: string | null = null;
    try {
      form = await start({ studentId, scaleId: scale.scaleId, ...(scale.version ? { version: scale.version } : {}), mode: 'paper', date, ...(campaignId ? { campaignId } : {}) });
    } catch (err) {
      refusal = t('administer.paper.startFailed', { name: nameOf(studentId), message: errorMessage(err) });
    }
    if (!form) {
      // Refused, or the counselor declined to go outside the scale's range: nothing of the row was kept.
      epochs.current.set(studentId, (epochs.current.get(studentId) ?? 0) + 1);
      patch(studentId, () => ({ answers: {}, checks: null, error: refusal }));
      return null;
    }
    const formId = form.id;
    formIds.current.set(studentId, formId);
    patch(studentId, () => ({ formId, status: 'inProgress', error: null }));
    return formId;
  };

  /** Shows the answer now and stores it in turn; code null clears. */
  const save = (studentId: string, itemId: string, number: string, code: string | null) => {
    patch(studentId, (row) => {
      const answers = { ...row.answers };
      if (code === null) delete answers[itemId];
      else answers[itemId] = code;
      return { answers, error: null };
    });
    const epoch = epochs.current.get(studentId) ?? 0;
    void enqueue(studentId, async () => {
      if ((epochs.current.get(studentId) ?? 0) !== epoch) return;
      const formId = await ensureForm(studentId);
      if (!formId) return;
      try {
        const { raised } = await api.assessments.answer({ formId, itemId, code });
        const kept = { ...stored.current.get(studentId) };
        if (code === null) delete kept[itemId];
        else kept[itemId] = code;
        stored.current.set(studentId, kept);
        if (raised.length > 0) onRaised(raised);
      } catch (err) {
        const kept = stored.current.get(studentId)?.[itemId];
        patch(studentId, (row) => {
          const answers = { ...row.answers };
          if (kept === undefined) delete answers[itemId];
          else answers[itemId] = kept;
          return { answers, error: t('administer.paper.saveFailed', { name: nameOf(studentId), number, message: errorMessage(err) }) };
        });
      }
    });
  };

  const finish = (studentId: string) =>
    enqueue(studentId, async () => {
      const formId = formIds.current.get(studentId);
      if (!formId) return;
      try {
        const form = await api.assessments.finish({ formId });
        patch(studentId, () => ({ status: form.status, error: null }));
        onFinished?.(form);
      } catch (err) {
        void message.error(errorMessage(err));
      }
    });

  const setChecks = (studentId: string, checks: Record<string, Check> | null) => patch(studentId, () => ({ checks }));

  return { rows, save, finish, setChecks };
}
