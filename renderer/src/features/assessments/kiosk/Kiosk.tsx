import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { FormView } from '../../../../../shared/api/assessments';
import type { ScaleDefinition } from '../../../../../shared/domain/scales/definition';
import { api } from '../../../api/client';
import { useLocalized } from '../useScaleDefinition';
import { KioskCounselorPanel } from './KioskCounselorPanel';
import { KioskQuestion } from './KioskQuestion';
import { KioskUnlock } from './KioskUnlock';
import { useKioskGuard } from './useKioskGuard';
import './kiosk.css';

/**
 * What the student sees. `waiting` follows any alert: the kiosk takes no more answers until the
 * counselor has unlocked it, and says only that the teacher is coming.
 */
type StudentView = 'instructions' | 'question' | 'review' | 'waiting' | 'thanks';
/** The counselor's layer on top: the passphrase, then the form's panel. */
type CounselorView = 'none' | 'unlock' | 'panel';

const firstUnanswered = (def: ScaleDefinition, answers: Readonly<Record<string, string>>) => def.items.findIndex((i) => answers[i.id] === undefined);

export interface KioskProps {
  form: FormView;
  definition: ScaleDefinition;
  studentName: string;
  /** The kiosk is closed (finished, voided, or left to resume later). */
  onExit(): void;
}

/**
 * 屏幕作答: the whole viewport for one student and one form, one item at a time. Every tap is stored
 * at once (a crash or power cut loses nothing; the counselor resumes). No score, band or alert
 * wording ever appears here; only the counselor's passphrase leads out.
 */
export function Kiosk({ form, definition, studentName, onExit }: KioskProps) {
  const { t } = useTranslation();
  const text = useLocalized();
  const [answers, setAnswers] = useState<Record<string, string>>(form.answers);
  const [index, setIndex] = useState(0);
  const [view, setView] = useState<StudentView>('instructions');
  const [counselor, setCounselor] = useState<CounselorView>('none');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const marker = useRef<HTMLSpanElement>(null);
  useKioskGuard(marker, () => setCounselor((c) => (c === 'none' ? 'unlock' : c)));

  const goOn = (from: Readonly<Record<string, string>>, next: number) => {
    if (next < definition.items.length) {
      setIndex(next);
      setView('question');
    } else setView(firstUnanswered(definition, from) === -1 ? 'review' : 'question');
  };

  const answer = async (code: string) => {
    if (busy) return;
    const itemId = definition.items[index]!.id;
    setBusy(true);
    setFailed(false);
    try {
      const { raised } = await api.assessments.answer({ formId: form.id, itemId, code });
      const next = { ...answers, [itemId]: code };
      setAnswers(next);
      if (raised.length > 0) setView('waiting');
      else goOn(next, index + 1);
    } catch {
      // Said plainly and calmly; the details are for the counselor, who sees the form afterwards.
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await api.assessments.finish({ formId: form.id });
      setView('thanks');
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  /** The student picks up where nothing is answered yet: after a crash, or once the counselor lets them go on. */
  const toFirstUnanswered = (from: Readonly<Record<string, string>>) => {
    const next = firstUnanswered(definition, from);
    goOn(from, next === -1 ? definition.items.length : next);
  };

  const resume = (latest: FormView) => {
    setAnswers(latest.answers);
    setCounselor('none');
    toFirstUnanswered(latest.answers);
  };

  const student = (() => {
    switch (view) {
      case 'instructions':
        return (
          <div className="kiosk-body">
            <h1 className="kiosk-question">{t('administer.kiosk.instructionsTitle')}</h1>
            <p className="kiosk-message" style={{ textAlign: 'start' }}>
              {text(definition.instructions ?? definition.recallPeriod)}
            </p>
            <p className="kiosk-hint" style={{ textAlign: 'start' }}>
              {t('administer.kiosk.instructionsHint')}
            </p>
            <button type="button" className="kiosk-action primary" autoFocus onClick={() => toFirstUnanswered(answers)}>
              {t('administer.kiosk.begin')}
            </button>
          </div>
        );
      case 'question':
        return <KioskQuestion definition={definition} index={index} chosen={answers[definition.items[index]!.id]} busy={busy} onAnswer={(c) => void answer(c)} onPrevious={() => setIndex((i) => Math.max(0, i - 1))} />;
      case 'review':
        return (
          <div className="kiosk-body">
            <p className="kiosk-message">{t('administer.kiosk.allAnswered')}</p>
            <div className="kiosk-nav">
              <button type="button" className="kiosk-action" onClick={() => goOn(answers, definition.items.length - 1)}>
                {t('administer.kiosk.previous')}
              </button>
              <button type="button" className="kiosk-action primary" autoFocus disabled={busy} onClick={() => void submit()}>
                {t('administer.kiosk.submit')}
              </button>
            </div>
          </div>
        );
      case 'waiting':
        return (
          <div className="kiosk-body">
            <p className="kiosk-message" role="status">
              {t('administer.kiosk.wait')}
            </p>
          </div>
        );
      case 'thanks':
        return (
          <div className="kiosk-body">
            <p className="kiosk-message" role="status">
              {t('administer.kiosk.thanks')}
            </p>
            <p className="kiosk-hint">{t('administer.kiosk.thanksHint')}</p>
          </div>
        );
    }
  })();

  return (
    <>
      <span ref={marker} hidden />
      {createPortal(
        <div className="kiosk" data-testid="kiosk">
          {counselor === 'none' ? (
            <header>
              <button type="button" className="kiosk-teacher" onClick={() => setCounselor('unlock')}>
                {t('administer.kiosk.teacher')}
              </button>
            </header>
          ) : null}
          <main className="kiosk-main">
            {counselor === 'unlock' ? (
              <KioskUnlock onUnlocked={() => setCounselor('panel')} onCancel={() => setCounselor('none')} />
            ) : counselor === 'panel' ? (
              <KioskCounselorPanel formId={form.id} definition={definition} studentName={studentName} onContinue={resume} onExit={onExit} />
            ) : (
              <>
                {student}
                {failed ? <p className="kiosk-hint" role="status">{t('administer.kiosk.saveFailed')}</p> : null}
              </>
            )}
          </main>
        </div>,
        document.body,
      )}
    </>
  );
}
