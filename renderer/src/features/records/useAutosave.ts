import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordFields } from '../../../../shared/api/records';
import { api } from '../../api/client';
import { errorMessage, toApiError } from '../../lib/errors';

/** How long typing must pause before the draft is saved: a crash loses at most this much. */
export const AUTOSAVE_MS = 2000;

export type SaveStatus = { state: 'saved'; at: number } | { state: 'dirty' } | { state: 'saving' } | { state: 'failed'; message: string };

/** The fields of `next` whose value differs from `base`: only those are sent. */
function changedFields(base: Partial<RecordFields>, next: Partial<RecordFields>): Partial<RecordFields> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v !== undefined && JSON.stringify(v) !== JSON.stringify(base[k as keyof RecordFields])) out[k] = v;
  }
  return out as Partial<RecordFields>;
}

/**
 * Autosave of a draft through records.saveDraft: `changed()` restarts a timer; when typing has
 * paused for AUTOSAVE_MS the fields that differ from the last save are sent with the revision
 * they were based on. Saves never overlap (each waits for the previous one), nothing is sent
 * when nothing changed, and a stale revision calls `onStale` so the page reloads the record.
 */
export function useAutosave({ id, revision, updatedAt, initial, read, onStale, onInvalid }: {
  id: string;
  revision: number;
  updatedAt: number;
  initial: Partial<RecordFields>;
  read(): Partial<RecordFields>;
  onStale(): void;
  onInvalid(err: unknown): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: updatedAt });
  const base = useRef({ revision, values: initial });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void>>(Promise.resolve());
  // The latest callbacks, so the timer and the unmount flush never call stale closures.
  const latest = useRef({ read, onStale, onInvalid });
  useEffect(() => {
    latest.current = { read, onStale, onInvalid };
  });

  const saveOnce = useCallback(async () => {
    const values = latest.current.read();
    const patch = changedFields(base.current.values, values);
    if (Object.keys(patch).length === 0) {
      setStatus((s) => (s.state === 'dirty' ? { state: 'saved', at: Date.now() } : s));
      return;
    }
    setStatus({ state: 'saving' });
    try {
      const saved = await api.records.saveDraft({ id, revision: base.current.revision, ...patch });
      base.current = { revision: saved.revision, values: { ...base.current.values, ...patch } };
      setStatus({ state: 'saved', at: saved.updatedAt });
    } catch (err) {
      const error = toApiError(err);
      if (error.messageKey === 'errors.record.staleRevision') {
        void message.warning(t('counseling.records.staleReloaded'));
        latest.current.onStale();
        return;
      }
      if (error.code === 'VALIDATION') latest.current.onInvalid(err);
      setStatus({ state: 'failed', message: errorMessage(err) });
    }
  }, [id, message, t]);

  /** Saves now (after any save in flight): before signing, leaving, or when the timer fires. */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    running.current = running.current.then(saveOnce);
    return running.current;
  }, [saveOnce]);

  const changed = useCallback(() => {
    setStatus({ state: 'dirty' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }, [flush]);

  // Leaving the page with a pending change saves it rather than dropping it.
  useEffect(
    () => () => {
      if (timer.current !== undefined) void flush();
    },
    [flush],
  );

  return { status, changed, flush, revision: () => base.current.revision };
}
