import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScaleDefinition } from '../../../../../shared/domain/scales/definition';
import { optionsOf, useLocalized } from '../useScaleDefinition';

interface KioskQuestionProps {
  definition: ScaleDefinition;
  index: number;
  /** The code already given for this item (going back shows it chosen). */
  chosen: string | undefined;
  busy: boolean;
  onAnswer(code: string): void;
  onPrevious(): void;
}

/**
 * One item, large: its progress (never a score), the recall period, the question and one big
 * button per option. Keys 1–9 pick an option by its place; arrows move between options and
 * Enter or Space presses the one in focus.
 */
export function KioskQuestion({ definition, index, chosen, busy, onAnswer, onPrevious }: KioskQuestionProps) {
  const { t } = useTranslation();
  const text = useLocalized();
  const item = definition.items[index]!;
  const options = optionsOf(definition, item.id);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const total = definition.items.length;

  // A disabled button drops focus while its answer is saved: give it back once the kiosk listens again.
  useEffect(() => {
    if (busy) return;
    const at = Math.max(0, options.findIndex((o) => o.code === chosen));
    buttons.current[at]?.focus();
  }, [item.id, chosen, options, busy]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (busy) return;
    const focused = buttons.current.findIndex((b) => b === document.activeElement);
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    const byDigit = /^[1-9]$/.test(e.key) ? options[Number(e.key) - 1] : undefined;
    if (step !== undefined) buttons.current[(focused + step + options.length) % options.length]?.focus();
    else if (byDigit) onAnswer(byDigit.code);
    else return;
    e.preventDefault();
  };

  // Keys are heard on the whole window, not only where focus is: while an answer is saved its
  // disabled button drops focus to the page, and the next key must not be lost.
  // Updated in the same commit that enables the buttons again, so a key pressed as soon as they
  // are drawn is heard by this render's handler, not the last one's (which saw busy).
  const latest = useRef(onKeyDown);
  useLayoutEffect(() => {
    latest.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="kiosk-body">
      <div className="kiosk-progress">
        <span>{t('administer.kiosk.progress', { current: index + 1, total })}</span>
        <span className="kiosk-progress-bar" aria-hidden>
          <span style={{ width: `${(index / total) * 100}%` }} />
        </span>
      </div>
      {definition.recallPeriod || definition.instructions ? <p className="kiosk-recall">{text(definition.instructions ?? definition.recallPeriod)}</p> : null}
      <h1 className="kiosk-question" id="kiosk-question">
        {text(item.text)}
      </h1>
      <div className="kiosk-options" role="group" aria-labelledby="kiosk-question">
        {options.map((o, i) => (
          <button
            key={o.code}
            type="button"
            className="kiosk-option"
            aria-pressed={o.code === chosen}
            disabled={busy}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            onClick={() => onAnswer(o.code)}
          >
            <span className="kiosk-key" aria-hidden>
              {i + 1}
            </span>
            <span>{text(o.text) || o.code}</span>
          </button>
        ))}
      </div>
      <div className="kiosk-nav">
        <button type="button" className="kiosk-action" onClick={onPrevious} disabled={index === 0 || busy}>
          {t('administer.kiosk.previous')}
        </button>
        <p className="kiosk-hint">{t('administer.kiosk.keysHint')}</p>
      </div>
    </div>
  );
}
